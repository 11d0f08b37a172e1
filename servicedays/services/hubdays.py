"""What liaisons and district admins do to a park's service day from the district hub.

The hub holds only a copy; each action runs the park's own service in the park's schema
(same connection, `schema_context`) and then refreshes the copy at once, so the person who
acted sees the result on the next page (the after-commit task refreshes it again, harmlessly).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from accounts.models import Role
from appeals.services.common import person_name
from onewindow.models import HubBooking, HubServiceDay
from onewindow.selectors import liaison_department

from ..models import Booking, ServiceDay
from . import attendance, hubsync
from .days import service_day_create


def hub_day_create(*, by, park, departments, publish: bool, **fields) -> HubServiceDay:
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


def _require_host(by, departments) -> None:
    if by.role == Role.DISTRICT_ADMIN:
        return
    if by.role != Role.LIAISON:
        raise PermissionDenied
    own = liaison_department(by)
    if own is None or own.pk not in {d.pk for d in departments}:
        raise ValidationError(
            {"departments": _("Your own department must be among the hosting departments.")}
        )


def hub_booking_outcome_record(*, by, hub_booking: HubBooking, outcome: str, note: str):
    """The liaison records the outcome of a consultation with their department (the park's
    booking is changed; the hub copy follows). Other departments' bookings are not theirs."""
    own = liaison_department(by) if by.role == Role.LIAISON else None
    if own is None or hub_booking.department_id != own.pk or hub_booking.booking_id is None:
        raise PermissionDenied
    hub_day = hub_booking.hub_day
    with schema_context(hub_day.park.schema_name):
        booking = Booking.objects.get(pk=hub_booking.booking_id, service_day_id=hub_day.day_id)
        attendance.booking_outcome_record(
            booking=booking, outcome=outcome, note=note, by_name=person_name(by)
        )
        hubsync.day_sync_deliver(day_id=hub_day.day_id)
