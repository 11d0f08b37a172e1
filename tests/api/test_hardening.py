"""Findings of the API's review, each with the behaviour that now holds."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import ApiToken, Role
from accounts.services import user_create
from onewindow.models import Case

from ..appeals.helpers import dispatched_case
from ..cms import content
from ..personas import user_in
from ..servicedays.helpers import day_create, first_slot
from .conftest import api_client, issue_token

pytestmark = pytest.mark.django_db


def test_a_password_change_ends_every_token_of_the_account():
    token = issue_token("alpha", "enterprise_user")
    assert api_client("alpha.localhost", token).get("/api/v1/me/").status_code == 200
    with schema_context("alpha"):
        user = user_in("alpha", "enterprise_user")
        user.set_password("A-new-Password-2026")
        user.save()
        row = ApiToken.objects.get(prefix=token.split("_")[1])
        assert row.status == ApiToken.Status.REVOKED
    response = api_client("alpha.localhost", token).get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_invalid"
    fresh = issue_token("alpha", "enterprise_user")
    assert api_client("alpha.localhost", fresh).get("/api/v1/me/").status_code == 200


def test_a_malformed_token_prefix_is_a_401_not_a_database_error():
    for raw in ("pp_\x00_abc", "pp_ZZZZZZZZ_abc", "pp_0123456789_abc"):
        response = api_client("alpha.localhost", raw).get("/api/v1/me/")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "token_invalid"


def test_the_anonymous_rate_ignores_a_forged_forwarded_for(settings):
    settings.RATELIMIT_ENABLE = True
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "2/min", "token": "2/min", "open311": "2/min"},
    }
    client = api_client("alpha.localhost")
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [
            client.get("/api/v1/park/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
            for n in range(4)
        ]
    assert statuses == [200, 200, 429, 429]


def test_a_nul_or_overlong_booking_code_is_a_404(api_as):
    client = api_as("alpha", "enterprise_user")
    for code in ("%00", "A%00B", "X" * 40):
        assert client.get(f"/api/v1/bookings/{code}/").status_code == 404
        assert client.get(f"/api/v1/bookings/{code}/ics").status_code == 404
        assert client.post(f"/api/v1/bookings/{code}/cancel/").status_code == 404


def test_a_json_number_too_large_for_an_id_is_an_invalid_choice(api_as):
    with schema_context("alpha"):
        day = day_create()
        first_slot(day)
    response = api_as("alpha", "enterprise_user").post(
        f"/api/v1/service-days/{day.pk}/bookings/",
        '{"slot": 1e400, "topic": "融资"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["slot"][0]["code"] == "invalid_choice"

    _appeal, case = dispatched_case("alpha")
    response = api_as("public", "liaison").post(
        f"/api/v1/cases/{case.pk}/transfer/",
        '{"department": 1e400, "reason": "不属本部门"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["department"][0]["code"] == "invalid_choice"


def test_a_liaison_of_no_department_sees_no_case():
    _appeal, case = dispatched_case("alpha")
    Case.objects.filter(pk=case.pk).update(department=None)
    user_create(username="liaison-without-department", password="Pw-2026-x", role=Role.LIAISON)
    client = api_client("localhost", issue_token("public", "liaison-without-department"))
    listed = client.get("/api/v1/cases/")
    assert listed.status_code == 200
    assert listed.json()["count"] == 0
    assert client.get(f"/api/v1/cases/{case.pk}/").status_code == 404


def test_a_search_of_the_policy_library_loads_topics_in_one_query():
    def queries_for_search() -> tuple[int, int]:
        client = api_client("alpha.localhost")
        client.get("/api/v1/policies/", {"q": "高新技术"})  # routing and site caches warm
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/policies/", {"q": "高新技术"})
        assert response.status_code == 200
        return len(captured.captured_queries), response.json()["count"]

    with schema_context("alpha"):
        content.policy("高新技术企业认定一")
    few, count_few = queries_for_search()
    with schema_context("alpha"):
        for number in range(4):
            content.policy(f"高新技术企业认定{number}号解读")
    many, count_many = queries_for_search()
    assert count_many > count_few
    assert many == few
