"""What liaisons and district admins do to a park's service day from the district hub.

The hub holds only a copy; each action runs the park's own service in the park's schema
(same connection, `schema_context`) and then refreshes the copy at once, so the person who
acted sees the result on the next page (the after-commit task refreshes it again, harmlessly).
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tenants.utils import schema_context

from accounts.models import Role, User
from appeals.services.common import person_name
from notifications.services import notify
from onewindow.models import Department, HubBooking, HubServiceDay
from onewindow.selectors import liaison_department
from tenants.models import Park
from tenants.selectors import hub_link

from ..models import SHANGHAI, Booking, ServiceDay
from . import attendance, hubsync
from .days import service_day_create


def hub_day_create(
    *,
    by: User,
    park: Park,
    departments: Sequence[Department],
    publish: bool,
    **fields: Any,  # the rest of service_day_create's arguments, as the hub's form cleaned them
) -> HubServiceDay:
    """Set up a service day in `park` for the hub user `by`. A liaison's own department must
    be among the hosts; a district admin may choose any active departments."""
    _require_host(by, departments)
    status = ServiceDay.Status.PUBLISHED if publish else ServiceDay.Status.DRAFT
    with schema_context(park.schema_name):
        day = service_day_create(
            departments=departments,
            status=status,
            created_by_name=person_name(by),
            **fields,
        )
        hubsync.day_sync_deliver(day_id=day.pk)
    return HubServiceDay.objects.get(park=park, day_id=day.pk)


def _require_host(by: User, departments: Sequence[Department]) -> None:
    if by.role == Role.DISTRICT_ADMIN:
        return
    if by.role != Role.LIAISON:
        raise PermissionDenied
    own = liaison_department(by)
    if own is None or own.pk not in {d.pk for d in departments}:
        raise ValidationError(
            {"departments": _("Your own department must be among the hosting departments.")}
        )


def hub_booking_outcome_record(
    *, by: User, hub_booking: HubBooking, outcome: str, note: str, seen: str | None = None
) -> None:
    """The liaison records the outcome of a consultation with their department (the park's
    booking is changed; the hub copy follows). Other departments' bookings are not theirs."""
    own = liaison_department(by) if by.role == Role.LIAISON else None
    if own is None or hub_booking.department_id != own.pk or hub_booking.booking_id is None:
        raise PermissionDenied
    hub_day = hub_booking.hub_day
    with schema_context(hub_day.park.schema_name):
        booking = Booking.objects.get(pk=hub_booking.booking_id, service_day_id=hub_day.day_id)
        attendance.booking_outcome_record(
            booking=booking,
            outcome=outcome,
            note=note,
            by_name=person_name(by),
            seen_outcome_at=seen,
        )
        hubsync.day_sync_deliver(day_id=hub_day.day_id)


def hub_days_brief(*, now: datetime.datetime | None = None) -> int:
    """For beat (public schema): the day before a service day, send each hosting department's
    liaisons the number of bookings and where to read the questions, once per day. Returns how
    many days were briefed."""
    now = now or timezone.now()
    tomorrow = now.astimezone(SHANGHAI).date() + datetime.timedelta(days=1)
    briefed = 0
    due = HubServiceDay.objects.filter(
        date=tomorrow, status=HubServiceDay.Status.PUBLISHED, liaisons_briefed_at__isnull=True
    )
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = HubServiceDay.objects.filter(pk=pk, liaisons_briefed_at__isnull=True).update(
                liaisons_briefed_at=now
            )
            if claimed:
                _brief(HubServiceDay.objects.select_related("park").get(pk=pk))
                briefed += 1
    return briefed


def _brief(hub_day: HubServiceDay) -> None:
    coming = hub_day.bookings.filter(status=HubBooking.Status.CONFIRMED)
    for department in hub_day.departments.all():
        count = coming.filter(department=department).count()
        liaisons = User.objects.filter(liaison__department=department, is_active=True)
        notify(
            recipients=liaisons,
            title=_("Tomorrow: %(title)s at %(park)s")
            % {"title": hub_day.title, "park": hub_day.park.name},
            body=ngettext(
                "%(count)d enterprise booked your department; read its question before the day.",
                "%(count)d enterprises booked your department; read their questions before the "
                "day.",
                count,
            )
            % {"count": count},
            url=hub_link("servicedays_hub:detail", hub_day.pk),
        )
