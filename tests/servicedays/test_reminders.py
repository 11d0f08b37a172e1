"""Reminders from beat: the day before and an hour before a booked slot, once each, to the
enterprise that booked; nothing for cancelled bookings or days, nothing across parks."""

import datetime
import itertools

import pytest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from notifications.models import Notification
from servicedays.models import SHANGHAI, Booking, ServiceDay
from servicedays.services import reminders
from servicedays.services.bookings import booking_cancel
from servicedays.services.days import service_day_cancel
from servicedays.services.reminders import reminders_send

from .helpers import book, day_create, enterprise_new, first_slot

pytestmark = pytest.mark.django_db

# Each test's day is on a date of its own, far from other tests' days: a reminder run covers
# every booking of the park in its window, and other tests may leave committed bookings.
_weeks_ahead = itertools.count(60)


def booked(enterprise=None) -> Booking:
    """A confirmed booking of the first 9:00 slot of a day on a date no other test uses."""
    now = timezone.now() + datetime.timedelta(weeks=next(_weeks_ahead))
    slot = first_slot(day_create(now=now))
    return book(slot, enterprise or enterprise_new(), now=now)


def reminders_of(booking: Booking) -> list[Notification]:
    """The reminders the enterprise got about this booking, oldest first."""
    return list(
        Notification.objects.filter(
            recipient=booking.enterprise.account,
            title__in=[day_title(booking), hour_title(booking)],
        ).order_by("pk")
    )


def hour_title(booking: Booking) -> str:
    return _("Starting soon: %(title)s at %(time)s, %(place)s") % {
        "title": booking.service_day.title,
        "time": "09:00",
        "place": booking.service_day.place,
    }


def day_title(booking: Booking) -> str:
    return _("Reminder: %(title)s on %(date)s at %(time)s, %(place)s") % {
        "title": booking.service_day.title,
        "date": booking.service_day.date.isoformat(),
        "time": "09:00",
        "place": booking.service_day.place,
    }


def before_start(booking: Booking, **delta) -> datetime.datetime:
    return booking.slot.starts_at - datetime.timedelta(**delta)


def test_the_day_before_reminder_names_the_day_time_place_code_and_department(in_park_a):
    booking = booked()
    assert booking.slot.starts_at.astimezone(SHANGHAI).time() == datetime.time(9)

    assert reminders_send(now=before_start(booking, hours=20)) == 1

    [notice] = reminders_of(booking)
    assert notice.title == day_title(booking)
    assert booking.code_display in notice.body
    assert "工业和信息化局" in notice.body
    assert notice.url.endswith(f"/service-days/bookings/{booking.code}/")


def test_each_reminder_is_sent_once_even_when_beat_runs_twice(in_park_a):
    booking = booked()

    assert reminders_send(now=before_start(booking, hours=20)) == 1
    assert reminders_send(now=before_start(booking, hours=19, minutes=55)) == 0
    assert reminders_send(now=before_start(booking, minutes=50)) == 1
    assert reminders_send(now=before_start(booking, minutes=45)) == 0

    assert [n.title for n in reminders_of(booking)] == [day_title(booking), hour_title(booking)]


def test_a_run_that_read_the_booking_before_another_run_claimed_it_sends_nothing(
    in_park_a, monkeypatch
):
    """Two overlapping beat runs: both found the booking due, only the first claims it."""
    booking = booked()
    now = before_start(booking, hours=20)
    window = (now + reminders.HOUR_BEFORE, now + reminders.DAY_BEFORE)
    stale = list(reminders._due(window=window, field="reminded_day_before_at"))
    assert [b.pk for b in stale] == [booking.pk]

    assert reminders_send(now=now) == 1
    # The second run works from what it read before the first one claimed the reminder.
    monkeypatch.setattr(
        reminders,
        "_due",
        lambda *, window, field: stale if field == "reminded_day_before_at" else [],
    )
    assert reminders_send(now=now) == 0

    assert len(reminders_of(booking)) == 1


def test_a_booking_30_minutes_before_its_slot_gets_only_the_hour_reminder(in_park_a):
    booking = booked()
    now = before_start(booking, minutes=30)

    assert reminders_send(now=now) == 1
    assert reminders_send(now=before_start(booking, minutes=25)) == 0

    assert [n.title for n in reminders_of(booking)] == [hour_title(booking)]
    booking.refresh_from_db()
    assert booking.reminded_day_before_at == now


def test_nothing_is_sent_more_than_a_day_ahead_or_after_the_slot_started(in_park_a):
    booking = booked()

    assert reminders_send(now=before_start(booking, hours=25)) == 0
    assert reminders_send(now=before_start(booking, minutes=-5)) == 0

    assert reminders_of(booking) == []


def test_a_cancelled_booking_gets_no_reminder(in_park_a):
    booking = booked()
    booking_cancel(booking=booking, by=booking.enterprise.account, now=booking.created_at)

    assert reminders_send(now=before_start(booking, hours=20)) == 0
    assert reminders_send(now=before_start(booking, minutes=30)) == 0

    assert reminders_of(booking) == []


def test_bookings_of_a_cancelled_day_get_no_reminder(in_park_a):
    called_off, still_confirmed = booked(), booked()
    service_day_cancel(
        day=called_off.service_day,
        reason="部门临时有会",
        by_name="window_staff",
        now=timezone.now(),
    )
    # Even a booking left confirmed on a cancelled day is not reminded.
    ServiceDay.objects.filter(pk=still_confirmed.service_day_id).update(
        status=ServiceDay.Status.CANCELLED
    )

    for booking in (called_off, still_confirmed):
        assert reminders_send(now=before_start(booking, hours=20)) == 0
        assert reminders_send(now=before_start(booking, minutes=30)) == 0
        assert reminders_of(booking) == []


def test_a_run_in_one_park_leaves_another_parks_bookings_alone(in_park_a, park_b):
    booked()
    with schema_context(park_b.schema_name):
        theirs = booked()

    assert reminders_send(now=before_start(theirs, hours=20)) == 0

    with schema_context(park_b.schema_name):
        theirs.refresh_from_db()
        assert theirs.reminded_day_before_at is None
        assert reminders_of(theirs) == []
        assert reminders_send(now=before_start(theirs, hours=20)) == 1
        assert len(reminders_of(theirs)) == 1
