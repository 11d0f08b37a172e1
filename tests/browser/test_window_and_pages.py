"""Window staff verify a new enterprise on a phone; news and guide pages pass axe."""

import re

import pytest

from demo.parks import DEMO_PASSWORD, demo_uscc

from .conftest import assert_accessible
from .sms import sms_code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _log_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("账号").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def test_window_staff_approve_a_registered_enterprise(demo_site, browser):
    base = demo_site.format(host="shumacheng.localhost")
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "locale": "zh-CN"}
    enterprise = browser.new_context(**phone).new_page()
    enterprise.goto(base + "/register/")
    enterprise.get_by_label("企业名称").fill("深圳窗口审核测试有限公司")
    enterprise.get_by_label("统一社会信用代码").fill(demo_uscc(8888))
    enterprise.get_by_label("联系人姓名").fill("吴八")
    enterprise.get_by_label("手机号码").fill("13600002222")
    enterprise.locator("button[name=action][value=send_code]").click()
    enterprise.wait_for_load_state()
    enterprise.locator("input[name=mobile_code]").fill(sms_code_for("13600002222"))
    enterprise.get_by_label(re.compile("^密码")).fill("Window-Check-2026")
    enterprise.get_by_label("确认密码").fill("Window-Check-2026")
    enterprise.get_by_role("button", name="注册").click()
    enterprise.wait_for_load_state()
    _log_in(enterprise, base, "13600002222", "Window-Check-2026")
    assert "等待园区窗口审核" in enterprise.content()

    window = browser.new_context(**phone).new_page()
    _log_in(window, base, "window", DEMO_PASSWORD)
    window.get_by_role("link", name="企业审核").click()
    window.wait_for_load_state()
    assert_accessible(window)
    card = window.locator(".card", has_text="深圳窗口审核测试有限公司")
    card.get_by_role("button", name="通过").click()
    window.wait_for_load_state()
    assert "深圳窗口审核测试有限公司" not in window.locator("main .card-list").inner_text()

    enterprise.reload()
    assert "等待园区窗口审核" not in enterprise.content()
    for page in (enterprise, window):
        page.context.close()


def test_news_and_guide_pages_pass_axe_on_a_phone(demo_site, phone):
    base = demo_site.format(host="baolong.localhost")
    for index in ("/news/", "/guides/"):
        phone.goto(base + index)
        assert_accessible(phone)
        phone.locator("main .card a, main li a").first.click()
        phone.wait_for_load_state()
        assert_accessible(phone)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
