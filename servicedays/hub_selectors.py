"""Read-side of the district hub's service-day pages. They read the hub's copies in the public
schema only: a request never visits the parks' schemas one by one."""

import datetime
from typing import Any

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from accounts.models import Role
from onewindow.models import HubBooking, HubServiceDay
from onewindow.selectors import liaison_department

from .choices import SEAT_HOLDING
from .models import SHANGHAI

# Days this far back stay on the list: departments record outcomes after the day.
RECENT_DAYS = 14


def hub_today() -> datetime.date:
    return timezone.now().astimezone(SHANGHAI).date()


def _visible_days(user):
    """A district admin sees every park's days; a liaison those their department hosts."""
    days = HubServiceDay.objects.select_related("park").prefetch_related("departments")
    if user.role == Role.DISTRICT_ADMIN:
        return days
    department = liaison_department(user) if user.role == Role.LIAISON else None
    if department is None:
        return days.none()
    return days.filter(departments=department)


def hub_days_overview(*, user, park=None, department=None, today=None) -> dict:
    """Upcoming days (soonest first) and those of the last two weeks (latest first), each with
    the number of seats booked and of enterprises waiting — for a liaison, their department's
    only; for a district admin, all, or one department's when filtered."""
    today = today or hub_today()
    if user.role != Role.DISTRICT_ADMIN:
        department = liaison_department(user)
    days = _visible_days(user).filter(date__gte=today - datetime.timedelta(days=RECENT_DAYS))
    if park is not None:
        days = days.filter(park=park)
    if department is not None:
        days = days.filter(departments=department)
    mine = Q(bookings__department=department) if department is not None else Q()
    days = days.annotate(
        booked=Count("bookings", filter=mine & Q(bookings__status__in=SEAT_HOLDING), distinct=True),
        waiting=Count(
            "bookings", filter=mine & Q(bookings__status=HubBooking.Status.WAITING), distinct=True
        ),
    ).order_by("date", "start_time", "id")
    days = list(days)
    return {
        "upcoming": [day for day in days if day.date >= today],
        "recent": [day for day in reversed(days) if day.date < today],
    }


def hub_day_get_for_user(*, user, pk: int) -> HubServiceDay:
    """The day if this user may see it, else 404 (a day another department hosts looks like
    none)."""
    hub_day = _visible_days(user).filter(pk=pk).first()
    if hub_day is None:
        raise Http404
    return hub_day


def hub_day_groups(*, user, hub_day: HubServiceDay) -> list[dict[str, Any]]:
    """Who comes and why, per hosting department: bookings holding a seat, enterprises
    waiting, and how many cancelled. A liaison gets their own department's group only."""
    departments = list(hub_day.departments.all())
    rows = hub_day.bookings.all()
    if user.role != Role.DISTRICT_ADMIN:
        own = liaison_department(user)
        departments = [d for d in departments if own is not None and d.pk == own.pk]
        rows = rows.filter(department=own) if own is not None else rows.none()
    groups: dict[int, dict[str, Any]] = {
        d.pk: {"department": d, "bookings": [], "waiting": [], "cancelled": 0} for d in departments
    }
    for row in rows.order_by("slot_starts_at", "id"):
        group = groups.get(row.department_id)
        if group is None:
            continue
        if row.status == HubBooking.Status.WAITING:
            group["waiting"].append(row)
        elif row.status == HubBooking.Status.CANCELLED:
            group["cancelled"] += 1
        else:
            group["bookings"].append(row)
    return list(groups.values())


def hub_booking_get_for_liaison(*, user, hub_day: HubServiceDay, booking_id: int) -> HubBooking:
    """A booking of the liaison's own department on this day, else 404."""
    department = liaison_department(user) if user.role == Role.LIAISON else None
    hub_booking = (
        HubBooking.objects.select_related("hub_day__park")
        .filter(hub_day=hub_day, booking_id=booking_id, department=department)
        .first()
        if department is not None
        else None
    )
    if hub_booking is None:
        raise Http404
    return hub_booking
