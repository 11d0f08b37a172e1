"""Every way to present a password is throttled, by account and by client, across parks and hub."""

import base64
import datetime
import re

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone

from tests.conftest import log_in
from tests.personas import PASSWORD

WRONG = "not-the-password"


@pytest.fixture(autouse=True)
def _rate_limits_on_and_clock_still(settings):
    settings.RATELIMIT_ENABLE = True
    # The counters run in fixed windows: a still clock keeps a test inside one.
    with time_machine.travel(timezone.now(), tick=False):
        yield


@pytest.fixture
def password_checks(monkeypatch) -> list[str]:
    """The user names whose password Django's backend checked (each check costs a hash)."""
    checked: list[str] = []
    original = ModelBackend.authenticate

    def spy(self, request, username=None, password=None, **kwargs):
        checked.append(username)
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", spy)
    return checked


def error_codes(response) -> list[str]:
    return [error.code for error in response.context["form"].errors.as_data().get("__all__", [])]


def fail(client: Client, username: str, times: int, path: str = "/accounts/login/") -> None:
    for _ in range(times):
        response = client.post(path, {"username": username, "password": WRONG})
        assert error_codes(response) == ["invalid_login"]


def later(minutes: int):
    return time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=False)


def test_an_account_is_locked_after_five_failures_and_the_right_password_is_not_checked(
    park_a_client, password_checks
):
    fail(park_a_client, "enterprise_user", 5)
    response = log_in(park_a_client, "enterprise_user")
    assert response.status_code == 429
    assert error_codes(response) == ["throttled"]
    assert not response.context["user"].is_authenticated
    assert password_checks == ["enterprise_user"] * 5


def test_the_lockout_message_is_in_chinese(park_a_client):
    fail(park_a_client, "enterprise_user", 5)
    body = log_in(park_a_client, "enterprise_user").content.decode()
    assert re.search(r"登录失败次数过多，请 \d+ 分钟后再试。", body)


def test_the_account_is_counted_as_typed_in_any_case_and_spacing(park_a_client):
    fail(park_a_client, " Enterprise_User ", 3)
    fail(park_a_client, "ENTERPRISE_USER", 2)
    assert log_in(park_a_client, "enterprise_user").status_code == 429


def test_the_lockout_ends_by_itself(park_a_client):
    fail(park_a_client, "enterprise_user", 5)
    assert log_in(park_a_client, "enterprise_user").status_code == 429
    with later(16):
        response = log_in(park_a_client, "enterprise_user")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_authenticate_itself_refuses_a_locked_account_without_checking(
    park_a_client, in_park_a, password_checks
):
    fail(park_a_client, "enterprise_user", 5)
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1")
    assert authenticate(request, username="enterprise_user", password=PASSWORD) is None
    assert password_checks == ["enterprise_user"] * 5


def test_another_account_of_the_client_may_log_in_until_the_client_budget_is_spent(
    park_a_client, settings
):
    settings.LOGIN_FAILURES_PER_CLIENT = "8/15m"
    fail(park_a_client, "enterprise_user", 5)
    assert log_in(park_a_client, "enterprise_user").status_code == 429
    assert log_in(Client(HTTP_HOST="alpha.localhost"), "window_staff").status_code == 302
    fail(park_a_client, "park_operator", 3)
    for username in ("window_staff", "content_manager"):
        response = log_in(Client(HTTP_HOST="alpha.localhost"), username)
        assert response.status_code == 429
        assert error_codes(response) == ["throttled"]


def test_a_spent_client_budget_does_not_lock_the_account_out_for_other_clients(
    park_a_client, settings
):
    settings.LOGIN_FAILURES_PER_CLIENT = "3/15m"
    fail(park_a_client, "enterprise_user", 3)
    assert log_in(park_a_client, "enterprise_user").status_code == 429
    other = Client(HTTP_HOST="alpha.localhost", REMOTE_ADDR="10.1.2.3")
    assert log_in(other, "enterprise_user").status_code == 302


def test_the_client_budget_is_shared_by_the_parks_and_the_hub(
    park_a_client, park_b_client, hub_client, settings
):
    settings.LOGIN_FAILURES_PER_CLIENT = "6/15m"
    fail(park_a_client, "enterprise_user", 2)
    fail(park_b_client, "window_staff", 2)
    fail(hub_client, "liaison", 2)
    assert log_in(hub_client, "district_admin").status_code == 429
    assert log_in(park_a_client, "content_manager").status_code == 429
    assert log_in(park_b_client, "park_operator").status_code == 429


def test_an_account_name_has_one_budget_in_every_park(park_a_client, park_b_client):
    fail(park_a_client, "content_manager", 3)
    fail(park_b_client, "content_manager", 2)
    assert log_in(park_a_client, "content_manager").status_code == 429


def test_wagtail_admin_login_spends_and_honours_the_same_budget(park_a_client, park_b_client):
    fail(park_a_client, "content_manager", 3)
    fail(park_a_client, "content_manager", 2, path="/admin/login/")
    response = park_a_client.post(
        "/admin/login/", {"username": "content_manager", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert error_codes(response) == ["throttled"]
    assert park_a_client.get("/admin/").status_code == 302
    assert log_in(park_b_client, "content_manager").status_code == 429


def test_wagtail_admin_login_gives_an_enterprise_account_no_session(park_a_client):
    response = park_a_client.post(
        "/admin/login/", {"username": "enterprise_user", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert error_codes(response) == ["invalid_login"]
    assert not response.context["user"].is_authenticated


def test_hub_django_admin_login_spends_and_honours_the_same_budget(hub_client):
    fail(hub_client, "district_admin", 4, path="/django-admin/login/")
    fail(hub_client, "district_admin", 1)
    response = hub_client.post(
        "/django-admin/login/", {"username": "district_admin", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert error_codes(response) == ["throttled"]
    assert hub_client.get("/django-admin/").status_code == 302


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_the_api_ignores_http_basic_and_never_checks_the_password(park_a_client, password_checks):
    statuses = [
        park_a_client.get(
            "/api/v2/pages/", HTTP_AUTHORIZATION=basic("enterprise_user", password)
        ).status_code
        for password in (WRONG, PASSWORD, WRONG, PASSWORD)
    ]
    assert statuses == [200, 200, 200, 200]
    assert password_checks == []


def reset(client: Client, email: str):
    return client.post("/accounts/password/reset/", {"email": email})


def test_password_reset_sends_one_mail_per_account_and_answers_the_same_every_time(
    park_a_client,
):
    answers = [
        reset(park_a_client, email)
        for email in (
            "enterprise_user@alpha.example.cn",
            "enterprise_user@alpha.example.cn",
            "nobody@alpha.example.cn",
        )
    ]
    assert [(answer.status_code, answer["Location"]) for answer in answers] == [
        (302, "/accounts/password/reset/done/")
    ] * 3
    assert [message.to for message in mail.outbox] == [["enterprise_user@alpha.example.cn"]]


def test_password_reset_sends_again_after_the_interval(park_a_client):
    reset(park_a_client, "enterprise_user@alpha.example.cn")
    reset(park_a_client, "enterprise_user@alpha.example.cn")
    with later(16):
        reset(park_a_client, "enterprise_user@alpha.example.cn")
    assert len(mail.outbox) == 2


def test_wagtail_admin_password_reset_is_gone_and_sends_no_mail(park_a_client):
    assert park_a_client.get("/admin/password_reset/").status_code == 404
    response = park_a_client.post(
        "/admin/password_reset/", {"email": "content_manager@alpha.example.cn"}
    )
    assert response.status_code == 404
    assert mail.outbox == []
