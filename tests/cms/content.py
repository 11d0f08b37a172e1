"""Small content builders for tests: pages in the current park schema, published."""

import datetime

from wagtail.models import Page

from cms.models import (
    NewsIndexPage,
    NewsPage,
    PolicyIndexPage,
    PolicyPage,
    ServiceIndexPage,
    ServicePage,
)


def home() -> Page:
    return Page.objects.get(depth=2).specific


def _index(model, slug: str, title: str):
    existing = model.objects.first()
    if existing:
        return existing
    index = model(title=title, slug=slug)
    home().add_child(instance=index)
    index.save_revision().publish()
    return index


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def policy(title: str, **fields) -> PolicyPage:
    today = datetime.date(2026, 11, 27)
    values = {
        "issuing_authority": "科技部 财政部 税务总局",
        "document_number": "国科发火〔2016〕32号",
        "level": "national",
        "publish_date": today - datetime.timedelta(days=30),
        "effective_date": today - datetime.timedelta(days=20),
        "summary": "政策摘要",
        **fields,
    }
    return publish(_index(PolicyIndexPage, "policies", "政策库"), PolicyPage(title=title, **values))


def service(title: str, **fields) -> ServicePage:
    values = {"category": "banking", "summary": "服务摘要", **fields}
    return publish(
        _index(ServiceIndexPage, "services", "园区服务"), ServicePage(title=title, **values)
    )


def news(title: str, **fields) -> NewsPage:
    values = {"summary": "动态摘要", **fields}
    return publish(_index(NewsIndexPage, "news", "园区动态"), NewsPage(title=title, **values))
