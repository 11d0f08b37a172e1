"""/healthz on every host: JSON with database, broker and worker status."""

import pytest


@pytest.mark.parametrize("client_name", ["hub_client", "park_a_client"])
def test_healthz_without_a_worker_is_503_and_says_which_part_is_down(request, client_name):
    client = request.getfixturevalue(client_name)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "up"
    assert response.json()["broker"] == "up"
    assert response.json()["worker"] == "down"


def test_healthz_with_a_running_worker_is_200(celery_worker, park_a_client):
    response = park_a_client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["worker"] == "up"


def test_beat_heartbeat_run_by_the_worker_shows_beat_up(celery_worker, park_a_client):
    import time

    from portal.tasks import beat_heartbeat

    beat_heartbeat.delay()
    deadline = time.monotonic() + 20
    while park_a_client.get("/healthz").json()["beat"] != "up":
        assert time.monotonic() < deadline, "the worker never ran the beat heartbeat"
        time.sleep(0.2)


def test_healthz_with_the_broker_down_is_503(park_a_client, settings, monkeypatch):
    from portal.celery import app

    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = park_a_client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "down"
