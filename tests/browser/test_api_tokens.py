"""An enterprise on a phone issues a personal API token, copies it, and calls the API with it."""

import json
import urllib.error
import urllib.request

import pytest

from .conftest import PHONE, assert_accessible
from .test_appeal_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HOST = "tiananyungu.localhost"


def _me(server: str, token: str) -> tuple[int, dict]:
    """GET /api/v1/me/ on the live server: 127.0.0.1 with the park's Host header."""
    request = urllib.request.Request(
        server.format(host="127.0.0.1") + "/api/v1/me/",
        headers={"Host": HOST, "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_an_enterprise_issues_a_token_on_a_phone_and_calls_the_api(demo_site, phone):
    base = demo_site.format(host=HOST)
    log_in(phone, base, "enterprise")
    phone.locator('.site-nav a[href="/accounts/tokens/"]').click()
    phone.wait_for_load_state()
    assert_accessible(phone)

    phone.locator("#id_name").fill("微信小程序")
    phone.locator("#id_days").select_option("90")
    phone.locator("main form button.primary").click()
    phone.wait_for_load_state()
    token = phone.locator("#new-token").input_value()
    assert token.startswith("pp_")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone)

    status, me = _me(demo_site, token)
    assert status == 200
    assert (me["username"], me["site"]) == ("enterprise", "tiananyungu")

    phone.goto(base + "/accounts/tokens/")
    assert phone.locator("#new-token").count() == 0
    assert token not in phone.content()
    phone.locator("main table.list button", has_text="微信小程序").first.click()
    phone.wait_for_load_state()
    status, error = _me(demo_site, token)
    assert status == 401
    assert error["error"]["code"] == "token_invalid"
