"""Service days and bookings through the API: the site's form and services, the same refusals
with their codes, and each enterprise sees only its own bookings."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from notifications.models import Notification
from servicedays.models import Booking, ServiceDay, Slot
from tests.servicedays.helpers import book, day_create, first_slot, persona_enterprise

from .conftest import api_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    with schema_context("alpha"):
        return day_create()


@pytest.fixture
def slot(day) -> Slot:
    with schema_context("alpha"):
        return first_slot(day)


@pytest.fixture
def booking(slot) -> Booking:
    with schema_context("alpha"):
        return book(slot, persona_enterprise())


def book_body(slot: Slot, **fields) -> dict:
    return {"slot": slot.pk, "topic": "研发费用加计扣除", "question": "材料有哪些？", **fields}


def post_booking(client, day: ServiceDay, body):
    return client.post(
        f"/api/v1/service-days/{day.pk}/bookings/", body, content_type="application/json"
    )


def error_code(response) -> str:
    return response.json()["error"]["code"]


# --- Service days ----------------------------------------------------------------------------


def test_upcoming_published_days_are_listed_not_drafts(day):
    with schema_context("alpha"):
        day_create(status=ServiceDay.Status.DRAFT, title="草稿服务日")
    response = api_client("alpha.localhost").get("/api/v1/service-days/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["title"] for row in rows] == [day.title]
    assert rows[0]["booking_state"] == "open"
    assert rows[0]["departments"][0]["name"] == "工业和信息化局"


def test_day_detail_has_slots_with_seats_left(day, booking):
    response = api_client("alpha.localhost").get(f"/api/v1/service-days/{day.pk}/")
    assert response.status_code == 200
    slots = response.json()["slots"]
    assert len(slots) == 4
    assert slots[0]["id"] == booking.slot_id
    assert (slots[0]["seats_left"], slots[0]["is_full"]) == (0, True)
    assert (slots[1]["seats_left"], slots[1]["is_full"]) == (1, False)


def test_a_draft_day_is_a_404():
    with schema_context("alpha"):
        draft = day_create(status=ServiceDay.Status.DRAFT)
    response = api_client("alpha.localhost").get(f"/api/v1/service-days/{draft.pk}/")
    assert response.status_code == 404


def test_a_beta_day_is_not_on_alpha():
    with schema_context("beta"):
        beta_day = day_create(title="贝塔服务日")
    alpha = api_client("alpha.localhost")
    assert alpha.get(f"/api/v1/service-days/{beta_day.pk}/").status_code == 404
    assert alpha.get("/api/v1/service-days/").json()["results"] == []


# --- Booking ---------------------------------------------------------------------------------


def test_a_verified_enterprise_books_a_slot(api_as, day, slot):
    response = post_booking(api_as("alpha", "enterprise_user"), day, book_body(slot))
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["slot"]["id"] == slot.pk
    assert body["service_day"]["id"] == day.pk
    assert body["actions"] == ["cancel", "move"]
    with schema_context("alpha"):
        booking = Booking.objects.get(code=body["code"])
        assert booking.enterprise.account.username == "enterprise_user"
        assert Slot.objects.get(pk=slot.pk).booked == 1
        assert Notification.objects.filter(recipient=booking.enterprise.account).count() == 1


def test_a_full_slot_is_a_400_slot_full(api_as, day, slot, booking):
    response = post_booking(api_as("alpha", "other_enterprise_user"), day, book_body(slot))
    assert response.status_code == 400
    assert error_code(response) == "slot_full"


def test_a_full_slot_message_in_english_on_request(api_as, day, slot, booking):
    client = api_as("alpha", "other_enterprise_user", language="en")
    response = post_booking(client, day, book_body(slot))
    assert response.json()["error"]["message"] == (
        "Every seat in this slot is taken. You can join the waitlist."
    )


def test_a_second_booking_of_the_day_is_a_400_limit(api_as, day, booking):
    with schema_context("alpha"):
        other = day.slots.exclude(pk=booking.slot_id).first()
    response = post_booking(api_as("alpha", "enterprise_user"), day, book_body(other))
    assert response.status_code == 400
    assert error_code(response) == "limit"


def test_the_same_slot_twice_is_a_400_duplicate(api_as):
    with schema_context("alpha"):
        roomy = day_create(seats_per_slot=2, bookings_per_enterprise=2)
        slot = first_slot(roomy)
        book(slot, persona_enterprise())
    response = post_booking(api_as("alpha", "enterprise_user"), roomy, book_body(slot))
    assert response.status_code == 400
    assert error_code(response) == "duplicate"


def test_a_closed_day_is_a_400_closed(api_as, day, slot):
    now = timezone.now()
    with schema_context("alpha"):
        ServiceDay.objects.filter(pk=day.pk).update(
            booking_opens_at=now - datetime.timedelta(days=3),
            booking_closes_at=now - datetime.timedelta(hours=1),
        )
    response = post_booking(api_as("alpha", "enterprise_user"), day, book_body(slot))
    assert response.status_code == 400
    assert error_code(response) == "closed"


def test_the_form_checks_the_input_as_on_the_site(api_as, day, slot):
    client = api_as("alpha", "enterprise_user")
    missing = post_booking(client, day, {"slot": slot.pk})
    assert missing.status_code == 400
    assert missing.json()["error"]["fields"]["topic"][0]["code"] == "required"
    with schema_context("alpha"):
        elsewhere = first_slot(day_create())
    wrong_day = post_booking(client, day, book_body(elsewhere))
    assert wrong_day.status_code == 400
    assert error_code(wrong_day) == "invalid_choice"
    for body in (["not", "an", "object"], "{not json", {**book_body(slot), "slot": "abc"}):
        assert post_booking(client, day, body).status_code == 400


def test_window_staff_cannot_book(api_as, day, slot):
    response = post_booking(api_as("alpha", "window_staff"), day, book_body(slot))
    assert response.status_code == 403
    assert error_code(response) == "permission_denied"


def test_anonymous_cannot_book(day, slot):
    response = post_booking(api_client("alpha.localhost"), day, book_body(slot))
    assert response.status_code == 401
    with schema_context("alpha"):
        assert not Booking.objects.exists()


def test_booking_a_beta_day_on_alpha_is_a_404(api_as):
    with schema_context("beta"):
        beta_day = day_create()
        beta_slot = first_slot(beta_day)
    response = post_booking(api_as("alpha", "enterprise_user"), beta_day, book_body(beta_slot))
    assert response.status_code == 404


# --- The enterprise's bookings ---------------------------------------------------------------


def test_bookings_lists_only_the_enterprises_own(api_as, day, booking):
    with schema_context("alpha"):
        book(
            day.slots.exclude(pk=booking.slot_id).first(),
            persona_enterprise("other_enterprise_user"),
        )
    response = api_as("alpha", "enterprise_user").get("/api/v1/bookings/")
    assert response.status_code == 200
    assert [row["code"] for row in response.json()["results"]] == [booking.code]


def test_booking_detail(api_as, booking):
    response = api_as("alpha", "enterprise_user").get(f"/api/v1/bookings/{booking.code}/")
    assert response.status_code == 200
    assert response.json()["code_display"] == booking.code_display


@pytest.mark.parametrize(
    ("method", "suffix"), [("get", "/"), ("post", "/cancel/"), ("get", "/ics")]
)
def test_another_enterprises_booking_is_a_404(api_as, booking, method, suffix):
    client = api_as("alpha", "other_enterprise_user")
    response = getattr(client, method)(f"/api/v1/bookings/{booking.code}{suffix}")
    assert response.status_code == 404
    assert error_code(response) == "not_found"
    with schema_context("alpha"):
        assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CONFIRMED


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/bookings/"),
        ("get", "/api/v1/bookings/X/"),
        ("post", "/api/v1/bookings/X/cancel/"),
    ],
)
def test_window_staff_has_no_bookings(api_as, method, path):
    response = getattr(api_as("alpha", "window_staff"), method)(path)
    assert response.status_code == 403


def test_an_alpha_booking_code_on_beta_is_a_404(api_as, booking):
    response = api_as("beta", "enterprise_user").get(f"/api/v1/bookings/{booking.code}/")
    assert response.status_code == 404


def test_cancel_frees_the_seat_and_is_refused_twice(api_as, booking):
    client = api_as("alpha", "enterprise_user")
    response = client.post(f"/api/v1/bookings/{booking.code}/cancel/")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["actions"] == []
    with schema_context("alpha"):
        assert Slot.objects.get(pk=booking.slot_id).booked == 0
    again = client.post(f"/api/v1/bookings/{booking.code}/cancel/")
    assert again.status_code == 400
    assert error_code(again) == "wrong_status"


def test_anonymous_cannot_cancel(booking):
    response = api_client("alpha.localhost").post(f"/api/v1/bookings/{booking.code}/cancel/")
    assert response.status_code == 401


def test_booking_as_an_icalendar_file(api_as, booking):
    response = api_as("alpha", "enterprise_user").get(
        f"/api/v1/bookings/{booking.code}/ics", HTTP_ACCEPT="text/calendar"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR")
    assert booking.code_display in text


def test_an_unknown_booking_code_is_json_even_asking_for_a_calendar(api_as):
    response = api_as("alpha", "enterprise_user").get(
        "/api/v1/bookings/NOPE/ics", HTTP_ACCEPT="text/calendar"
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert error_code(response) == "not_found"
