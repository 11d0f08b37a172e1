"""Another park never sees this park's service days or bookings; an enterprise never touches
another enterprise's booking."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django_tenants.utils import schema_context

from accounts.models import User
from servicedays.models import Booking, ServiceDay, WaitlistEntry
from servicedays.selectors import booking_get_for_enterprise, service_days_upcoming
from servicedays.services.bookings import booking_cancel, booking_create, booking_move
from servicedays.services.waitlist import waitlist_join, waitlist_leave

from .helpers import book, day_create, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db


def test_another_park_does_not_see_the_day_or_its_bookings(park_a, park_b):
    with schema_context("alpha"):
        day = day_create()
        booking = book(first_slot(day), persona_enterprise())
        assert day in service_days_upcoming()
    with schema_context("beta"):
        assert not ServiceDay.objects.filter(title=day.title).exists()
        assert not Booking.objects.filter(code=booking.code).exists()
        assert all(d.title != day.title for d in service_days_upcoming())


def test_an_enterprise_cannot_cancel_another_enterprises_booking(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())
    other = User.objects.get(username="other_enterprise_user")
    with pytest.raises(PermissionDenied):
        booking_cancel(booking=booking, by=other)
    booking.refresh_from_db()
    booking.slot.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.slot.booked == 1


def test_an_enterprise_cannot_move_another_enterprises_booking(in_park_a):
    day = day_create()
    booking = book(first_slot(day), persona_enterprise())
    other = User.objects.get(username="other_enterprise_user")
    with pytest.raises(PermissionDenied):
        booking_move(booking=booking, to_slot=day.slots.last(), by=other)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_an_enterprise_cannot_book_in_another_enterprises_name(in_park_a):
    slot = first_slot(day_create())
    mine = persona_enterprise()
    other = User.objects.get(username="other_enterprise_user")
    with pytest.raises(PermissionDenied):
        booking_create(slot=slot, enterprise=mine, by=other, topic="融资", question="")
    assert not Booking.objects.filter(slot=slot).exists()


def test_another_enterprises_booking_looks_like_none(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())
    owner = booking.enterprise.account
    assert booking_get_for_enterprise(user=owner, code=booking.code) == booking
    with pytest.raises(Http404):
        booking_get_for_enterprise(
            user=User.objects.get(username="other_enterprise_user"), code=booking.code
        )


def test_an_enterprise_cannot_take_another_off_the_waitlist(in_park_a):
    slot = first_slot(day_create())
    book(slot, persona_enterprise())
    other = persona_enterprise("other_enterprise_user")
    entry = waitlist_join(slot=slot, enterprise=other, by=other.account, topic="融资", question="")
    with pytest.raises(PermissionDenied):
        waitlist_leave(entry=entry, by=persona_enterprise().account)
    assert WaitlistEntry.objects.get(pk=entry.pk).status == WaitlistEntry.Status.WAITING
