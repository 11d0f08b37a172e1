"""The waitlist (候补) of a full slot: join, leave, promotion when a seat frees, expiry at the
cutoff."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from enterprises.models import Enterprise

from ..models import Booking, ServiceDay, Slot, WaitlistEntry
from .common import (
    booking_url,
    day_changed,
    enterprise_lock,
    enterprise_notify,
    is_under_limit,
    require_bookable,
    require_booker,
    require_slot_of,
    require_text,
    require_under_limit,
    seat_take,
    slot_label,
    slot_lock,
)


def waitlist_join(
    *,
    slot: Slot,
    enterprise: Enterprise,
    by: User,
    topic: str,
    question: str,
    service_day: ServiceDay | None = None,
    now: datetime.datetime | None = None,
) -> WaitlistEntry:
    """Join the waitlist of a full slot before the cutoff; joining twice finds the same entry."""
    now = now or timezone.now()
    topic, question = require_text(topic=topic, question=question)
    require_booker(enterprise, by)
    day = ServiceDay.objects.get(pk=(service_day or slot.service_day).pk)
    require_bookable(day, now)
    require_slot_of(day, slot)
    try:
        with transaction.atomic():
            enterprise_lock(enterprise)
            require_under_limit(day, enterprise)
            locked = slot_lock(slot)
            day = ServiceDay.objects.get(pk=day.pk)  # called off meanwhile? (see booking_create)
            require_bookable(day, now)
            entry = _join_locked(locked, enterprise, by, topic, question)
            day_changed(day)
            return entry
    except IntegrityError:
        # Joined twice at once: the other request made the entry.
        return WaitlistEntry.objects.waiting().get(slot=slot, enterprise=enterprise)


def _join_locked(
    slot: Slot, enterprise: Enterprise, by: User, topic: str, question: str
) -> WaitlistEntry:
    if not slot.is_full:
        raise ValidationError(
            _("This slot still has a free seat: book it instead."), code="not_full"
        )
    if Booking.objects.holding_seat().filter(slot=slot, enterprise=enterprise).exists():
        raise ValidationError(_("You have already booked this slot."), code="duplicate")
    existing = WaitlistEntry.objects.waiting().filter(slot=slot, enterprise=enterprise).first()
    if existing is not None:
        return existing
    return WaitlistEntry.objects.create(
        slot=slot, enterprise=enterprise, booked_by=by, topic=topic, question=question
    )


@transaction.atomic
def waitlist_leave(*, entry: WaitlistEntry, by: User) -> WaitlistEntry:
    entry = (
        WaitlistEntry.objects.select_for_update(of=("self",))
        .select_related("enterprise")
        .get(pk=entry.pk)
    )
    if entry.enterprise.account_id != by.pk:
        raise PermissionDenied(_("This waitlist entry belongs to another enterprise."))
    if entry.status == WaitlistEntry.Status.WAITING:
        entry.status = WaitlistEntry.Status.LEFT
        entry.save(update_fields=["status"])
        day_changed(entry.slot.service_day)
    return entry


def waitlist_promote(*, slot: Slot, now: datetime.datetime | None = None) -> Booking | None:
    """Give a free seat of the slot to the first enterprise in line, before the cutoff only."""
    now = now or timezone.now()
    with transaction.atomic():
        slot = slot_lock(slot)
        return waitlist_promote_locked(slot, day=slot.service_day, now=now)


def waitlist_promote_locked(
    slot: Slot, *, day: ServiceDay, now: datetime.datetime
) -> Booking | None:
    """As waitlist_promote, for a caller that holds the slot's lock. An enterprise that can no
    longer book (at its limit, no longer verified) loses its place to the next in line."""
    if slot.is_full or not day.is_bookable(now):
        return None
    for entry in (
        slot.waitlist.in_line().select_related("enterprise").select_for_update(of=("self",))
    ):
        if not enterprise_lock(entry.enterprise, skip_locked=True):
            continue  # booking elsewhere at this very moment: keeps its place, next one gets it
        holds_seat_here = Booking.objects.holding_seat().filter(
            slot=slot, enterprise=entry.enterprise
        )
        if (
            entry.enterprise.is_verified
            and is_under_limit(day, entry.enterprise)
            and not holds_seat_here.exists()
        ):
            return _promote(entry, slot, day)
        entry.status = WaitlistEntry.Status.EXPIRED
        entry.save(update_fields=["status"])
    return None


def _promote(entry: WaitlistEntry, slot: Slot, day: ServiceDay) -> Booking:
    booking = seat_take(
        slot,
        day=day,
        enterprise=entry.enterprise,
        by=entry.booked_by,
        topic=entry.topic,
        question=entry.question,
    )
    entry.status = WaitlistEntry.Status.PROMOTED
    entry.booking = booking
    entry.save(update_fields=["status", "booking"])
    day_changed(day)
    enterprise_notify(
        entry.enterprise,
        title=_("A seat came free: you are booked for %(title)s at %(when)s") % slot_label(slot),
        body=_("Your check-in code is %(code)s.") % {"code": booking.code_display},
        url=booking_url(booking),
    )
    return booking


def waitlist_promote_free(*, now: datetime.datetime | None = None) -> int:
    """For beat: a seat that came free while everyone in line was busy (see
    waitlist_promote_locked) goes to the first in line now. Returns how many were promoted."""
    now = now or timezone.now()
    slots = (
        Slot.objects.with_free_seats()
        .filter(waitlist__status=WaitlistEntry.Status.WAITING)
        .filter(service_day__in=ServiceDay.objects.open_for_booking(now))
        .distinct()
    )
    return sum(waitlist_promote(slot=slot, now=now) is not None for slot in slots)


def waitlist_expire(*, now: datetime.datetime | None = None) -> int:
    """For beat: close the waitlists of days past their cutoff; returns how many expired."""
    now = now or timezone.now()
    with transaction.atomic():
        due = WaitlistEntry.objects.waiting().filter(slot__service_day__booking_closes_at__lte=now)
        days = set(due.values_list("slot__service_day", flat=True))
        expired = due.update(status=WaitlistEntry.Status.EXPIRED)
        for day in ServiceDay.objects.filter(pk__in=days):
            day_changed(day)
    return expired
