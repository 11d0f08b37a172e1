"""Keys: issued and revoked by park operators in the back office; guessed keys are throttled
like passwords; each key has its own rate budget."""

import pytest
import time_machine
from django.core.cache import caches
from django.utils import timezone
from django_tenants.utils import schema_context

from open311.models import ApiKey

from ..conftest import host_client, log_in
from .conftest import body, filing, open311_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    client = host_client("alpha.localhost")
    log_in(client, "park_operator")
    return client


def test_an_operator_issues_a_key_shown_once_and_it_works(operator, service):
    assert operator.get("/admin/open311/keys/").status_code == 200
    response = operator.post(
        "/admin/open311/keys/new/", {"name": "小程序", "organisation": "园区小程序服务商"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"].split(", ")
    text = response.context["text"]
    assert text.startswith("o311_")
    assert text in response.content.decode()
    with schema_context("alpha"):
        key = ApiKey.objects.get()
        assert key.created_by.username == "park_operator"
        assert text not in {key.digest, key.prefix}
    listing = operator.get("/admin/open311/keys/").content.decode()
    assert key.prefix in listing
    assert text not in listing
    filed = open311_client().post("/open311/v2/requests.json", filing(text))
    assert filed.status_code == 201


def test_a_key_needs_a_name_and_an_organisation(operator):
    response = operator.post("/admin/open311/keys/new/", {"name": " ", "organisation": ""})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"name", "organisation"}
    with schema_context("alpha"):
        assert not ApiKey.objects.exists()


def test_an_operator_revokes_a_key_in_one_step(operator, key):
    with schema_context("alpha"):
        row = ApiKey.objects.get()
    assert operator.get(f"/admin/open311/keys/{row.pk}/revoke/").status_code == 200
    response = operator.post(f"/admin/open311/keys/{row.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/open311/keys/"
    with schema_context("alpha"):
        assert ApiKey.objects.get().revoked_at is not None
    refused = open311_client().get("/open311/v2/requests.json", {"api_key": key})
    assert refused.status_code == 403
    assert operator.get("/admin/open311/keys/999999/revoke/").status_code == 404


def test_the_menu_shows_the_keys_to_operators_only(operator):
    assert "/admin/open311/keys/" in operator.get("/admin/").content.decode()
    manager = host_client("alpha.localhost")
    log_in(manager, "content_manager")
    assert "/admin/open311/keys/" not in manager.get("/admin/").content.decode()


@pytest.mark.parametrize("username", ["content_manager"])
def test_other_back_office_users_are_sent_back_to_the_dashboard(username, key):
    client = host_client("alpha.localhost")
    log_in(client, username)
    with schema_context("alpha"):
        pk = ApiKey.objects.get().pk
    for path in ("/admin/open311/keys/", "/admin/open311/keys/new/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert (
        client.post("/admin/open311/keys/new/", {"name": "x", "organisation": "y"})["Location"]
        == "/admin/"
    )
    assert client.post(f"/admin/open311/keys/{pk}/revoke/")["Location"] == "/admin/"
    with schema_context("alpha"):
        assert ApiKey.objects.count() == 1
        assert ApiKey.objects.get().revoked_at is None


@pytest.mark.parametrize("username", ["enterprise_user", "window_staff", None])
def test_people_without_the_back_office_are_sent_to_its_login(username):
    client = host_client("alpha.localhost")
    if username:
        log_in(client, username)
    response = client.get("/admin/open311/keys/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_operator_of_another_park_sees_none_of_these_keys(key):
    client = host_client("beta.localhost")
    log_in(client, "park_operator")
    with schema_context("alpha"):
        prefix = ApiKey.objects.get().prefix
    assert prefix not in client.get("/admin/open311/keys/").content.decode()


@pytest.fixture
def rate_limits(settings):
    settings.RATELIMIT_ENABLE = True
    caches["shared"].clear()
    # The counters run in fixed windows: a still clock keeps a test inside one.
    with time_machine.travel(timezone.now(), tick=False):
        yield settings


def test_wrong_keys_lock_the_client_out_like_wrong_passwords(rate_limits, key):
    client = open311_client()
    limit = int(rate_limits.LOGIN_FAILURES_PER_CLIENT.split("/")[0])
    for attempt in range(limit):
        wrong = f"o311_{attempt:08x}_guess"
        assert client.get("/open311/v2/requests.json", {"api_key": wrong}).status_code == 403
    locked = client.get("/open311/v2/requests.json", {"api_key": key})
    assert locked.status_code == 429
    assert body(locked, "json")[0]["code"] == 429


def test_each_key_has_its_own_budget(rate_limits, key, monkeypatch):
    from open311 import keys

    monkeypatch.setattr(keys, "_key_rate", lambda: "3/m")
    client = open311_client()
    statuses = [
        client.get("/open311/v2/requests.xml", {"api_key": key}).status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    assert body(client.get("/open311/v2/requests.xml", {"api_key": key}), "xml")[0]["code"] == (
        "429"
    )
    from .conftest import issue_key

    other = issue_key()
    assert client.get("/open311/v2/requests.json", {"api_key": other}).status_code == 200
