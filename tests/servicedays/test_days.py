"""A service day is created with its hosting departments and slots, and refuses bad input."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from servicedays.models import SHANGHAI, ServiceDay, Slot
from servicedays.selectors import service_days_upcoming
from servicedays.services.days import service_day_publish

from .helpers import day_create, department

pytestmark = pytest.mark.django_db


def test_a_day_gets_slots_for_each_hosting_department(in_park_a):
    first, second = department("工信局"), department("科创局")
    day = day_create(departments=[first, second], seats_per_slot=2, department_seats={second.pk: 3})
    slots = list(day.slots.order_by("starts_at", "department_id"))
    assert len(slots) == 8  # 9:00–11:00 in 30-minute slots, for two departments
    assert {s.capacity for s in slots if s.department_id == first.pk} == {2}
    assert {s.capacity for s in slots if s.department_id == second.pk} == {3}
    assert slots[0].starts_at == datetime.datetime.combine(day.date, datetime.time(9), SHANGHAI)
    assert slots[-1].ends_at.astimezone(SHANGHAI).time() == datetime.time(11)
    assert day.departments.count() == 2


def test_a_remainder_shorter_than_a_slot_is_left_out(in_park_a):
    day = day_create(end_time=datetime.time(10, 45), slot_minutes=30)
    assert day.slots.count() == 3


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_time": datetime.time(8)}, "end_time"),
        ({"departments": []}, "departments"),
        ({"slot_minutes": 0}, "slot_minutes"),
        ({"slot_minutes": 180}, "slot_minutes"),
        ({"title": "  "}, "title"),
        ({"seats_per_slot": 0}, "seats_per_slot"),
    ],
)
def test_bad_days_are_refused_with_a_message_and_nothing_is_saved(in_park_a, fields, field):
    before = ServiceDay.objects.count(), Slot.objects.count()
    with pytest.raises(ValidationError) as refused:
        day_create(**fields)
    assert set(refused.value.message_dict) == {field}
    assert (ServiceDay.objects.count(), Slot.objects.count()) == before


def test_a_day_in_the_past_or_closing_after_it_starts_is_refused(in_park_a):
    now = timezone.now()
    yesterday = (now - datetime.timedelta(days=1)).astimezone(SHANGHAI).date()
    with pytest.raises(ValidationError) as past:
        # Booking closed before that day began: only the date is wrong.
        day_create(
            date=yesterday,
            booking_opens_at=now - datetime.timedelta(days=10),
            booking_closes_at=datetime.datetime.combine(
                yesterday - datetime.timedelta(days=2), datetime.time(18), tzinfo=SHANGHAI
            ),
        )
    assert set(past.value.message_dict) == {"date"}
    with pytest.raises(ValidationError) as late:
        day_create(booking_closes_at=now + datetime.timedelta(days=30))
    assert set(late.value.message_dict) == {"booking_closes_at"}


def test_a_department_hosts_a_day_only_once(in_park_a):
    with pytest.raises(ValidationError) as twice:
        day_create(departments=[department(), department()])
    assert set(twice.value.message_dict) == {"departments"}


def test_the_database_refuses_a_day_that_ends_before_it_starts(in_park_a):
    day = day_create()
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceDay.objects.filter(pk=day.pk).update(end_time=datetime.time(8))


def test_the_database_refuses_an_overbooked_slot(in_park_a):
    slot = day_create().slots.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Slot.objects.filter(pk=slot.pk).update(booked=slot.capacity + 1)


def test_booking_state_follows_status_and_the_booking_window(in_park_a):
    now = timezone.now()
    day = day_create(status=ServiceDay.Status.DRAFT)
    assert day.booking_state(now) == ServiceDay.BookingState.NOT_PUBLISHED
    day = service_day_publish(day=day)
    assert day.is_bookable(now)
    assert day.booking_state(day.booking_opens_at - datetime.timedelta(seconds=1)) == "not_yet_open"
    assert day.booking_state(day.booking_closes_at) == ServiceDay.BookingState.CLOSED
    assert day.booking_state(day.ends_at) == ServiceDay.BookingState.OVER


def test_upcoming_lists_published_days_from_today(in_park_a):
    now = timezone.now()
    shown = day_create()
    draft = day_create(status=ServiceDay.Status.DRAFT)
    past = day_create(now=now - datetime.timedelta(days=30))
    upcoming = list(service_days_upcoming())
    assert shown in upcoming
    assert draft not in upcoming
    assert past not in upcoming
    today = now.astimezone(SHANGHAI).date()
    assert shown in ServiceDay.objects.published().upcoming(today)
