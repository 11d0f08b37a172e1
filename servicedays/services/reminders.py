"""Reminders (提醒) before a booked slot: one the day before, one an hour before.

Beat runs `reminders_send` every few minutes in each park, and two runs may overlap. Each
reminder is claimed by a conditional UPDATE of its own booking row (`... WHERE reminded_x IS
NULL`); only the run whose update changed the row sends it, in the same transaction as the
claim, so a reminder is sent once or, if the run fails, not claimed and sent by the next run.
"""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from onewindow.models import Department

from ..models import SHANGHAI, Booking, ServiceDay
from .common import booking_url, enterprise_notify

DAY_BEFORE = datetime.timedelta(hours=24)
HOUR_BEFORE = datetime.timedelta(hours=1)


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send the reminders that are due in the current park; returns how many were sent."""
    now = now or timezone.now()
    # The hour-before reminder also claims the day-before one, and the day-before one is only
    # for slots more than an hour away: a booking made 30 minutes before its slot gets the
    # hour-before reminder alone, not two at once.
    sent = _pass(
        now, window=(now, now + HOUR_BEFORE), field="reminded_hour_before_at", notice=_hour_notice
    )
    sent += _pass(
        now,
        window=(now + HOUR_BEFORE, now + DAY_BEFORE),
        field="reminded_day_before_at",
        notice=_day_notice,
    )
    return sent


def _pass(
    now: datetime.datetime,
    *,
    window: tuple,
    field: str,
    notice: Callable[[Booking, str], dict],
) -> int:
    bookings = list(_due(window=window, field=field))
    departments = _department_names(bookings)
    sent = 0
    for booking in bookings:
        with transaction.atomic():
            if _claim(booking, field=field, now=now):
                department = departments.get(booking.slot.department_id, "")
                enterprise_notify(
                    booking.enterprise, url=booking_url(booking), **notice(booking, department)
                )
                sent += 1
    return sent


def _due(*, window: tuple, field: str) -> QuerySet[Booking]:
    """Confirmed bookings of published days whose slot starts in (start, end]."""
    start, end = window
    return (
        Booking.objects.confirmed()
        .filter(
            service_day__status=ServiceDay.Status.PUBLISHED,
            slot__starts_at__gt=start,
            slot__starts_at__lte=end,
            **{f"{field}__isnull": True},
        )
        .select_related("slot", "service_day", "enterprise__account")
        .order_by("slot__starts_at", "pk")
    )


def _department_names(bookings: list[Booking]) -> dict[int, str]:
    # Departments live in the hub's schema with no foreign-key constraint: looked up apart, so
    # a booking whose department row is gone is still reminded.
    pks = {booking.slot.department_id for booking in bookings}
    return dict(Department.objects.filter(pk__in=pks).values_list("pk", "name"))


def _claim(booking: Booking, *, field: str, now: datetime.datetime) -> bool:
    """Mark the reminder sent if no other run has; True if this run did.

    The WHERE clause names only the booking's own columns, so a run that waited on another's
    row lock re-checks it against the committed row and updates nothing.
    """
    changes: dict[str, datetime.datetime | Coalesce] = {field: now}
    if field == "reminded_hour_before_at":
        changes["reminded_day_before_at"] = Coalesce(F("reminded_day_before_at"), Value(now))
    claimed = Booking.objects.filter(
        pk=booking.pk, status=Booking.Status.CONFIRMED, **{f"{field}__isnull": True}
    ).update(**changes)
    return claimed == 1


def _label(booking: Booking) -> dict:
    local = booking.slot.starts_at.astimezone(SHANGHAI)
    return {
        "title": booking.service_day.title,
        "date": f"{local:%Y-%m-%d}",
        "time": f"{local:%H:%M}",
        "place": booking.service_day.place,
    }


def _body(booking: Booking, department: str) -> str:
    return _(
        "Check-in code: %(code)s. Department: %(department)s. Topic: %(topic)s. "
        "Please show the code at the service desk."
    ) % {
        "code": booking.code_display,
        "department": department or "—",
        "topic": booking.topic,
    }


def _day_notice(booking: Booking, department: str) -> dict:
    return {
        "title": _("Reminder: %(title)s on %(date)s at %(time)s, %(place)s") % _label(booking),
        "body": _body(booking, department),
    }


def _hour_notice(booking: Booking, department: str) -> dict:
    return {
        "title": _("Starting soon: %(title)s at %(time)s, %(place)s") % _label(booking),
        "body": _body(booking, department),
    }
