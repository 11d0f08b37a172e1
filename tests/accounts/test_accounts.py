"""Login, logout, password change and reset on both kinds of host."""

import pytest
from django.core import mail
from django.test import override_settings

from tests.conftest import log_in


@pytest.mark.parametrize("client_name", ["hub_client", "park_a_client"])
def test_login_page_is_in_chinese_by_default(request, client_name):
    client = request.getfixturevalue(client_name)
    body = client.get("/accounts/login/").content.decode()
    assert '<html lang="zh-hans">' in body
    assert "登录" in body


def test_english_is_available(park_a_client):
    park_a_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = park_a_client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in body
    assert "Log in" in body


def test_wrong_password_is_refused(park_a_client):
    response = log_in(park_a_client, "enterprise_user", "not-the-password")
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    refused = response.context["form"].errors.as_data()
    assert [error.code for error in refused["__all__"]] == ["invalid_login"]


def test_logout_ends_the_session(park_a_client):
    log_in(park_a_client, "enterprise_user")
    park_a_client.post("/accounts/logout/")
    response = park_a_client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/password/change/"


def test_password_change_on_the_hub(hub_client):
    log_in(hub_client, "liaison")
    response = hub_client.post(
        "/accounts/password/change/",
        {
            "old_password": "Correct-Horse-42",
            "new_password1": "New-Horse-43!",
            "new_password2": "New-Horse-43!",
        },
    )
    assert response.status_code == 302
    hub_client.post("/accounts/logout/")
    assert log_in(hub_client, "liaison", "New-Horse-43!").status_code == 302


def test_password_reset_mail_links_to_the_same_park(park_a_client):
    park_a_client.post("/accounts/password/reset/", {"email": "enterprise_user@alpha.example.cn"})
    assert len(mail.outbox) == 1
    assert "http://alpha.localhost/accounts/password/reset/" in mail.outbox[0].body


def test_password_reset_of_another_parks_address_sends_nothing(park_b_client):
    park_b_client.post("/accounts/password/reset/", {"email": "enterprise_user@alpha.example.cn"})
    assert mail.outbox == []


@override_settings(RATELIMIT_ENABLE=True)
def test_login_is_rate_limited(park_a_client):
    statuses = [log_in(park_a_client, "enterprise_user", "wrong").status_code for _ in range(25)]
    assert statuses[0] == 200
    assert statuses[-1] == 429


def test_an_english_browser_still_gets_chinese_until_the_visitor_switches(park_a_client):
    body = park_a_client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content
    assert '<html lang="zh-hans">' in body.decode()
    park_a_client.get("/lang/en/?next=/")
    body = park_a_client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="zh-CN").content
    assert '<html lang="en">' in body.decode()


def test_language_switch_never_redirects_to_another_site(park_a_client):
    response = park_a_client.get("/lang/en/?next=https://evil.example.com/")
    assert response["Location"] == "/"
