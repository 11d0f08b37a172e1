"""The caller's notifications and the public progress lookup through the API."""

import pytest
import time_machine
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import User
from notifications.models import Notification
from notifications.services import notify
from tests.appeals.helpers import submit

from .conftest import api_client

pytestmark = pytest.mark.django_db

# The persona enterprise_user's registered mobile number in park alpha (tests/personas.py).
ALPHA_MOBILE = "13900010000"


def notice_for(username: str, title: str, schema: str = "alpha") -> int:
    with schema_context(schema):
        (pk,) = notify(recipients=[User.objects.get(username=username)], title=title)
    return pk


def is_read(pk: int, schema: str = "alpha") -> bool:
    with schema_context(schema):
        return Notification.objects.get(pk=pk).read_at is not None


# --- Notifications ---------------------------------------------------------------------------


def test_own_notifications_newest_first_with_unread_count(api_as):
    notice_for("enterprise_user", "第一条")
    notice_for("enterprise_user", "第二条")
    notice_for("other_enterprise_user", "别人的")
    response = api_as("alpha", "enterprise_user").get("/api/v1/notifications/")
    assert response.status_code == 200
    body = response.json()
    assert [row["title"] for row in body["results"]] == ["第二条", "第一条"]
    assert body["count"] == 2
    assert body["unread"] == 2


@pytest.mark.parametrize("username", ["window_staff", "park_operator", "content_manager"])
def test_every_park_role_reads_its_own_notifications(api_as, username):
    notice_for(username, "给工作人员")
    body = api_as("alpha", username).get("/api/v1/notifications/").json()
    assert [row["title"] for row in body["results"]] == ["给工作人员"]


def test_mark_one_read(api_as):
    pk = notice_for("enterprise_user", "预约已确认")
    other = notice_for("enterprise_user", "另一条")
    client = api_as("alpha", "enterprise_user")
    response = client.post(f"/api/v1/notifications/{pk}/read/")
    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    assert is_read(pk)
    assert not is_read(other)
    assert client.get("/api/v1/notifications/").json()["unread"] == 1


def test_marking_a_read_notification_again_is_harmless(api_as):
    pk = notice_for("enterprise_user", "预约已确认")
    client = api_as("alpha", "enterprise_user")
    first = client.post(f"/api/v1/notifications/{pk}/read/").json()["read_at"]
    second = client.post(f"/api/v1/notifications/{pk}/read/")
    assert second.status_code == 200
    assert second.json()["read_at"] == first


def test_another_users_notification_is_a_404_and_stays_unread(api_as):
    pk = notice_for("other_enterprise_user", "别人的")
    response = api_as("alpha", "enterprise_user").post(f"/api/v1/notifications/{pk}/read/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert not is_read(pk)


def test_a_beta_notification_id_on_alpha_is_a_404(api_as):
    pk = notice_for("enterprise_user", "贝塔的消息", schema="beta")
    response = api_as("alpha", "enterprise_user").post(f"/api/v1/notifications/{pk}/read/")
    assert response.status_code == 404
    assert not is_read(pk, schema="beta")


def test_read_all_marks_only_the_callers(api_as):
    mine = [notice_for("enterprise_user", f"第{n}条") for n in range(3)]
    theirs = notice_for("other_enterprise_user", "别人的")
    response = api_as("alpha", "enterprise_user").post("/api/v1/notifications/read-all/")
    assert response.status_code == 200
    assert response.json() == {"marked": 3, "unread": 0}
    assert all(is_read(pk) for pk in mine)
    assert not is_read(theirs)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/notifications/"),
        ("post", "/api/v1/notifications/1/read/"),
        ("post", "/api/v1/notifications/read-all/"),
    ],
)
def test_notifications_need_a_signed_in_caller(method, path):
    response = getattr(api_client("alpha.localhost"), method)(path)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


# --- Public progress lookup ------------------------------------------------------------------


@pytest.fixture
def appeal():
    return submit("alpha")


def lookup(tracking_number: str, mobile: str, *, language: str = "zh-hans", **extra):
    return api_client("alpha.localhost", language=language).get(
        "/api/v1/progress/", {"tracking_number": tracking_number, "mobile": mobile}, **extra
    )


def test_progress_by_tracking_number_and_mobile(appeal):
    response = lookup(appeal.tracking_number.lower(), ALPHA_MOBILE)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    body = response.json()
    assert body["tracking_number"] == appeal.tracking_number
    assert body["status"] == "submitted"
    assert len(body["events"]) == 1
    assert set(body["events"][0]) == {
        "at",
        "action",
        "actor_name",
        "to_status",
        "to_label",
    }


def test_wrong_mobile_and_wrong_number_answer_the_same_404(appeal):
    wrong_mobile = lookup(appeal.tracking_number, "13900019999")
    wrong_number = lookup("ALFA-20000101-0001", ALPHA_MOBILE)
    assert wrong_mobile.status_code == 404
    assert wrong_number.status_code == 404
    assert wrong_mobile.json() == wrong_number.json()
    assert wrong_mobile.json()["error"]["code"] == "not_found"


def test_an_alpha_appeal_is_not_found_on_beta(appeal):
    response = api_client("beta.localhost").get(
        "/api/v1/progress/", {"tracking_number": appeal.tracking_number, "mobile": ALPHA_MOBILE}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"tracking_number": "not-a-number", "mobile": ALPHA_MOBILE}, "tracking_number"),
        ({"tracking_number": "ALFA-20261127-0042", "mobile": "12345"}, "mobile"),
        ({"mobile": ALPHA_MOBILE}, "tracking_number"),
    ],
)
def test_malformed_lookups_are_a_400_naming_the_field(params, field):
    response = api_client("alpha.localhost").get("/api/v1/progress/", params)
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == [field]


def test_a_lookup_error_reads_in_english_on_request():
    response = lookup("not-a-number", ALPHA_MOBILE, language="en")
    error = response.json()["error"]["fields"]["tracking_number"][0]
    assert error == {
        "code": "format",
        "message": "Enter a tracking number like TAYG-20261127-0042.",
    }


@pytest.fixture
def rate_limits_on(settings):
    settings.RATELIMIT_ENABLE = True
    # Held still: the limit counts in fixed one-minute windows, and a test crossing into the
    # next minute would start a fresh budget.
    with time_machine.travel(timezone.now(), tick=False):
        yield


def test_lookups_are_limited_to_ten_a_minute_per_address(appeal, rate_limits_on):
    for _ in range(10):
        assert lookup(appeal.tracking_number, ALPHA_MOBILE).status_code == 200
    response = lookup(appeal.tracking_number, ALPHA_MOBILE)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert lookup(appeal.tracking_number, ALPHA_MOBILE, REMOTE_ADDR="10.0.0.2").status_code == 200
