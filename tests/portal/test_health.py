"""/healthz on every host: the overall status for anyone; database, broker, worker and beat for
staff and for a caller with the configured token."""

import pytest

from tests.conftest import log_in

TOKEN = "a-monitoring-token"


@pytest.fixture
def health_token(settings):
    settings.HEALTHZ_TOKEN = TOKEN
    return {"X-Health-Token": TOKEN}


@pytest.mark.parametrize("client_name", ["hub_client", "park_a_client"])
def test_healthz_without_a_worker_is_503_and_says_which_part_is_down(
    request, client_name, health_token
):
    client = request.getfixturevalue(client_name)
    response = client.get("/healthz", headers=health_token)
    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "database": "up",
        "broker": "up",
        "worker": "down",
        "beat": "down",
    }


@pytest.mark.parametrize("client_name", ["hub_client", "park_a_client"])
def test_anonymous_callers_get_the_overall_status_only(request, client_name, health_token):
    response = request.getfixturevalue(client_name).get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded"}


def test_a_wrong_token_gets_the_overall_status_only(park_a_client, health_token):
    response = park_a_client.get("/healthz", headers={"X-Health-Token": TOKEN + "x"})
    assert response.json() == {"status": "degraded"}


def test_no_token_is_accepted_when_none_is_configured(park_a_client, settings):
    settings.HEALTHZ_TOKEN = ""
    response = park_a_client.get("/healthz", headers={"X-Health-Token": ""})
    assert response.json() == {"status": "degraded"}


@pytest.mark.parametrize(
    ("client_name", "username"),
    [("hub_client", "district_admin"), ("park_a_client", "park_operator")],
)
def test_those_who_run_the_platform_see_the_detail(request, client_name, username):
    client = request.getfixturevalue(client_name)
    log_in(client, username)
    assert client.get("/healthz").json()["worker"] == "down"


@pytest.mark.parametrize(
    ("client_name", "username"),
    [("hub_client", "liaison"), ("park_a_client", "enterprise_user")],
)
def test_other_signed_in_users_get_the_overall_status_only(request, client_name, username):
    client = request.getfixturevalue(client_name)
    log_in(client, username)
    assert client.get("/healthz").json() == {"status": "degraded"}


def test_a_flood_of_hits_on_every_host_pings_the_workers_once(
    hub_client, park_a_client, park_b_client, monkeypatch
):
    from portal.celery import app

    pings = []
    monkeypatch.setattr(app.control, "ping", lambda **kwargs: pings.append(kwargs) or [])
    for client in (hub_client, park_a_client, park_b_client) * 10:
        assert client.get("/healthz").status_code == 503
    assert len(pings) == 1


def test_healthz_with_a_running_worker_is_200(celery_worker, park_a_client, health_token):
    response = park_a_client.get("/healthz", headers=health_token)
    assert response.status_code == 200, response.json()
    assert response.json()["worker"] == "up"


def test_beat_heartbeat_run_by_the_worker_shows_beat_up(celery_worker, park_a_client, health_token):
    import time

    from portal.tasks import beat_heartbeat

    beat_heartbeat.delay()
    deadline = time.monotonic() + 20
    while park_a_client.get("/healthz", headers=health_token).json()["beat"] != "up":
        assert time.monotonic() < deadline, "the worker never ran the beat heartbeat"
        time.sleep(0.2)


def test_healthz_with_the_broker_down_is_503(park_a_client, monkeypatch, health_token):
    from portal.celery import app

    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = park_a_client.get("/healthz", headers=health_token)
    assert response.status_code == 503
    assert response.json()["broker"] == "down"
