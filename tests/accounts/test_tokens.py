"""The personal API token page (/accounts/tokens/): issue, see once, list, revoke."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import ApiToken
from accounts.tokens import MAX_ACTIVE_TOKENS, token_issue
from tests.api.conftest import api_client
from tests.conftest import log_in
from tests.personas import PARK_PERSONAS, user_in

pytestmark = pytest.mark.django_db

PAGE = "/accounts/tokens/"
NEW_TOKEN = re.compile(r'data-token="(pp_[^"]+)"')


def _issue(client, name: str = "小程序", days: int = 30):
    return client.post(PAGE, {"name": name, "days": days})


def _token_in(response) -> str:
    return NEW_TOKEN.search(response.content.decode()).group(1)


def _signed_in(client, username: str = "enterprise_user"):
    log_in(client, username)
    return client


def test_issuing_shows_the_token_once_and_it_works_on_this_park_only(park_a_client):
    client = _signed_in(park_a_client)
    response = _issue(client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw = _token_in(response)

    again = client.get(PAGE)
    assert again.status_code == 200
    assert "no-store" in again["Cache-Control"]
    assert raw not in again.content.decode()
    assert NEW_TOKEN.search(again.content.decode()) is None

    assert api_client("alpha.localhost", raw).get("/api/v1/me/").status_code == 200
    assert api_client("beta.localhost", raw).get("/api/v1/me/").status_code == 401
    assert api_client("localhost", raw).get("/api/v1/me/").status_code == 401


def test_the_token_is_not_stored_in_clear_text(park_a_client):
    raw = _token_in(_issue(_signed_in(park_a_client)))
    _marker, prefix, secret = raw.split("_", 2)
    with schema_context("alpha"):
        row = ApiToken.objects.values().get(prefix=prefix)
    assert all(secret not in str(value) for value in row.values())
    assert row["digest"] != secret


def test_the_list_shows_name_prefix_and_status(park_a_client):
    client = _signed_in(park_a_client)
    raw = _token_in(_issue(client, name="数据对接"))
    body = client.get(PAGE).content.decode()
    assert "数据对接" in body
    assert f"pp_{raw.split('_')[1]}_…" in body
    assert '<span class="status token-active">' in body


@pytest.mark.parametrize("username", list(PARK_PERSONAS))
def test_every_park_role_may_issue_a_token(park_a_client, username):
    response = _issue(_signed_in(park_a_client, username))
    assert response.status_code == 200
    response = api_client("alpha.localhost", _token_in(response)).get("/api/v1/me/")
    assert response.json()["username"] == username


@pytest.mark.parametrize("username", ["liaison", "district_admin"])
def test_a_hub_token_works_on_the_hub_and_not_on_a_park(hub_client, username):
    raw = _token_in(_issue(_signed_in(hub_client, username)))
    me = api_client("localhost", raw).get("/api/v1/me/")
    assert me.status_code == 200
    assert me.json()["site"] == "hub"
    assert api_client("alpha.localhost", raw).get("/api/v1/me/").status_code == 401


def test_revoking_a_token_stops_it(park_a_client):
    client = _signed_in(park_a_client)
    raw = _token_in(_issue(client))
    with schema_context("alpha"):
        token = ApiToken.objects.get(prefix=raw.split("_")[1])
    response = client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == PAGE
    assert api_client("alpha.localhost", raw).get("/api/v1/me/").status_code == 401
    assert '<span class="status token-revoked">' in client.get(PAGE).content.decode()


def test_another_users_token_is_neither_listed_nor_revocable(park_a_client):
    with schema_context("alpha"):
        theirs, raw = token_issue(
            user=user_in("alpha", "other_enterprise_user"), name="别人的令牌", days=30
        )
    client = _signed_in(park_a_client)
    assert "别人的令牌" not in client.get(PAGE).content.decode()
    assert client.post(f"/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
    assert client.post("/accounts/tokens/999999/revoke/").status_code == 404
    assert api_client("alpha.localhost", raw).get("/api/v1/me/").status_code == 200


def test_revoking_needs_a_post(park_a_client):
    client = _signed_in(park_a_client)
    raw = _token_in(_issue(client))
    with schema_context("alpha"):
        token = ApiToken.objects.get(prefix=raw.split("_")[1])
    assert client.get(f"/accounts/tokens/{token.pk}/revoke/").status_code == 405
    assert api_client("alpha.localhost", raw).get("/api/v1/me/").status_code == 200


def test_the_eleventh_active_token_is_refused(park_a_client):
    client = _signed_in(park_a_client)
    for number in range(MAX_ACTIVE_TOKENS):
        assert _issue(client, name=f"t{number}").status_code == 200
    response = _issue(client, name="one too many")
    assert response.status_code == 400
    assert NEW_TOKEN.search(response.content.decode()) is None
    errors = response.context["form"].errors.as_data()["__all__"]
    assert [error.code for error in errors] == ["too_many_tokens"]
    with schema_context("alpha"):
        assert not ApiToken.objects.filter(name="one too many").exists()


def test_a_revoked_token_frees_a_place(park_a_client):
    client = _signed_in(park_a_client)
    for number in range(MAX_ACTIVE_TOKENS):
        _issue(client, name=f"t{number}")
    with schema_context("alpha"):
        first = ApiToken.objects.get(user__username="enterprise_user", name="t0")
    client.post(f"/accounts/tokens/{first.pk}/revoke/")
    assert _issue(client, name="replacement").status_code == 200


def test_an_expired_token_fails_and_reads_expired(park_a_client):
    client = _signed_in(park_a_client)
    raw = _token_in(_issue(client, days=30))
    later = timezone.now() + datetime.timedelta(days=31)
    with time_machine.travel(later, tick=False):
        assert api_client("alpha.localhost", raw).get("/api/v1/me/").status_code == 401
        # The session has expired by then too.
        body = _signed_in(client).get(PAGE).content.decode()
    assert '<span class="status token-expired">' in body
    assert "/revoke/" not in body


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"name": "", "days": 30}, "name", "required"),
        ({"name": "x", "days": 7}, "days", "invalid_choice"),
        ({"name": "x", "days": "soon"}, "days", "invalid_choice"),
        ({"name": "x" * 61, "days": 30}, "name", "max_length"),
    ],
)
def test_bad_input_is_refused_on_the_form(park_a_client, data, field, code):
    response = _signed_in(park_a_client).post(PAGE, data)
    assert response.status_code == 400
    assert [e.code for e in response.context["form"].errors.as_data()[field]] == [code]
    with schema_context("alpha"):
        assert not ApiToken.objects.filter(user__username="enterprise_user").exists()


def test_anonymous_is_sent_to_log_in(park_a_client, hub_client):
    for client in (park_a_client, hub_client):
        response = client.get(PAGE)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=/accounts/tokens/"
        response = client.post(PAGE, {"name": "x", "days": 30})
        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=/accounts/tokens/"
    response = park_a_client.post("/accounts/tokens/1/revoke/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/tokens/1/revoke/"


def test_the_header_links_to_the_page(park_a_client, hub_client):
    for client, username in ((park_a_client, "window_staff"), (hub_client, "liaison")):
        body = _signed_in(client, username).get("/").content.decode()
        assert f'href="{PAGE}"' in body


@override_settings(RATELIMIT_ENABLE=True)
def test_issuing_is_rate_limited_per_account(park_a_client):
    caches["shared"].clear()
    client = _signed_in(park_a_client)
    statuses = [_issue(client, name="", days=30).status_code for _ in range(11)]
    assert statuses == [400] * 10 + [429]
    caches["shared"].clear()
