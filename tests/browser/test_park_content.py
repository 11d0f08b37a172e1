"""A visitor finds a service and a policy on a phone; content changes go through moderation."""

import re

import pytest
from django_tenants.utils import schema_context

from demo.parks import DEMO_PASSWORD

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_visitor_goes_home_service_policy_search_policy_page(demo_site, phone):
    base = demo_site.format(host="dayun.localhost")
    phone.goto(base)
    assert phone.locator("h1").first.inner_text() == "大运软件小镇"
    assert_accessible(phone)

    phone.get_by_role("link", name="园区服务").first.click()
    phone.wait_for_load_state()
    assert_accessible(phone)
    phone.locator(".service-list a, .card a").first.click()
    phone.wait_for_load_state()
    assert "/services/" in phone.url
    assert_accessible(phone)

    phone.goto(base + "/policies/")
    assert_accessible(phone)
    phone.get_by_label(re.compile("搜索政策")).fill("高新技术")
    phone.get_by_label(re.compile("搜索政策")).press("Enter")
    phone.wait_for_load_state()
    phone.get_by_role("link", name="国家高新技术企业认定管理办法解读").click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "国家高新技术企业认定管理办法解读"
    assert "国科发火〔2016〕32号" in phone.content()
    assert_accessible(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def _log_into_admin(page, base: str, username: str) -> None:
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_load_state()


def test_operator_edits_and_submits_manager_publishes_visitor_sees_it(demo_site, browser):
    from cms.models import PolicyPage

    base = demo_site.format(host="dayun.localhost")
    with schema_context("dayun"):
        policy = PolicyPage.objects.live().order_by("path").first()
        policy_id, policy_url = policy.id, policy.url
    new_summary = "经园区运营修改并审核发布的政策摘要"

    desktop = {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}
    operator = browser.new_context(**desktop).new_page()
    _log_into_admin(operator, base, "operator")
    operator.goto(f"{base}/admin/pages/{policy_id}/edit/")
    operator.locator("#id_summary").fill(new_summary)
    operator.locator("footer .w-dropdown__toggle").first.click()
    operator.locator("button[name=action-submit]").click()
    operator.wait_for_load_state()

    visitor = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    visitor.goto(base + policy_url)
    assert new_summary not in visitor.content()

    manager = browser.new_context(**desktop).new_page()
    _log_into_admin(manager, base, "manager")
    manager.goto(f"{base}/admin/pages/{policy_id}/edit/")
    manager.locator("footer .w-dropdown__toggle").first.click()
    manager.get_by_role("button", name=re.compile("^审核通过")).click()
    manager.wait_for_load_state()

    visitor.goto(base + policy_url)
    assert new_summary in visitor.content()
    other = demo_site.format(host="baolong.localhost")
    visitor.goto(other + "/policies/")
    assert new_summary not in visitor.content()
    visitor.goto(other + "/search/?q=" + new_summary)
    assert visitor.locator(".search-results").count() == 0
    for page in (operator, visitor, manager):
        page.context.close()
