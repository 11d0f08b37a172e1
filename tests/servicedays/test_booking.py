"""Booking a slot: the happy path, cancel and move, and every kind of bad input refused with
its reason and nothing changed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from enterprises.models import Enterprise
from notifications.models import Notification
from servicedays.models import CODE_ALPHABET, Booking, ServiceDay, Slot, WaitlistEntry
from servicedays.services.bookings import booking_cancel, booking_create, booking_move
from servicedays.services.common import SlotFull

from .helpers import book, day_create, department, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db


def seats_state() -> tuple:
    return (
        Booking.objects.count(),
        WaitlistEntry.objects.count(),
        sorted(Slot.objects.values_list("pk", "booked")),
    )


def refused(code: str, **fields) -> None:
    """The booking is refused with the error `code`, and nothing changed."""
    before = seats_state()
    with pytest.raises(ValidationError) as error:
        book(**fields)
    assert error.value.code == code
    assert seats_state() == before


def test_a_verified_enterprise_books_a_seat_and_is_notified(in_park_a):
    slot = first_slot(day_create())
    enterprise = persona_enterprise()
    booking = book(slot, enterprise)
    slot.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert slot.booked == 1
    assert len(booking.code) == 10
    assert set(booking.code) <= set(CODE_ALPHABET)
    # Other tests' committed notices may be there too: find the one about this booking.
    notice = Notification.objects.get(
        recipient=enterprise.account, body__contains=booking.code_display
    )
    assert "预约成功" in notice.title


def test_a_past_day_cannot_be_booked(in_park_a):
    day = day_create(now=timezone.now() - datetime.timedelta(days=30))
    refused("over", slot=first_slot(day), enterprise=persona_enterprise())


def test_a_cancelled_day_cannot_be_booked(in_park_a):
    day = day_create()
    ServiceDay.objects.filter(pk=day.pk).update(status=ServiceDay.Status.CANCELLED)
    refused("cancelled", slot=first_slot(day), enterprise=persona_enterprise())


def test_a_draft_day_cannot_be_booked(in_park_a):
    day = day_create(status=ServiceDay.Status.DRAFT)
    refused("not_published", slot=first_slot(day), enterprise=persona_enterprise())


def test_a_closed_day_cannot_be_booked_after_the_cutoff(in_park_a):
    day = day_create()
    refused(
        "closed",
        slot=first_slot(day),
        enterprise=persona_enterprise(),
        now=day.booking_closes_at,
    )


def test_booking_before_it_opens_is_refused(in_park_a):
    day = day_create()
    early = day.booking_opens_at - datetime.timedelta(minutes=1)
    refused("not_yet_open", slot=first_slot(day), enterprise=persona_enterprise(), now=early)


def test_a_full_slot_raises_slot_full(in_park_a):
    slot = first_slot(day_create())
    book(slot, persona_enterprise())
    before = seats_state()
    with pytest.raises(SlotFull) as full:
        book(slot, persona_enterprise("other_enterprise_user"))
    assert full.value.code == "slot_full"
    assert full.value.slot == slot
    assert seats_state() == before


def test_a_slot_of_another_day_is_refused(in_park_a):
    day, other_day = day_create(), day_create()
    refused(
        "wrong_day",
        slot=first_slot(other_day),
        enterprise=persona_enterprise(),
        service_day=day,
    )


def test_a_department_not_hosting_is_refused(in_park_a):
    day = day_create()
    stray = Slot.objects.create(
        service_day=day,
        department=department("科创局"),
        capacity=1,
        starts_at=first_slot(day).starts_at,
        ends_at=first_slot(day).ends_at,
    )
    refused("not_hosting", slot=stray, enterprise=persona_enterprise())


def test_an_unverified_enterprise_cannot_book(in_park_a):
    enterprise = persona_enterprise()
    Enterprise.objects.filter(pk=enterprise.pk).update(status=Enterprise.Status.PENDING)
    enterprise.refresh_from_db()
    refused("not_verified", slot=first_slot(day_create()), enterprise=enterprise)


def test_one_booking_per_enterprise_per_day_unless_the_day_allows_more(in_park_a):
    day = day_create()
    enterprise = persona_enterprise()
    first, second, third = day.slots.order_by("starts_at")[:3]
    book(first, enterprise)
    refused("limit", slot=second, enterprise=enterprise)
    ServiceDay.objects.filter(pk=day.pk).update(bookings_per_enterprise=2)
    book(second, enterprise)
    refused("limit", slot=third, enterprise=enterprise)


def test_a_topic_is_required_and_the_question_is_bounded(in_park_a):
    slot = first_slot(day_create())
    refused("topic", slot=slot, enterprise=persona_enterprise(), topic="  ")
    refused("question", slot=slot, enterprise=persona_enterprise(), question="问" * 2001)


def test_cancel_frees_the_seat_and_notifies(in_park_a):
    slot = first_slot(day_create())
    booking = book(slot, persona_enterprise())
    now = timezone.now()
    assert booking_cancel(booking=booking, by=booking.enterprise.account, now=now) is None
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert booking.cancelled_at == now
    assert slot.booked == 0
    titles = Notification.objects.filter(recipient=booking.enterprise.account)
    assert any("已取消" in n.title for n in titles)


def test_cancel_after_the_cutoff_is_refused(in_park_a):
    day = day_create()
    booking = book(first_slot(day), persona_enterprise())
    with pytest.raises(ValidationError) as error:
        booking_cancel(booking=booking, by=booking.enterprise.account, now=day.booking_closes_at)
    assert error.value.code == "closed"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_cancelling_twice_changes_nothing_the_second_time(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())
    booking_cancel(booking=booking, by=booking.enterprise.account)
    with pytest.raises(ValidationError) as error:
        booking_cancel(booking=booking, by=booking.enterprise.account)
    assert error.value.code == "wrong_status"
    assert Slot.objects.get(pk=booking.slot_id).booked == 0


def test_move_takes_the_new_seat_and_frees_the_old(in_park_a):
    day = day_create()
    first, second = day.slots.order_by("starts_at")[:2]
    booking = book(first, persona_enterprise(), topic="人才公寓")
    moved = booking_move(booking=booking, to_slot=second, by=booking.enterprise.account)
    first.refresh_from_db()
    second.refresh_from_db()
    booking.refresh_from_db()
    assert (first.booked, second.booked) == (0, 1)
    assert booking.status == Booking.Status.CANCELLED
    assert moved.slot == second
    assert moved.topic == "人才公寓"
    assert moved.code != booking.code


def test_move_to_a_full_slot_keeps_the_old_booking(in_park_a):
    day = day_create()
    first, second = day.slots.order_by("starts_at")[:2]
    book(second, persona_enterprise("other_enterprise_user"))
    booking = book(first, persona_enterprise())
    before = seats_state()
    with pytest.raises(SlotFull):
        booking_move(booking=booking, to_slot=second, by=booking.enterprise.account)
    assert seats_state() == before


def test_move_to_a_slot_of_another_day_is_refused(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())
    elsewhere = first_slot(day_create())
    before = seats_state()
    with pytest.raises(ValidationError) as error:
        booking_move(booking=booking, to_slot=elsewhere, by=booking.enterprise.account)
    assert error.value.code == "wrong_day"
    assert seats_state() == before


def test_booking_create_takes_the_slot_day_when_no_day_is_given(in_park_a):
    day = day_create()
    booking = booking_create(
        slot=first_slot(day),
        enterprise=persona_enterprise(),
        by=persona_enterprise().account,
        topic="专精特新",
        question="",
    )
    assert booking.service_day == day
