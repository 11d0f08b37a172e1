"""Tokens are throttled like passwords (per token and per client) and every caller has a rate
limit per account and per token, across parks and web nodes (the shared cache)."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import ApiToken

from .conftest import api_client, issue_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rate_limits_on_and_clock_still(settings):
    settings.RATELIMIT_ENABLE = True
    with time_machine.travel(timezone.now(), tick=False):
        yield


def _wrong_secret(token: str) -> str:
    marker, prefix, _secret = token.split("_", 2)
    return f"{marker}_{prefix}_{'x' * 43}"


def test_five_wrong_secrets_lock_that_token_and_the_right_one_is_refused_until_the_window_ends():
    token = issue_token("alpha", "enterprise_user")
    for _ in range(5):
        response = api_client("alpha.localhost", _wrong_secret(token)).get("/api/v1/me/")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "token_invalid"
    locked = api_client("alpha.localhost", token).get("/api/v1/me/")
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "throttled"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16), tick=False):
        assert api_client("alpha.localhost", token).get("/api/v1/me/").status_code == 200


def test_a_client_guessing_tokens_is_locked_out_after_thirty(settings):
    others = [issue_token("alpha", "enterprise_user") for _ in range(6)]
    for attempt in range(30):
        guess = _wrong_secret(others[attempt % 6])
        assert api_client("alpha.localhost", guess).get("/api/v1/me/").status_code == 401
    fresh = issue_token("alpha", "other_enterprise_user")
    assert api_client("alpha.localhost", fresh).get("/api/v1/me/").status_code == 429


def test_revoked_and_expired_tokens_are_refused():
    revoked = issue_token("alpha", "enterprise_user")
    expiring = issue_token("alpha", "enterprise_user", days=30)
    with schema_context("alpha"):
        ApiToken.objects.filter(prefix=revoked.split("_")[1]).update(revoked_at=timezone.now())
    assert api_client("alpha.localhost", revoked).get("/api/v1/me/").status_code == 401
    assert api_client("alpha.localhost", expiring).get("/api/v1/me/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31), tick=False):
        assert api_client("alpha.localhost", expiring).get("/api/v1/me/").status_code == 401


def test_each_token_has_its_own_rate_and_the_account_one_over_all(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "5/min", "token": "3/min", "open311": "1/min"},
    }
    first = issue_token("alpha", "enterprise_user")
    second = issue_token("alpha", "enterprise_user")
    statuses = [
        api_client("alpha.localhost", first).get("/api/v1/me/").status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    statuses = [
        api_client("alpha.localhost", second).get("/api/v1/me/").status_code for _ in range(2)
    ]
    # The account's budget (5) counts every call the account made, the refused fourth included.
    assert statuses == [200, 429]
    throttled = api_client("alpha.localhost", second).get("/api/v1/me/")
    assert throttled.json()["error"]["code"] == "throttled"
    # Beta's user with the same username has a budget of its own.
    other_park = issue_token("beta", "enterprise_user")
    assert api_client("beta.localhost", other_park).get("/api/v1/me/").status_code == 200


def test_tokens_are_stored_as_keyed_hashes_only():
    token = issue_token("alpha", "enterprise_user")
    secret = token.split("_", 2)[2]
    with schema_context("alpha"):
        row = ApiToken.objects.get(prefix=token.split("_")[1])
    assert secret not in (row.digest, row.prefix, row.name)
    assert len(row.digest) == 64
