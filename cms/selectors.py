"""Read-side queries of the park's content."""

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Q, prefetch_related_objects
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from .cache import shared
from .models.news import NewsPage
from .models.policies import PolicyLevel, PolicyPage, PolicyPageTag, shanghai_today
from .models.services import ServicePage
from .models.settings import ParkSettings
from .segment import segment_query

POLICY_PAGE_SIZE = 10


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page under a view restriction: the sections anonymous visitors
    may not see. Read once per content generation (saving or deleting a restriction bumps it)."""
    return shared(
        "restricted-sections",
        lambda: list(
            PageViewRestriction.objects.order_by("page__path")
            .values_list("page__path", "page__depth")
            .distinct()
        ),
    )


def public(pages):
    """Wagtail's `pages.public()` (no page in or under a restricted section), without its query
    of every view restriction on each call."""
    private = Q(pk__in=[])
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private)


def services_shown(pages) -> list[ServicePage]:
    """Hand-picked services (a home page block) that anyone may see, in the order chosen: live,
    under no view restriction (the anonymous home page is cached and shared)."""
    ids = [page.pk for page in pages if page is not None]
    visible = public(ServicePage.objects.filter(pk__in=ids).live()).in_bulk()
    return [visible[pk] for pk in ids if pk in visible]


def service_list(*, parent, category: str = ""):
    services = public(ServicePage.objects.child_of(parent).live()).select_related("provider")
    if category:
        services = services.filter(category=category)
    return services.order_by("path")


def news_published(*, parent):
    """The news under `parent` anyone may see, newest first."""
    return public(NewsPage.objects.child_of(parent).live()).order_by("-date", "-id")


def news_list(*, parent, page_number=None, per_page: int = 10):
    return Paginator(news_published(parent=parent), per_page).get_page(page_number)


def latest_news(*, count: int):
    return public(NewsPage.objects.live()).order_by("-date", "-id")[:count]


def latest_policies(*, count: int):
    today = shanghai_today()
    return (
        public(PolicyPage.objects.live()).in_force(today).order_by("-publish_date", "-id")[:count]
    )


def policy_library(*, index, params) -> dict:
    """The policy list with its filters: level, topic, in force, application open now."""
    today = shanghai_today()
    policies, filters = policies_filtered(index=index, params=params, today=today)
    page = Paginator(policies, POLICY_PAGE_SIZE).get_page(params.get("page"))
    return {
        "policies": page,
        "levels": PolicyLevel.choices,
        "filters": filters,
        "topics": policy_topics(),
        "today": today,
    }


def policies_filtered(*, index, params, today: datetime.date) -> tuple[Any, dict]:
    """The library's policies that pass its filters (level, topic, in force, application open
    now, a search `q`), in the order the library lists them, and the filters as understood."""
    everything = public(PolicyPage.objects.child_of(index).live())
    policies = everything.prefetch_related("tags")
    level = params.get("level", "")
    if level in PolicyLevel.values:
        policies = policies.filter(level=level)
    topic = params.get("topic", "").strip()[:50]
    if topic:
        policies = policies.filter(tags__name=topic)
    if params.get("in_force"):
        policies = policies.in_force(today)
    if params.get("open"):
        policies = policies.application_open(today)
    query = params.get("q", "").strip()
    if query:
        # The search backend cannot filter on tags or application dates: search the whole
        # library, then keep the ranked results that pass the filters.
        allowed = set(policies.values_list("pk", flat=True))
        policies = [p for p in search_pages(query, queryset=everything) if p.pk in allowed]
        prefetch_related_objects(policies, "tags")  # the list shows each policy's topics
    else:
        policies = policies.by_relevance_on(today)
    filters = {
        "level": level,
        "topic": topic,
        "q": query,
        "in_force": bool(params.get("in_force")),
        "open": bool(params.get("open")),
    }
    return policies, filters


def policy_topics(*, limit: int = 30) -> list[str]:
    """The most used topics of published, public policies."""

    visible = public(PolicyPage.objects.live()).values("pk")
    rows = (
        PolicyPageTag.objects.filter(content_object__in=visible)
        .values("tag__name")
        .annotate(uses=Count("id"))
        .order_by("-uses", "tag__name")[:limit]
    )
    return sorted(row["tag__name"] for row in rows)


def search_pages(query: str, *, queryset=None):
    """Chinese-aware search: segmented full-text first, substring match on titles as fallback."""
    queryset = queryset if queryset is not None else public(Page.objects.live()).specific()
    words = segment_query(query)
    if not words:
        return queryset.none()
    results = list(queryset.search(words, operator="and"))
    if results:
        return results
    # A word jieba does not know may still sit inside a title (e.g. a brand or project name).
    compact = "".join(words.split())
    return list(queryset.filter(Q(title__icontains=compact)).order_by("-first_published_at")[:50])


def section_index(model):
    """The first live index page of a section (`PolicyIndexPage`…) anyone may see, or None."""
    return public(model.objects.live()).order_by("path").first()


def page_get_public(*, model, pk: int):
    """A live page of type `model` under no view restriction, or 404 (a draft, a private page
    and another park's page all look like none)."""
    page = public(model.objects.live()).filter(pk=pk).first()
    if page is None:
        raise Http404
    return page


def pages_public(pages) -> list:
    """Of `pages` (chosen in a page's fields), the live ones anyone may see, in the order given."""
    ids = [page.pk for page in pages if page is not None]
    visible = public(Page.objects.filter(pk__in=ids).live()).specific().in_bulk()
    return [visible[pk] for pk in ids if pk in visible]


def park_settings_get():
    """The park's site settings (address, phone, colour…), None until first saved."""
    return ParkSettings.objects.filter(site__is_default_site=True).first()
