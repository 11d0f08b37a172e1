"""One client has one rate-limit budget across the parks and the hub (finding 5: the counters
were kept per schema, so each park gave the same address a fresh budget)."""

import pytest
import time_machine
from django.utils import timezone

from tests.conftest import log_in
from tests.personas import user_in


@pytest.fixture
def rate_limits_on(settings):
    settings.RATELIMIT_ENABLE = True


def test_lookups_on_two_parks_draw_on_one_budget(park_a_client, park_b_client, rate_limits_on):
    # /track/ allows ten lookups a minute from one address.
    for client in (park_a_client, park_b_client) * 5:
        assert client.post("/track/", {}).status_code != 429
    assert park_a_client.post("/track/", {}).status_code == 429
    assert park_b_client.post("/track/", {}).status_code == 429


def test_another_address_has_its_own_budget(park_a_client, park_b_client, rate_limits_on):
    for _ in range(10):
        park_a_client.post("/track/", {})
    assert park_b_client.post("/track/", {}, REMOTE_ADDR="10.0.0.2").status_code != 429


def test_accounts_of_two_parks_with_the_same_id_have_their_own_budgets(
    park_a_client, park_b_client, rate_limits_on
):
    """Accounts are per schema: user 3 of alpha and user 3 of beta are two people."""
    alpha_user, beta_user = user_in("alpha", "enterprise_user"), user_in("beta", "enterprise_user")
    assert alpha_user.pk == beta_user.pk
    log_in(park_a_client, "enterprise_user")
    log_in(park_b_client, "enterprise_user")
    with time_machine.travel(timezone.now(), tick=False):
        # Filing an appeal allows 30 attempts an hour per account (empty forms count too).
        statuses = {park_a_client.post("/appeals/new/", {}).status_code for _ in range(30)}
        assert statuses == {200}
        assert park_a_client.post("/appeals/new/", {}).status_code == 429
        assert park_b_client.post("/appeals/new/", {}).status_code == 200
