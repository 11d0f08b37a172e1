"""Every response carries a Content-Security-Policy without inline script or style, a
Referrer-Policy and a Permissions-Policy: park pages (cached or not), the hub, Wagtail's admin."""

import pytest

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    pairs = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in pairs}


@pytest.mark.parametrize(
    ("client_name", "path"),
    [
        ("park_a_client", "/"),
        ("park_a_client", "/track/"),
        ("park_a_client", "/accounts/login/"),
        ("park_a_client", "/api/v2/pages/"),
        ("hub_client", "/"),
        ("hub_client", "/django-admin/login/"),
    ],
)
def test_every_response_carries_the_security_headers(request, client_name, path):
    response = request.getfixturevalue(client_name).get(path)
    assert response.status_code == 200
    assert directives(response) == POLICY
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_wagtails_admin_allows_inline_styles_and_no_inline_script(park_a_client):
    response = park_a_client.get("/admin/login/")
    policy = directives(response)
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert {name: value for name, value in policy.items() if name != "style-src"} == {
        name: value for name, value in POLICY.items() if name != "style-src"
    }
    assert response["Referrer-Policy"] == "same-origin"


def test_a_page_served_from_the_cache_carries_them_too(park_a_client):
    park_a_client.get("/")
    cached = park_a_client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    assert directives(cached) == POLICY
    assert cached["Referrer-Policy"] == "same-origin"
    assert "camera=()" in cached["Permissions-Policy"]


def test_templates_hold_no_inline_script_or_style():
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        if "<script>" in text or "<style" in text or 'style="' in text or " on" in _tags(text):
            offenders.append(str(template))
    assert offenders == []


def _tags(text: str) -> str:
    """The inline event handlers (onclick=…) of a template, joined."""
    import re

    return " ".join(re.findall(r"<[^>]*\son[a-z]+=", text))
