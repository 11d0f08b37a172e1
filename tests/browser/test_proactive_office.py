"""The park's staff on their phones: an operator works a policy's outreach list (takes an
enterprise, records the contact); the window records a visit with a raised item and files it as
an appeal in one step, then sees the appeal with its link back to the visit.

Elements are found by their addresses and field names, not their words: the pages are read in
Chinese and their translations may still change."""

import datetime
import uuid

import pytest
from django_tenants.utils import schema_context

from .conftest import PHONE, assert_accessible
from .test_appeal_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARK = "baolong"


@pytest.fixture(scope="module")
def outreach_case(demo_site, django_db_blocker) -> tuple[int, int]:
    """A policy for small software companies and a new one that qualifies (committed)."""
    from cms.models import Industry
    from proactive.services import matching
    from proactive.services.profiles import profile_for, profile_save
    from tests.cms.content import policy
    from tests.servicedays.helpers import enterprise_new

    with django_db_blocker.unblock(), schema_context(PARK):
        enterprise = enterprise_new(f"主动服务测试软件公司{uuid.uuid4().hex[:4]}")
        profile_save(
            profile=profile_for(enterprise),
            by=enterprise.account,
            industry=Industry.objects.get(code="65"),
            founded_on=datetime.date(2020, 6, 1),
            headcount=30,
            revenue_band=500,
            assets_band=None,
            tags=[],
            qualifications=[],
        )
        page = policy(f"软件企业首台套奖励{uuid.uuid4().hex[:4]}", enterprise_sizes=["small"])
        page.industries.set([Industry.objects.get(code="I")])
        page.save_revision().publish()
        matching.policy_rematch(policy_id=page.pk)
    return page.pk, enterprise.pk


def phone_page(browser):
    return browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN"
    ).new_page()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_operator_works_the_outreach_list(demo_site, outreach_case, browser):
    from accounts.models import User
    from proactive.models import Outreach

    policy_id, enterprise_id = outreach_case
    base = demo_site.format(host=f"{PARK}.localhost")
    operator = phone_page(browser)
    log_in(operator, base, "operator")
    operator.goto(f"{base}/office/outreach/")
    assert_accessible(operator)
    operator.locator(f'a[href="/office/outreach/{policy_id}/"]').click()
    operator.wait_for_load_state()
    card = operator.locator(f"#e{enterprise_id}")
    card.locator('form[action$="/assign/"] button[type="submit"]').first.click()
    operator.wait_for_load_state()
    card = operator.locator(f"#e{enterprise_id}")
    card.locator("summary").first.click()
    card.locator(f"#e{enterprise_id}_outcome").select_option("contacted")
    card.locator(f"#e{enterprise_id}_note").fill("电话介绍政策，企业有意申报")
    card.locator('form[action$="/contact/"] button[type="submit"]').click()
    operator.wait_for_load_state()
    assert "张伟" in operator.locator(f"#e{enterprise_id}").inner_text()  # the operator
    assert fits(operator)
    assert_accessible(operator)
    with schema_context(PARK):
        outreach = Outreach.objects.get(policy_id=policy_id, enterprise_id=enterprise_id)
        assert outreach.outcome == "contacted"
        assert outreach.assigned_to == User.objects.get(username="operator")
        assert outreach.contacts.get().note == "电话介绍政策，企业有意申报"
    operator.context.close()


def test_the_window_files_a_visits_raised_item_as_an_appeal(demo_site, outreach_case, browser):
    from proactive.models import Visit

    _policy_id, enterprise_id = outreach_case
    base = demo_site.format(host=f"{PARK}.localhost")
    window = phone_page(browser)
    log_in(window, base, "window")
    window.goto(f"{base}/office/visits/")
    assert_accessible(window)
    window.locator('a[href="/office/visits/new/"]').click()
    window.wait_for_load_state()
    window.locator("#id_enterprise").select_option(str(enterprise_id))
    window.locator("#id_met_with").fill("刘总经理")
    window.locator("#id_item_1").fill("研发楼需要增加充电桩\n希望园区协调供电局")
    assert_accessible(window)
    window.locator('main form[method="post"] button[type="submit"]').click()
    window.wait_for_load_state()
    assert "研发楼需要增加充电桩" in window.content()
    assert_accessible(window)

    window.locator('a[href$="/appeal/"]').click()
    window.wait_for_load_state()
    assert window.locator("#id_title").input_value() == "研发楼需要增加充电桩"
    window.locator("#id_category").select_option(index=1)
    assert_accessible(window)
    window.locator('main form[method="post"] button[type="submit"]').click()
    window.wait_for_load_state()
    with schema_context(PARK):
        visit = Visit.objects.filter(enterprise_id=enterprise_id).latest("id")
        appeal = visit.items.get().appeal
    assert appeal is not None
    assert appeal.filed_at_window
    assert window.url.endswith(f"/office/appeals/{appeal.tracking_number}/")
    assert window.locator(f'a[href="/office/visits/{visit.pk}/"]').count() == 1
    assert "研发楼需要增加充电桩" in window.content()
    assert fits(window)
    assert_accessible(window)
    window.context.close()
