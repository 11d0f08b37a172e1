"""The other appeal pages on a phone, each checked with axe: progress lookup, notifications,
correcting a returned appeal, walk-in filing, and the district admins' arbitration queue."""

import pytest
from django_tenants.utils import schema_context
from playwright.sync_api import expect

from appeals.models import Appeal
from demo.parks import DEMO_PASSWORD
from onewindow.models import Case, ExtensionRequest

from .conftest import PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def log_in(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("账号").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_progress_lookup_without_login(demo_site, phone):
    base = demo_site.format(host="dayun.localhost")
    with schema_context("dayun"):
        appeal = Appeal.objects.filter(status="closed").select_related("enterprise").first()
    phone.goto(base + "/")
    phone.get_by_role("link", name="诉求进度查询").click()
    phone.get_by_label("受理编号").fill("DYRJ-20200101-0001")
    phone.get_by_label("注册手机号码").fill(appeal.enterprise.mobile)
    phone.get_by_role("button", name="查询").click()
    # Waits for the answer page (reading the page mid-navigation gives an empty document).
    expect(phone.locator("main")).to_contain_text("没有与该受理编号和手机号码相符的诉求")
    assert_accessible(phone)
    phone.get_by_label("受理编号").fill(appeal.tracking_number)
    phone.get_by_role("button", name="查询").click()
    expect(phone.locator("main")).to_contain_text(appeal.title)
    assert_accessible(phone)
    assert fits_the_phone(phone)


def test_an_enterprise_corrects_a_returned_appeal_and_reads_its_notices(demo_site, phone):
    base = demo_site.format(host="baolong.localhost")
    with schema_context("baolong"):
        appeal = Appeal.objects.filter(
            status="returned", enterprise__account__username="enterprise"
        ).first()
    log_in(phone, base, "enterprise")
    phone.get_by_role("link", name="消息通知").click()
    phone.wait_for_load_state()
    assert_accessible(phone)
    phone.goto(f"{base}/appeals/{appeal.tracking_number}/")
    phone.get_by_role("link", name="补正后重新提交").click()
    phone.wait_for_load_state()
    assert_accessible(phone)
    assert fits_the_phone(phone)
    phone.get_by_label("诉求内容").fill("已按窗口要求补充营业执照副本和租赁合同。")
    phone.get_by_role("button", name="重新提交").click()
    phone.wait_for_load_state()
    assert "待受理" in phone.locator(".status").first.inner_text()


def test_walk_in_filing_and_arbitration_pages(demo_site, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="zh-CN")
    window = context.new_page()
    base = demo_site.format(host="zhonghaixin.localhost")
    log_in(window, base, "window")
    window.goto(base + "/office/appeals/new/")
    assert_accessible(window)
    assert fits_the_phone(window)
    admin = browser.new_context(viewport=PHONE, is_mobile=True, locale="zh-CN").new_page()
    hub = demo_site.format(host="localhost")
    log_in(admin, hub, "admin")
    admin.get_by_role("link", name="退单仲裁与延期审批").click()
    admin.wait_for_load_state()
    assert_accessible(admin)
    # A card per returned case and per pending request; an empty list shows one saying so.
    returned = Case.objects.filter(status=Case.Status.RETURNED).count()
    pending = ExtensionRequest.objects.filter(status=ExtensionRequest.Status.PENDING).count()
    assert admin.locator("main .card").count() == max(returned, 1) + max(pending, 1)
    for page in (window, admin):
        page.context.close()
