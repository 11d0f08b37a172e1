"""Service days (企业服务日): creation with hosting departments and slots."""

import datetime
import uuid
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onewindow.models import Department

from ..models import SHANGHAI, Booking, ServiceDay, ServiceDayDepartment, Slot, WaitlistEntry
from .common import (
    booking_url,
    calendar_changed,
    day_changed,
    day_url,
    enterprise_notify,
    seat_free,
    slots_lock,
)

SLOT_MINUTES_RANGE = (5, 240)


def service_day_create(
    *,
    title: str,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    place: str,
    departments: Sequence[Department],
    booking_opens_at: datetime.datetime,
    booking_closes_at: datetime.datetime,
    topics: str = "",
    description: str = "",
    slot_minutes: int = 30,
    seats_per_slot: int = 1,
    department_seats: Mapping[int, int] | None = None,
    bookings_per_enterprise: int = 1,
    status: str = ServiceDay.Status.DRAFT,
    created_by_name: str = "",
    submission_key: uuid.UUID | None = None,
    now: datetime.datetime | None = None,
) -> ServiceDay:
    """Create a day, its hosting departments and their slots. `department_seats` maps a
    department's pk to its seats per slot where it differs from `seats_per_slot`. Once per
    form: the same `submission_key` returns the day it made."""
    if submission_key is not None:
        existing = ServiceDay.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    seats = {d.pk: (department_seats or {}).get(d.pk, seats_per_slot) for d in departments}
    day = ServiceDay(
        title=title.strip(),
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place.strip(),
        topics=topics,
        description=description,
        slot_minutes=slot_minutes,
        seats_per_slot=seats_per_slot,
        booking_opens_at=booking_opens_at,
        booking_closes_at=booking_closes_at,
        bookings_per_enterprise=bookings_per_enterprise,
        status=status,
        created_by_name=created_by_name[:150],
        submission_key=submission_key,
    )
    _validate(day, departments, seats, now or timezone.now())
    try:
        with transaction.atomic():
            day.save()
            ServiceDayDepartment.objects.bulk_create(
                ServiceDayDepartment(service_day=day, department_id=pk, seats_per_slot=n)
                for pk, n in seats.items()
            )
            Slot.objects.bulk_create(_slots(day, seats))
            day_changed(day)
            calendar_changed()
    except IntegrityError:
        # The same form sent twice at once: the other request made the day.
        existing = ServiceDay.objects.filter(submission_key=submission_key).first()
        if submission_key is None or existing is None:
            raise
        return existing
    return day


def _slots(day: ServiceDay, seats: Mapping[int, int]) -> list[Slot]:
    return [
        Slot(service_day=day, department_id=pk, starts_at=start, ends_at=end, capacity=n)
        for start, end in slot_times(day)
        for pk, n in seats.items()
    ]


def slot_times(day: ServiceDay) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Whole slots from the start of the day; a remainder shorter than a slot is left out."""
    length = datetime.timedelta(minutes=day.slot_minutes)
    start = datetime.datetime.combine(day.date, day.start_time, tzinfo=SHANGHAI)
    times = []
    while start + length <= day.ends_at:
        times.append((start, start + length))
        start += length
    return times


def _validate(
    day: ServiceDay,
    departments: Sequence[Department],
    seats: Mapping[int, int],
    now: datetime.datetime,
) -> None:
    errors = {
        **_time_errors(day, now),
        **_booking_errors(day),
        **_department_errors(departments, seats),
    }
    if not day.title:
        errors["title"] = _("Please give the service day a title.")
    if not day.place:
        errors["place"] = _("Please say where the service day takes place.")
    if errors:
        raise ValidationError(errors)


def _time_errors(day: ServiceDay, now: datetime.datetime) -> dict[str, str]:
    low, high = SLOT_MINUTES_RANGE
    if day.date < now.astimezone(SHANGHAI).date():
        return {"date": _("The date has already passed.")}
    if day.end_time <= day.start_time:
        return {"end_time": _("The day must end after it starts.")}
    if not low <= day.slot_minutes <= high:
        return {
            "slot_minutes": _("A slot lasts from %(low)d to %(high)d minutes.")
            % {"low": low, "high": high}
        }
    if not slot_times(day):
        return {"slot_minutes": _("The day is shorter than one slot.")}
    return {}


def _booking_errors(day: ServiceDay) -> dict[str, str]:
    if day.booking_closes_at <= day.booking_opens_at:
        return {"booking_closes_at": _("Booking must close after it opens.")}
    if day.booking_closes_at > day.starts_at:
        return {"booking_closes_at": _("Booking must close before the day starts.")}
    if day.bookings_per_enterprise < 1:
        return {"bookings_per_enterprise": _("Allow at least one booking per enterprise.")}
    return {}


def _department_errors(
    departments: Sequence[Department], seats: Mapping[int, int]
) -> dict[str, str]:
    if not departments:
        return {"departments": _("Choose at least one hosting department.")}
    if len(seats) != len(departments):
        return {"departments": _("Each department can host only once.")}
    if any(not d.is_active for d in departments):
        return {"departments": _("An inactive department cannot host a service day.")}
    if any(n < 1 for n in seats.values()):
        return {"seats_per_slot": _("Each department needs at least one seat per slot.")}
    return {}


@transaction.atomic
def service_day_publish(*, day: ServiceDay) -> ServiceDay:
    """Show a draft day to enterprises; booking opens at its opening time."""
    day = ServiceDay.objects.select_for_update(no_key=True).get(pk=day.pk)
    if day.status != ServiceDay.Status.DRAFT:
        raise ValidationError(_("Only a draft service day can be published."), code="wrong_status")
    day.status = ServiceDay.Status.PUBLISHED
    day.save(update_fields=["status"])
    day_changed(day)
    calendar_changed()
    return day


def service_day_cancel(
    *, day: ServiceDay, reason: str, by_name: str, now: datetime.datetime | None = None
) -> ServiceDay:
    """Call a whole day off: every booking is cancelled and every waiting enterprise told, with
    the reason. A day that is over cannot be cancelled."""
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("Please give the reason, so enterprises know why."), code="required"
                )
            }
        )
    with transaction.atomic():
        day = ServiceDay.objects.select_for_update(no_key=True).get(pk=day.pk)
        if day.status in (ServiceDay.Status.CANCELLED, ServiceDay.Status.COMPLETED):
            raise ValidationError(
                _("This service day is already “%(status)s”.")
                % {"status": day.get_status_display()},
                code="wrong_status",
            )
        if now >= day.starts_at:
            raise ValidationError(
                _("A service day that has begun cannot be cancelled."), code="begun"
            )
        day.status = ServiceDay.Status.CANCELLED
        day.cancelled_at = now
        day.cancel_reason = reason
        day.cancelled_by_name = by_name[:150]
        day.save(update_fields=["status", "cancelled_at", "cancel_reason", "cancelled_by_name"])
        _cancel_everyone(day, reason, now)
        day_changed(day)
        calendar_changed()
    return day


def _cancel_everyone(day: ServiceDay, reason: str, now: datetime.datetime) -> None:
    slots = slots_lock(*day.slots.all())
    bookings = Booking.objects.confirmed().filter(service_day=day).select_related("enterprise")
    label = {"title": day.title, "date": day.date.isoformat()}
    for booking in bookings:
        seat_free(booking, slots[booking.slot_id], now)
        enterprise_notify(
            booking.enterprise,
            title=_("Service day %(title)s on %(date)s is cancelled") % label,
            body=_("Reason: %(reason)s. Your booking is cancelled.") % {"reason": reason},
            url=booking_url(booking),
        )
    waiting = WaitlistEntry.objects.waiting().filter(slot__service_day=day)
    for entry in waiting.select_related("enterprise"):
        enterprise_notify(
            entry.enterprise,
            title=_("Service day %(title)s on %(date)s is cancelled") % label,
            body=_("Reason: %(reason)s. Your place on the waitlist is closed.")
            % {"reason": reason},
            url=day_url(day),
        )
    waiting.update(status=WaitlistEntry.Status.EXPIRED)
