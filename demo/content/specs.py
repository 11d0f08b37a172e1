"""The shapes of the demo content. Park modules hold instances of these, nothing else.

A `Day` is either a fixed date (real national documents keep their real dates) or a whole number
of days from today, so that "expired", "not yet effective" and "applications open now" stay true
whenever the demo is seeded.
"""

import datetime
from dataclasses import dataclass

Day = int | datetime.date


@dataclass(frozen=True, kw_only=True)
class Provider:
    name: str
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class Policy:
    slug: str
    title: str
    issuing_authority: str
    document_number: str  # "{year}" is replaced by the year of the publish date
    level: str
    publish: Day
    effective: Day
    summary: str
    interpretation: str
    key_points: tuple[tuple[str, str], ...]
    expiry: Day | None = None
    industries: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    min_years: int | None = None
    max_years: int | None = None
    application: tuple[Day, Day | None] | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Service:
    slug: str
    title: str
    category: str
    summary: str
    provider: Provider
    audience: str
    how_to_get: str
    body: str = ""
    related_policies: tuple[str, ...] = ()  # policy slugs


@dataclass(frozen=True, kw_only=True)
class News:
    slug: str
    title: str
    days_ago: int
    summary: str
    body: str


@dataclass(frozen=True, kw_only=True)
class Guide:
    slug: str
    title: str
    summary: str
    where: str
    time_limit: str
    fees: str
    materials: str
    steps: tuple[tuple[str, str], ...]
    questions: tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class Home:
    intro: str
    highlighted_services: tuple[str, str, str]  # service slugs
    appeal_heading: str
    appeal_text: str
    appeal_button: str
    services_heading: str = "特色服务"
    policies_heading: str = "最新政策"
    service_days_heading: str = "近期企业服务日"
    news_heading: str = "园区动态"
    contact_heading: str = "联系我们"


@dataclass(frozen=True, kw_only=True)
class Contact:
    address: str
    phone: str
    email: str
    service_hours: str
    footer_links: tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class Park:
    home: Home
    contact: Contact
    policies: tuple[Policy, ...]
    services: tuple[Service, ...]
    news: tuple[News, ...]
    guides: tuple[Guide, ...]
    services_intro: str = ""
    policies_intro: str = ""
    news_intro: str = ""
    guides_intro: str = ""
