"""On a phone, a district admin writes a district policy at the hub and publishes it; the worker
copies it into every park, where its page carries the district label."""

import time
import uuid

import pytest
from django_tenants.utils import schema_context

from cms.models import PolicyPage
from core.tasks import active_park_schemas
from onewindow.models import DistrictPolicy

from .conftest import PHONE, assert_accessible
from .test_appeal_journey import log_in
from .test_phone_lists import FITS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARK = "dayun"


def _copy_in(schema: str, key: uuid.UUID, seconds: float = 60) -> PolicyPage:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with schema_context(schema):
            page = PolicyPage.objects.live().filter(district_key=key).first()
        if page is not None:
            return page
        time.sleep(0.5)
    raise AssertionError(f"district policy {key} not copied into {schema}")


def _live_copies(key: uuid.UUID, seconds: float = 60) -> list[str]:
    """The parks that still show the policy, once the worker has had up to `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        live = []
        for schema in active_park_schemas():
            with schema_context(schema):
                if PolicyPage.objects.live().filter(district_key=key).exists():
                    live.append(schema)
        if not live or time.monotonic() > deadline:
            return live
        time.sleep(0.5)


def test_a_district_policy_is_written_on_a_phone_and_reaches_the_parks(
    demo_site, browser, phone, celery_worker
):
    hub = demo_site.format(host="localhost")
    title = f"龙岗区专精特新企业奖励 {uuid.uuid4().hex[:6]}"
    log_in(phone, hub, "admin")

    phone.goto(hub + "/district-policies/new/")
    assert phone.evaluate(FITS) is True
    assert_accessible(phone)
    phone.locator("#id_title").fill(title)
    phone.locator("#id_issuing_authority").fill("深圳市龙岗区工业和信息化局")
    phone.locator("#id_publish_date").fill("2026-11-01")
    phone.locator("#id_effective_date").fill("2026-11-15")
    phone.locator("#id_summary").fill("对新认定的专精特新企业给予一次性奖励。")
    phone.locator("#id_industry_codes").select_option(["I", "39"])
    phone.locator("input[name=enterprise_sizes][value=small]").check()
    phone.locator("#id_qualification_names").fill("专精特新中小企业、国家高新技术企业")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()

    assert phone.url.endswith("/district-policies/")
    assert phone.evaluate(FITS) is True
    assert_accessible(phone)
    policy = DistrictPolicy.objects.get(title=title)
    assert (policy.status, policy.qualification_names) == (
        "draft",
        ["专精特新中小企业", "国家高新技术企业"],
    )
    phone.locator(f"form[action='/district-policies/{policy.pk}/publish/'] button").click()
    phone.wait_for_load_state()

    copy = _copy_in(PARK, policy.key)
    with schema_context(PARK):
        path = copy.url
    park = browser.new_context(viewport=PHONE, is_mobile=True, locale="zh-CN")
    visitor = park.new_page()
    visitor.goto(demo_site.format(host=f"{PARK}.localhost") + path)
    assert visitor.locator("main .badge-district").is_visible() is True
    assert visitor.locator("main h1").inner_text() == title
    assert_accessible(visitor)
    park.close()

    # Withdrawn, it leaves every park again (and no later test meets it live in its park).
    phone.goto(hub + "/district-policies/")
    phone.locator(f"form[action='/district-policies/{policy.pk}/withdraw/'] button").click()
    phone.wait_for_load_state()
    assert _live_copies(policy.key) == []
