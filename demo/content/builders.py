"""Create-or-get helpers: a page is looked up by its slug under its parent and left as it is."""

import datetime
import uuid
from typing import overload

from wagtail.models import Page, Site

from cms.industries import THEME_CODES
from cms.models import (
    GuideIndexPage,
    GuidePage,
    Industry,
    NewsIndexPage,
    NewsPage,
    ParkHomePage,
    ParkSettings,
    PolicyIndexPage,
    PolicyPage,
    Qualification,
    ServiceIndexPage,
    ServicePage,
    ServiceProvider,
)

from . import specs


def _block_id() -> str:
    return str(uuid.uuid4())


def _stream(block_type: str, values) -> list[dict]:
    return [{"type": block_type, "value": value, "id": _block_id()} for value in values]


@overload
def resolve_day(day: specs.Day, today: datetime.date) -> datetime.date: ...
@overload
def resolve_day(day: specs.Day | None, today: datetime.date) -> datetime.date | None: ...
def resolve_day(day: specs.Day | None, today: datetime.date) -> datetime.date | None:
    if day is None or isinstance(day, datetime.date):
        return day
    return today + datetime.timedelta(days=day)


def _child(parent: Page, slug: str) -> Page | None:
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page is not None else None


def _publish_under(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def index_ensure(home: ParkHomePage, model, *, slug: str, title: str, intro: str) -> Page:
    return _child(home, slug) or _publish_under(home, model(title=title, slug=slug, intro=intro))


def provider_ensure(spec: specs.Provider) -> ServiceProvider:
    provider = ServiceProvider.objects.filter(name=spec.name).order_by("pk").first()
    if provider is None:
        provider = ServiceProvider.objects.create(
            name=spec.name,
            contact_person=spec.contact_person,
            phone=spec.phone,
            email=spec.email,
            address=spec.address,
            description=spec.description,
        )
    return provider


def _named(model, names: tuple[str, ...]) -> list:
    if model is Industry:  # the GB/T 4754 divisions each cluster covers, for matching
        return [
            model.objects.get_or_create(name=name, defaults={"codes": list(THEME_CODES[name])})[0]
            for name in names
        ]
    return [model.objects.get_or_create(name=name)[0] for name in names]


def policy_ensure(index: PolicyIndexPage, spec: specs.Policy, today: datetime.date) -> PolicyPage:
    existing = _child(index, spec.slug)
    if existing is not None:
        return existing
    publish = resolve_day(spec.publish, today)
    effective = resolve_day(spec.effective, today)
    expiry = resolve_day(spec.expiry, today)
    opens, closes = spec.application or (None, None)
    page = PolicyPage(
        title=spec.title,
        slug=spec.slug,
        issuing_authority=spec.issuing_authority,
        document_number=spec.document_number.replace("{year}", str(publish.year)),
        level=spec.level,
        publish_date=publish,
        effective_date=effective,
        expiry_date=expiry,
        summary=spec.summary,
        interpretation=spec.interpretation,
        key_points=_stream(
            "point", ({"title": title, "detail": detail} for title, detail in spec.key_points)
        ),
        enterprise_sizes=list(spec.sizes),
        min_years_since_founding=spec.min_years,
        max_years_since_founding=spec.max_years,
        application_opens=resolve_day(opens, today),
        application_closes=resolve_day(closes, today),
    )
    page.industries.set(_named(Industry, spec.industries))
    page.qualifications.set(_named(Qualification, spec.qualifications))
    page.tags.add(*spec.tags)
    return _publish_under(index, page)


def service_ensure(
    index: ServiceIndexPage, spec: specs.Service, policies: dict[str, PolicyPage]
) -> ServicePage:
    existing = _child(index, spec.slug)
    if existing is not None:
        return existing
    page = ServicePage(
        title=spec.title,
        slug=spec.slug,
        category=spec.category,
        summary=spec.summary,
        provider=provider_ensure(spec.provider),
        audience=spec.audience,
        how_to_get=spec.how_to_get,
        body=_stream("rich_text", [spec.body] if spec.body else []),
        related_policies=_stream("policy", (policies[slug].pk for slug in spec.related_policies)),
    )
    return _publish_under(index, page)


def news_ensure(index: NewsIndexPage, spec: specs.News, today: datetime.date) -> NewsPage:
    existing = _child(index, spec.slug)
    if existing is not None:
        return existing
    page = NewsPage(
        title=spec.title,
        slug=spec.slug,
        date=today - datetime.timedelta(days=spec.days_ago),
        summary=spec.summary,
        body=_stream("rich_text", [spec.body]),
    )
    return _publish_under(index, page)


def guide_ensure(index: GuideIndexPage, spec: specs.Guide) -> GuidePage:
    existing = _child(index, spec.slug)
    if existing is not None:
        return existing
    page = GuidePage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        where=spec.where,
        time_limit=spec.time_limit,
        fees=spec.fees,
        materials=spec.materials,
        steps=_stream("step", ({"title": t, "detail": d} for t, d in spec.steps)),
        questions=_stream("question", ({"question": q, "answer": a} for q, a in spec.questions)),
    )
    return _publish_under(index, page)


def home_ensure(home: ParkHomePage, spec: specs.Home, services: dict[str, ServicePage]) -> None:
    """Fill the home page's introduction and sections, unless someone already has."""
    if home.body and home.intro:
        return
    if not home.intro:
        home.intro = spec.intro
    if not home.body:
        home.body = [
            {
                "type": "highlighted_services",
                "value": {
                    "heading": spec.services_heading,
                    "services": _stream(
                        "item", (services[slug].pk for slug in spec.highlighted_services)
                    ),
                },
            },
            {"type": "latest_policies", "value": {"heading": spec.policies_heading, "count": 5}},
            {"type": "service_days", "value": {"heading": spec.service_days_heading}},
            {"type": "latest_news", "value": {"heading": spec.news_heading, "count": 3}},
            {
                "type": "appeal_entry",
                "value": {
                    "heading": spec.appeal_heading,
                    "text": spec.appeal_text,
                    "button_label": spec.appeal_button,
                },
            },
            {"type": "contact", "value": {"heading": spec.contact_heading}},
        ]
    home.save_revision().publish()


def settings_ensure(spec: specs.Contact) -> None:
    """Fill the blank contact fields of the default site's park settings."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = ParkSettings.for_site(site)
    changed = []
    for name in ("address", "phone", "email", "service_hours"):
        if not getattr(settings, name):
            setattr(settings, name, getattr(spec, name))
            changed.append(name)
    if not settings.footer_links:
        settings.footer_links = _stream(
            "link", ({"label": label, "url": url} for label, url in spec.footer_links)
        )
        changed.append("footer_links")
    if changed:
        settings.save(update_fields=changed)
