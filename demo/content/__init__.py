"""Demo content of a park's Wagtail site: services, policies, news, guides, home page, settings.

`content_seed` runs in the park's schema (the caller sets it) and is idempotent: a page that
already exists under its parent (same slug) is left exactly as it is.
"""

from django.db import transaction
from django.utils import timezone

from cms.models import (
    GuideIndexPage,
    NewsIndexPage,
    ParkHomePage,
    PolicyIndexPage,
    ServiceIndexPage,
)

from . import builders
from .parks import park_content


@transaction.atomic
def content_seed(*, park_slug: str) -> None:
    park = park_content(park_slug)
    home = ParkHomePage.objects.filter(depth=2).first()
    if home is None:
        raise LookupError(f"Park {park_slug!r} has no home page: provision the park first.")
    today = timezone.localdate()

    policy_index = builders.index_ensure(
        home, PolicyIndexPage, slug="policies", title="政策库", intro=park.policies_intro
    )
    policies = {
        spec.slug: builders.policy_ensure(policy_index, spec, today) for spec in park.policies
    }

    service_index = builders.index_ensure(
        home, ServiceIndexPage, slug="services", title="园区服务", intro=park.services_intro
    )
    services = {
        spec.slug: builders.service_ensure(service_index, spec, policies) for spec in park.services
    }

    news_index = builders.index_ensure(
        home, NewsIndexPage, slug="news", title="园区动态", intro=park.news_intro
    )
    for spec in park.news:
        builders.news_ensure(news_index, spec, today)

    guide_index = builders.index_ensure(
        home, GuideIndexPage, slug="guides", title="办事指南", intro=park.guides_intro
    )
    for guide in park.guides:
        builders.guide_ensure(guide_index, guide)

    builders.home_ensure(home, park.home, services)
    builders.settings_ensure(park.contact)


__all__ = ["content_seed"]
