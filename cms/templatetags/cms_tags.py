"""Template helpers of the park's pages: main navigation, site settings, labels of stored codes."""

import copy

from django import template
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from cms.cache import shared
from cms.models import (
    GuideIndexPage,
    NewsIndexPage,
    ParkSettings,
    PolicyIndexPage,
    ServiceIndexPage,
)
from cms.models.policies import EnterpriseSize
from cms.selectors import public

register = template.Library()

# (key, page type, label) of the main navigation, in display order after "Home".
SECTIONS = [
    ("services", ServiceIndexPage, _("Park services")),
    ("policies", PolicyIndexPage, _("Policy library")),
    ("news", NewsIndexPage, _("Park news")),
    ("guides", GuideIndexPage, _("Service guides")),
]


def _site(request):
    if not hasattr(request, "_park_site"):
        request._park_site = Site.find_for_request(request)
    return request._park_site


@register.simple_tag(takes_context=True)
def park_settings(context):
    """The park's site settings (address, phone, footer links…), None until first saved.

    Unlike Wagtail's `{% get_settings %}` this never creates the row while a page is rendered:
    that write would count as a content change and empty the park's page cache. Kept for every
    visitor of the park (cms.cache.shared): saving the settings bumps the content generation.
    """
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_park_settings"):
        site = _site(request)
        kept = (
            shared(
                f"park-settings:{site.pk}",
                lambda: ParkSettings.objects.filter(site=site).first(),
                request=request,
            )
            if site is not None
            else None
        )
        # A copy of the shared row: what one request loads through it (the logo) stays its own.
        request._park_settings = copy.copy(kept)
    return request._park_settings


@register.simple_tag(takes_context=True)
def park_sections(context) -> dict:
    """The first live index page of each section on the current site, by key ("policies"…).

    One query, kept on the request for the header and the blocks; only the shared renderings
    (the navigation's URLs, the home blocks) ask for it, once per content generation.
    """
    request = context.get("request")
    if request is None:
        return {}
    cached = getattr(request, "_park_sections", None)
    if cached is not None:
        return cached
    site = _site(request)
    sections: dict = {}
    if site is not None:
        pages = (
            public(Page.objects.live())
            .descendant_of(site.root_page)
            .type(*(model for _key, model, _label in SECTIONS))
            .order_by("path")
        )
        for page in pages:
            for key, model, _label in SECTIONS:
                if issubclass(page.specific_class, model):
                    sections.setdefault(key, page)
    request._park_sections = sections
    return sections


@register.inclusion_tag("cms/includes/main_nav.html", takes_context=True)
def main_nav(context):
    """首页 / 园区服务 / 政策库 / 园区动态 / 办事指南, marking the section the visitor is in."""
    request = context.get("request")
    path = request.path if request is not None else ""
    urls = _section_urls(context)
    items = [{"label": _("Home"), "url": "/", "current": "page" if path == "/" else ""}]
    for key, _model, label in SECTIONS:
        url = urls.get(key)
        if url:
            items.append({"label": label, "url": url, "current": _current(path, url)})
    return {"items": items}


def _section_urls(context) -> dict[str, str]:
    """The URL of each section's index page, kept for every visitor of the park (see
    cms.cache.shared): looking the pages up and routing them is the same for everyone."""
    request = context.get("request")

    def urls() -> dict[str, str]:
        sections = park_sections(context)
        return {key: page.get_url(request=request) for key, page in sections.items()}

    if request is None:
        return urls()
    site = _site(request)
    return shared(f"section-urls:{site.pk if site else None}", urls, request=request)


def _current(path: str, url: str) -> str:
    """aria-current: "page" on the index page itself, "true" on a page inside its section."""
    if path == url:
        return "page"
    return "true" if path.startswith(url) else ""


@register.filter
def enterprise_size_labels(codes) -> list:
    """The labels of stored enterprise size codes ("small" → 小型), skipping unknown codes."""
    return [EnterpriseSize(code).label for code in codes or [] if code in EnterpriseSize.values]
