"""A park operator issues an Open311 API key in the back office, an integrator files a request
with it, and once the operator revokes it the key opens nothing."""

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django_tenants.utils import schema_context

from enterprises.models import Enterprise

from .test_park_content import _log_into_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HOST = "tiananyungu.localhost"


def _open311(server: str, path: str, data: dict | None = None) -> tuple[int, object]:
    """A call to the live server's Open311 endpoint, as an integrator's system makes it."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(
        server.format(host="127.0.0.1") + "/open311/v2/" + path, data=body, headers={"Host": HOST}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_operator_issues_a_key_an_integrator_files_with_it_and_revoking_closes_it(
    demo_site, browser
):
    base = demo_site.format(host=HOST)
    with schema_context("tiananyungu"):
        uscc = Enterprise.objects.filter(status=Enterprise.Status.VERIFIED).first().uscc
    # Unique: live-server data stays committed, and a rerun finds the earlier keys.
    name = f"12345 热线对接 {secrets.token_hex(3)}"
    page = browser.new_context(locale="zh-CN").new_page()
    _log_into_admin(page, base, "operator")

    page.goto(base + "/admin/open311/keys/")
    page.get_by_role("link", name="签发密钥").click()
    page.wait_for_load_state()
    page.locator("#id_name").fill(name)
    page.locator("#id_organisation").fill("龙岗区 12345 热线")
    page.get_by_role("button", name="签发密钥").click()
    page.wait_for_load_state()
    key = page.locator("#open311-key").inner_text().strip()
    assert key.startswith("o311_")

    status, services = _open311(demo_site, "services.json")
    assert status == 200
    request = {
        "api_key": key,
        "service_code": services[0]["service_code"],
        "account_id": uscc,
        "description": "园区东门路灯损坏，夜间通行不便，请协调修复。",
    }
    status, created = _open311(demo_site, "requests.json", request)
    assert status == 201
    tracking = created[0]["service_request_id"]
    status, found = _open311(demo_site, f"requests/{tracking}.json?api_key={key}")
    assert (status, found[0]["status"]) == (200, "open")

    page.goto(base + "/admin/open311/keys/")
    row = page.locator("tr", has_text=name)
    row.get_by_role("link", name="吊销").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="吊销密钥").click()
    page.wait_for_load_state()
    assert "已于" in page.locator("tr", has_text=name).inner_text()

    status, refused = _open311(demo_site, f"requests/{tracking}.json?api_key={key}")
    assert status == 403
    assert refused[0]["code"] == 403
    page.context.close()
