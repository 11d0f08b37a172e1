"""A visitor on a phone opens the hub, follows each demo park's link and logs in there."""

import re

import pytest

from demo.parks import DEMO_PASSWORD, PARKS

from .conftest import assert_accessible
from .sms import sms_code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_hub_links_to_every_demo_park_and_its_enterprise_user_logs_in(demo_site, phone):
    hub = demo_site.format(host="localhost")
    for spec in PARKS:
        phone.context.clear_cookies()
        phone.goto(hub)
        assert phone.locator("h1").first.inner_text() == "龙岗区政企服务中心"
        phone.get_by_role("link", name=spec.name, exact=True).click()
        phone.wait_for_load_state()
        assert phone.url.startswith(f"http://{spec.slug}.localhost:")
        assert phone.locator("h1").inner_text() == spec.name
        assert spec.featured_focus in phone.content()

        phone.get_by_role("link", name="登录").first.click()
        phone.get_by_label("账号").fill("enterprise")
        phone.get_by_label("密码").fill(DEMO_PASSWORD)
        phone.get_by_role("button", name="登录").click()
        phone.wait_for_load_state()
        assert phone.locator(".site-nav .who").inner_text() == "李明"
        assert phone.locator("h1").inner_text() == spec.name


def test_hub_and_park_pages_fit_a_phone_and_pass_axe(demo_site, phone):
    for host, path in [
        ("localhost", "/"),
        ("dayun.localhost", "/"),
        ("dayun.localhost", "/accounts/login/"),
        ("dayun.localhost", "/register/"),
    ]:
        phone.goto(demo_site.format(host=host) + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{host}{path} scrolls sideways ({width}px)"
        assert_accessible(phone)


def test_language_switch_to_english_and_back(demo_site, phone):
    phone.goto(demo_site.format(host="dayun.localhost"))
    phone.get_by_role("link", name="English").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("link", name="Log in").is_visible()
    phone.get_by_role("link", name="简体中文").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("link", name="登录").first.is_visible()


def test_enterprise_registers_on_a_phone(demo_site, phone):
    """The enterprise asks for an SMS code, reads it from the text the server sent, registers."""
    from demo.parks import demo_uscc

    mobile = "13700001111"
    phone.goto(demo_site.format(host="baolong.localhost") + "/register/")
    phone.get_by_label("企业名称").fill("深圳手机注册测试有限公司")
    phone.get_by_label("统一社会信用代码").fill(demo_uscc(7777))
    phone.get_by_label("联系人姓名").fill("周七")
    phone.get_by_label("手机号码").fill(mobile)
    phone.locator("button[name=action][value=send_code]").click()
    phone.wait_for_load_state()
    assert phone.locator(".notice[role=status]").is_visible()
    assert phone.get_by_label("企业名称").input_value() == "深圳手机注册测试有限公司"
    assert phone.get_by_label("手机号码").input_value() == mobile

    phone.locator("input[name=mobile_code]").fill(sms_code_for(mobile))
    phone.get_by_label(re.compile("^密码")).fill("Phone-Reg-2026")
    phone.get_by_label("确认密码").fill("Phone-Reg-2026")
    phone.get_by_role("button", name="注册").click()
    phone.wait_for_load_state()
    assert "等待" in phone.content()
