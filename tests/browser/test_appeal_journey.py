"""The appeal journey in a real browser: an enterprise submits on a phone, the window accepts,
the liaison answers in the hub, the enterprise reads the answer and rates it. A real Celery
worker carries the case to the hub and the answer back."""

import time
import uuid

import pytest
from django_tenants.utils import schema_context
from playwright.sync_api import expect

from appeals.models import Appeal
from demo.parks import DEMO_PASSWORD
from onewindow.models import Case, Liaison

from .conftest import PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def wait_for(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError("timed out waiting for the worker")


def log_in(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("账号").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def test_submit_accept_answer_and_rate(demo_site, browser, celery_worker):
    park = demo_site.format(host="tiananyungu.localhost")
    hub = demo_site.format(host="localhost")
    title = f"研发费用加计扣除咨询 {uuid.uuid4().hex[:6]}"
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}

    enterprise = browser.new_context(**phone).new_page()
    log_in(enterprise, park, "enterprise")
    enterprise.get_by_role("link", name="我的诉求").click()
    enterprise.get_by_role("link", name="提交诉求").click()
    enterprise.wait_for_load_state()
    assert_accessible(enterprise)
    enterprise.get_by_label("诉求类别").select_option(label="税务")
    enterprise.get_by_label("标题").fill(title)
    enterprise.get_by_label("诉求内容").fill("想确认今年研发费用加计扣除的申报口径。")
    enterprise.get_by_role("button", name="提交", exact=True).click()
    enterprise.wait_for_load_state()
    number = enterprise.locator(".tracking-number").inner_text()
    assert number.startswith("TAYG-")
    assert enterprise.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(enterprise)

    window = browser.new_context(locale="zh-CN").new_page()
    log_in(window, park, "window")
    window.get_by_role("link", name="窗口诉求受理").click()
    window.get_by_label("受理编号、标题或企业").fill(number)
    window.get_by_role("button", name="筛选").click()
    window.get_by_role("link", name=number).click()
    window.wait_for_load_state()
    assert_accessible(window)
    window.get_by_role("button", name="受理", exact=True).click()
    window.wait_for_load_state()
    # Back on the appeal: the window is told it went to the district, and the status says so.
    # (expect waits for the new page: the old one's status is still "待受理".)
    expect(window.locator(".messages")).to_have_text("已受理并推送至区级平台。")
    expect(window.locator("main .status").first).to_have_text("已受理，部门办理中")

    case = wait_for(lambda: Case.objects.filter(tracking_number=number).first())
    username = Liaison.objects.filter(department=case.department).first().user.username
    liaison = browser.new_context(locale="zh-CN").new_page()
    log_in(liaison, hub, username)
    liaison.get_by_role("link", name="工单").first.click()
    liaison.get_by_label("受理编号、标题或企业").fill(number)
    liaison.get_by_role("button", name="筛选").click()
    liaison.get_by_role("link", name=number).click()
    liaison.wait_for_load_state()
    assert_accessible(liaison)
    liaison.get_by_role("button", name="签收工单").click()
    liaison.wait_for_load_state()
    answer = "符合条件的研发费用可按100%加计扣除，请于汇算清缴时申报。"
    liaison.locator("#id_text").fill(answer)
    liaison.get_by_role("button", name="提交答复").click()
    liaison.wait_for_load_state()

    def answered():
        with schema_context("tiananyungu"):
            return Appeal.objects.filter(tracking_number=number, status="answered").exists()

    wait_for(answered)
    enterprise.goto(f"{park}/appeals/{number}/")
    assert answer in enterprise.content()
    assert_accessible(enterprise)
    enterprise.get_by_label("是", exact=True).check()
    enterprise.get_by_label("非常满意").check()
    enterprise.get_by_role("button", name="提交评价").click()
    enterprise.wait_for_load_state()
    assert "已办结" in enterprise.locator(".status").first.inner_text()
    wait_for(lambda: Case.objects.filter(tracking_number=number, status="closed").exists())
    for page in (enterprise, window, liaison):
        page.context.close()
