"""The waitlist (候补) of a full slot: the first in line gets a freed seat and is told; after
the cutoff nobody is promoted."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from notifications.models import Notification
from servicedays.models import Booking, ServiceDay, Slot, WaitlistEntry
from servicedays.services.bookings import booking_cancel
from servicedays.services.waitlist import waitlist_expire, waitlist_join, waitlist_promote

from .helpers import book, day_create, enterprise_new, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db


def join(slot: Slot, enterprise, **fields) -> WaitlistEntry:
    return waitlist_join(
        slot=slot,
        enterprise=enterprise,
        by=enterprise.account,
        topic="融资对接",
        question="想了解贴息政策。",
        **fields,
    )


def test_a_cancellation_promotes_the_first_in_line_and_notifies_them(in_park_a):
    slot = first_slot(day_create())
    booking = book(slot, persona_enterprise())
    first, second = persona_enterprise("other_enterprise_user"), enterprise_new()
    first_entry, second_entry = join(slot, first), join(slot, second)

    promoted = booking_cancel(booking=booking, by=booking.enterprise.account)

    assert promoted.enterprise == first
    assert promoted.status == Booking.Status.CONFIRMED
    assert promoted.topic == "融资对接"
    assert promoted.question == "想了解贴息政策。"
    first_entry.refresh_from_db()
    second_entry.refresh_from_db()
    assert first_entry.status == WaitlistEntry.Status.PROMOTED
    assert first_entry.booking == promoted
    assert second_entry.status == WaitlistEntry.Status.WAITING
    slot.refresh_from_db()
    assert slot.booked == 1
    notice = Notification.objects.get(recipient=first.account)
    assert "候补成功" in notice.title
    assert promoted.code_display in notice.body
    assert not Notification.objects.filter(recipient=second.account).exists()


def test_nobody_is_promoted_after_the_cutoff(in_park_a):
    day = day_create()
    slot = first_slot(day)
    book(slot, persona_enterprise())
    waiting = persona_enterprise("other_enterprise_user")
    entry = join(slot, waiting)
    # A seat freed without a cancellation (the window added a seat) after the cutoff.
    Slot.objects.filter(pk=slot.pk).update(capacity=2)
    assert waitlist_promote(slot=slot, now=day.booking_closes_at) is None
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WAITING
    assert Booking.objects.filter(slot=slot).count() == 1
    assert not Notification.objects.filter(recipient=waiting.account).exists()
    assert waitlist_expire(now=day.booking_closes_at) == 1
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.EXPIRED


def test_before_the_cutoff_a_new_seat_goes_to_the_first_in_line(in_park_a):
    slot = first_slot(day_create())
    book(slot, persona_enterprise())
    entry = join(slot, persona_enterprise("other_enterprise_user"))
    Slot.objects.filter(pk=slot.pk).update(capacity=2)
    promoted = waitlist_promote(slot=slot)
    assert promoted.enterprise == entry.enterprise


def test_the_waitlist_closes_at_the_cutoff(in_park_a):
    day = day_create()
    slot = first_slot(day)
    book(slot, persona_enterprise())
    with pytest.raises(ValidationError) as error:
        join(slot, persona_enterprise("other_enterprise_user"), now=day.booking_closes_at)
    assert error.value.code == "closed"
    assert not WaitlistEntry.objects.filter(slot=slot).exists()


def test_a_slot_with_a_free_seat_has_no_waitlist(in_park_a):
    slot = first_slot(day_create())
    with pytest.raises(ValidationError) as error:
        join(slot, persona_enterprise())
    assert error.value.code == "not_full"
    assert not WaitlistEntry.objects.filter(slot=slot).exists()


def test_joining_twice_finds_the_same_entry(in_park_a):
    slot = first_slot(day_create())
    book(slot, persona_enterprise())
    other = persona_enterprise("other_enterprise_user")
    assert join(slot, other) == join(slot, other)
    assert WaitlistEntry.objects.filter(slot=slot).count() == 1


def test_an_enterprise_at_its_limit_loses_its_place_to_the_next(in_park_a):
    day = day_create()
    first, second = day.slots.order_by("starts_at")[:2]
    booking = book(first, persona_enterprise())
    busy, next_in_line = enterprise_new(), enterprise_new()
    busy_entry = join(first, busy)
    join(first, next_in_line)
    book(second, busy)  # now at the one-booking limit for the day
    promoted = booking_cancel(booking=booking, by=booking.enterprise.account)
    assert promoted.enterprise == next_in_line
    busy_entry.refresh_from_db()
    assert busy_entry.status == WaitlistEntry.Status.EXPIRED


def test_a_cancelled_day_promotes_nobody(in_park_a):
    day = day_create()
    slot = first_slot(day)
    book(slot, persona_enterprise())
    entry = join(slot, persona_enterprise("other_enterprise_user"))
    ServiceDay.objects.filter(pk=day.pk).update(status=ServiceDay.Status.CANCELLED)
    Slot.objects.filter(pk=slot.pk).update(capacity=2)
    assert (
        waitlist_promote(slot=slot, now=day.booking_opens_at + datetime.timedelta(hours=1)) is None
    )
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.WAITING


def test_a_seat_left_free_goes_to_the_first_in_line_from_beat(in_park_a):
    """A promotion skips an enterprise that is booking elsewhere at that moment; if nobody
    could take the seat then, beat gives it out later."""
    from servicedays.services.common import seat_free, slot_lock
    from servicedays.services.waitlist import waitlist_promote_free

    slot = first_slot(day_create())
    booking = book(slot, enterprise_new())
    waiting = enterprise_new()
    entry = join(slot, waiting)
    seat_free(booking, slot_lock(slot), booking.created_at)  # freed without a promotion
    assert waitlist_promote_free() == 1
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.PROMOTED
    assert entry.booking.enterprise == waiting
    assert entry.booking.slot == slot


def test_booking_a_slot_directly_gives_up_the_place_in_its_line(in_park_a):
    from servicedays.services.common import seat_free, slot_lock

    slot = first_slot(day_create(bookings_per_enterprise=2))
    taken = book(slot, enterprise_new())
    mine = enterprise_new()
    entry = join(slot, mine)
    seat_free(taken, slot_lock(slot), taken.created_at)  # freed, nobody promoted yet
    book(slot, mine)
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.LEFT
    assert Booking.objects.holding_seat().filter(slot=slot, enterprise=mine).count() == 1
