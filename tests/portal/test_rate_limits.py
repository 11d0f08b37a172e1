"""One client has one rate-limit budget across the parks and the hub (finding 5: the counters
were kept per schema, so each park gave the same address a fresh budget)."""

import pytest


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
