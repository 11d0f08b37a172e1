"""Bookings (预约): book a slot, cancel, move to another slot of the same day.

Seats are scarce: each workflow is one transaction that takes the slot's row lock late (after
every check that needs no lock), checks the seat count and writes; the check constraints on
Slot stand behind it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from enterprises.models import Enterprise

from ..models import Booking, ServiceDay, Slot
from .common import (
    booking_url,
    day_changed,
    enterprise_lock,
    enterprise_notify,
    require_before_cutoff,
    require_bookable,
    require_booker,
    require_owner,
    require_slot_of,
    require_text,
    require_under_limit,
    seat_free,
    seat_take,
    slot_label,
    slot_lock,
    slots_lock,
)
from .waitlist import waitlist_promote_locked


def booking_create(
    *,
    slot: Slot,
    enterprise: Enterprise,
    by: User,
    topic: str,
    question: str,
    service_day: ServiceDay | None = None,
    now: datetime.datetime | None = None,
) -> Booking:
    """Book a seat for a verified enterprise. `service_day` is the day the user was looking
    at (the slot must be on it); SlotFull when no seat is left."""
    now = now or timezone.now()
    topic, question = require_text(topic=topic, question=question)
    require_booker(enterprise, by)
    day = service_day or slot.service_day
    slot = Slot.objects.get(pk=slot.pk)
    try:
        with transaction.atomic():
            day = ServiceDay.objects.get(pk=day.pk)
            require_bookable(day, now)
            require_slot_of(day, slot)
            enterprise_lock(enterprise)
            require_under_limit(day, enterprise)
            locked = slot_lock(slot)
            # Again under the slot's lock: cancelling a day locks every slot before it commits,
            # so a day called off meanwhile is seen here.
            day = ServiceDay.objects.get(pk=day.pk)
            require_bookable(day, now)
            booking = seat_take(
                locked, day=day, enterprise=enterprise, by=by, topic=topic, question=question
            )
            _confirmed_notify(booking)
            day_changed(day)
    except IntegrityError as error:
        # The same enterprise booking the same slot twice at once: the constraint caught it.
        raise ValidationError(_("You have already booked this slot."), code="duplicate") from error
    return booking


def booking_cancel(
    *, booking: Booking, by: User, now: datetime.datetime | None = None
) -> Booking | None:
    """Cancel the enterprise's own booking before the cutoff and give the seat to the first
    enterprise on the waitlist. Returns the booking made for it, or None."""
    now = now or timezone.now()
    require_owner(booking, by)
    with transaction.atomic():
        slot = slot_lock(booking.slot)
        booking = _confirmed_or_error(booking)
        day = booking.service_day
        require_before_cutoff(day, now)
        seat_free(booking, slot, now)
        promoted = waitlist_promote_locked(slot, day=day, now=now)
        enterprise_notify(
            booking.enterprise,
            title=_("Your booking for %(title)s at %(when)s is cancelled") % slot_label(slot),
            url=booking_url(booking),
        )
        day_changed(day)
    return promoted


def booking_move(
    *, booking: Booking, to_slot: Slot, by: User, now: datetime.datetime | None = None
) -> Booking:
    """Move a booking to another slot of the same day, keeping its topic and question: the
    old seat is freed (and offered to its waitlist) only if the new one is taken."""
    now = now or timezone.now()
    require_owner(booking, by)
    with transaction.atomic():
        locked = slots_lock(booking.slot, to_slot)
        booking = _confirmed_or_error(booking)
        day = booking.service_day
        require_bookable(day, now)
        require_slot_of(day, to_slot)
        if to_slot.pk == booking.slot_id:
            raise ValidationError(_("The booking is already in this slot."), code="same_slot")
        old, new = locked[booking.slot_id], locked[to_slot.pk]
        moved = seat_take(
            new,
            day=day,
            enterprise=booking.enterprise,
            by=by,
            topic=booking.topic,
            question=booking.question,
        )
        seat_free(booking, old, now)
        waitlist_promote_locked(old, day=day, now=now)
        enterprise_notify(
            booking.enterprise,
            title=_("Your booking for %(title)s is moved to %(when)s") % slot_label(new),
            url=booking_url(moved),
        )
        day_changed(day)
    return moved


def _confirmed_or_error(booking: Booking) -> Booking:
    """The booking as it is now (its slot is locked by the caller); it must be confirmed."""
    booking = Booking.objects.select_related("service_day", "enterprise").get(pk=booking.pk)
    if booking.status != Booking.Status.CONFIRMED:
        raise ValidationError(
            _("This booking is now “%(status)s”; nothing was changed.")
            % {"status": booking.get_status_display()},
            code="wrong_status",
        )
    return booking


def _confirmed_notify(booking: Booking) -> None:
    enterprise_notify(
        booking.enterprise,
        title=_("Booking confirmed: %(title)s at %(when)s") % slot_label(booking.slot),
        body=_("Your check-in code is %(code)s.") % {"code": booking.code_display},
        url=booking_url(booking),
    )
