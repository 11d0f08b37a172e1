"""After the day: unchecked bookings become no-shows and the day is completed, once; outcomes
only for enterprises that came."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from servicedays.models import Booking, ServiceDay
from servicedays.services.attendance import (
    booking_check_in,
    booking_outcome_record,
    days_complete,
)
from servicedays.services.bookings import booking_create

from .helpers import day_create, enterprise_new, first_slot

pytestmark = pytest.mark.django_db


def booked_last_week(day):
    enterprise = enterprise_new()
    return booking_create(
        slot=first_slot(day),
        enterprise=enterprise,
        by=enterprise.account,
        topic="高企认定",
        question="",
        now=timezone.now() - datetime.timedelta(days=7),
    )


def test_after_the_day_unchecked_bookings_are_no_shows(in_park_a):
    past = timezone.now() - datetime.timedelta(days=8)
    day = day_create(now=past)  # the day was yesterday
    came, missed = booked_last_week(day), None
    booking_check_in(booking=came, by_name="窗口", now=day.starts_at)
    missed = booking_create(
        slot=day.slots.order_by("starts_at")[1],
        enterprise=(other := enterprise_new()),
        by=other.account,
        topic="人才补贴",
        question="",
        now=past + datetime.timedelta(days=1),
    )
    upcoming = day_create()
    assert days_complete() == 1
    assert ServiceDay.objects.get(pk=day.pk).status == "completed"
    assert Booking.objects.get(pk=came.pk).status == "attended"
    assert Booking.objects.get(pk=missed.pk).status == "no_show"
    assert ServiceDay.objects.get(pk=upcoming.pk).status == "published"
    assert days_complete() == 0  # a second run changes nothing
    assert Booking.objects.get(pk=came.pk).status == "attended"


def test_an_outcome_is_refused_for_a_no_show(in_park_a):
    day = day_create(now=timezone.now() - datetime.timedelta(days=8))
    booking = booked_last_week(day)
    days_complete()
    with pytest.raises(ValidationError) as error:
        booking_outcome_record(booking=booking, outcome="resolved", note="", by_name="联络员")
    assert error.value.code == "not_attended"
    assert Booking.objects.get(pk=booking.pk).outcome == ""


def test_an_unknown_outcome_is_refused(in_park_a):
    day = day_create(now=timezone.now() - datetime.timedelta(days=7))
    booking = booked_last_week(day)
    booking_check_in(booking=booking, by_name="窗口")
    with pytest.raises(ValidationError) as error:
        booking_outcome_record(booking=booking, outcome="maybe", note="", by_name="联络员")
    assert set(error.value.message_dict) == {"outcome"}
    booking_outcome_record(booking=booking, outcome="resolved", note="", by_name="联络员")
    assert Booking.objects.get(pk=booking.pk).outcome_by_name == "联络员"


def test_a_newer_outcome_is_not_overwritten(in_park_a):
    day = day_create(now=timezone.now() - datetime.timedelta(days=7))
    booking = booked_last_week(day)
    booking_check_in(booking=booking, by_name="窗口")
    shown = ""  # the liaison opened the page before anything was recorded
    booking_outcome_record(
        booking=booking,
        outcome="follow_up",
        note="需补充评估报告",
        by_name="窗口",
        seen_outcome_at="",
    )
    with pytest.raises(ValidationError) as error:
        booking_outcome_record(
            booking=booking, outcome="resolved", note="", by_name="联络员", seen_outcome_at=shown
        )
    assert error.value.code == "changed"
    booking.refresh_from_db()
    assert (booking.outcome, booking.outcome_note) == ("follow_up", "需补充评估报告")
    booking_outcome_record(
        booking=booking,
        outcome="resolved",
        note="已现场解答",
        by_name="联络员",
        seen_outcome_at=booking.outcome_at.isoformat(),
    )
    booking.refresh_from_db()
    assert booking.outcome == "resolved"


def test_a_day_called_off_while_booking_gets_no_booking(in_park_a, monkeypatch):
    """The day is re-checked under the slot's lock: a cancellation that committed between the
    first check and the lock wins."""
    from servicedays.services import bookings
    from servicedays.services.days import service_day_cancel

    day = day_create()
    slot = first_slot(day)
    enterprise = enterprise_new()
    original = bookings.require_under_limit

    def cancelled_meanwhile(day_seen, who):
        original(day_seen, who)
        service_day_cancel(day=day, reason="台风", by_name="窗口")

    monkeypatch.setattr(bookings, "require_under_limit", cancelled_meanwhile)
    with pytest.raises(ValidationError) as error:
        booking_create(
            slot=slot, enterprise=enterprise, by=enterprise.account, topic="融资", question=""
        )
    assert error.value.code == "cancelled"
    assert not Booking.objects.filter(slot=slot).exists()
