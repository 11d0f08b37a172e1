"""Read-side of service days. Every object lookup for a user goes through one function here."""

import datetime

from django.db.models import Case, Prefetch, Sum, When
from django.http import Http404
from django.utils import timezone

from .calendars import CANCELLED_KEPT, FEED_HISTORY
from .models import SHANGHAI, Booking, ServiceDay, Slot, WaitlistEntry, normalize_booking_code


def service_days_upcoming(*, today: datetime.date | None = None):
    """Published days from today on, for the park home and calendar pages."""
    today = today or timezone.now().astimezone(SHANGHAI).date()
    return ServiceDay.objects.published().upcoming(today)


def service_day_get_published(*, pk: int) -> ServiceDay:
    day = ServiceDay.objects.published().filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def slots_for_day(*, day: ServiceDay):
    return day.slots.select_related("department").order_by("starts_at", "department__name")


def service_days_calendar(*, today: datetime.date | None = None):
    """What the park calendar page lists: published days from today on, and upcoming days that
    were called off (so a bookmarked day says why it is gone)."""
    today = today or timezone.now().astimezone(SHANGHAI).date()
    return (
        ServiceDay.objects.filter(
            status__in=(ServiceDay.Status.PUBLISHED, ServiceDay.Status.CANCELLED)
        )
        .upcoming(today)
        .prefetch_related("departments__department")
    )


def service_day_get_public(*, pk: int) -> ServiceDay:
    """A day an enterprise may open: published, or published once (cancelled, completed)."""
    day = ServiceDay.objects.exclude(status=ServiceDay.Status.DRAFT).filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def slots_bookable(*, day: ServiceDay):
    return day.slots.select_related("department").order_by("starts_at", "department_id")


def service_days_for_office():
    today = timezone.now().astimezone(SHANGHAI).date()
    return ServiceDay.objects.annotate(
        seats=Sum("slots__capacity", distinct=False),
    ).order_by(
        Case(When(date__gte=today, then=0), default=1),
        Case(When(date__gte=today, then="date"), default=None).asc(nulls_last=True),
        "-date",
    )


def service_day_get_for_office(*, pk: int) -> ServiceDay:
    day = ServiceDay.objects.filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def office_attendance(*, day: ServiceDay):
    """The attendance sheet: every booking of the day by slot, and who is waiting."""
    bookings = (
        Booking.objects.filter(service_day=day)
        .select_related("enterprise", "slot__department", "appeal")
        .order_by("slot__starts_at", "slot__department_id", "created_at")
    )
    waiting = (
        WaitlistEntry.objects.waiting()
        .filter(slot__service_day=day)
        .select_related("enterprise", "slot__department")
    )
    return bookings, waiting


def booking_get_for_office(*, code: str) -> Booking:
    booking = booking_get_by_code(code=code)
    if booking is None:
        raise Http404
    return booking


def booking_get_for_enterprise(*, user, code: str) -> Booking:
    """The user's own enterprise's booking, or 404 (another enterprise's looks like none).
    The code is read as the window reads it (upper case, letters and digits only), so a NUL or
    an overlong code is a 404, never a database error."""
    code = normalize_booking_code(code or "")
    if not code or len(code) > 32:
        raise Http404
    booking = (
        Booking.objects.select_related("slot__department", "service_day", "enterprise", "appeal")
        .filter(code=code, enterprise__account=user)
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def booking_get_by_code(*, code: str) -> Booking | None:
    """For check-in at the window (by code or QR code)."""
    code = normalize_booking_code(code or "")
    if not code or len(code) > 32:
        return None
    return (
        Booking.objects.select_related("slot__department", "service_day", "enterprise", "appeal")
        .filter(code=code)
        .first()
    )


def bookings_for_enterprise(*, user):
    return (
        Booking.objects.filter(enterprise__account=user)
        .select_related("slot", "service_day")
        .order_by("-slot__starts_at")
    )


def waitlist_for_enterprise(*, user):
    return (
        WaitlistEntry.objects.waiting()
        .filter(enterprise__account=user)
        .select_related("slot__department", "slot__service_day")
    )


def waitlist_entry_get_for_enterprise(*, user, pk: int) -> WaitlistEntry:
    entry = WaitlistEntry.objects.filter(pk=pk, enterprise__account=user).first()
    if entry is None:
        raise Http404
    return entry


def bookings_for_department(*, day: ServiceDay, department_id: int):
    """Who is coming to one department and why: what its liaison prepares from."""
    return (
        Booking.objects.holding_seat()
        .filter(service_day=day, slot__department_id=department_id)
        .select_related("enterprise", "slot")
        .order_by("slot__starts_at", "id")
    )


def day_with_slots(*, pk: int) -> ServiceDay:
    slots = Prefetch("slots", queryset=Slot.objects.order_by("starts_at", "department_id"))
    # The ignore: the stubs' manager made by as_manager() loses prefetch_related's type variables.
    days = ServiceDay.objects.prefetch_related(slots, "departments")  # type: ignore[arg-type]
    day = days.filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def service_days_for_feed(*, now: datetime.datetime | None = None):
    """The park's iCalendar feed: published and completed days from `FEED_HISTORY` back on,
    and days called off within `CANCELLED_KEPT` (shown as cancelled; see servicedays.calendars)."""

    now = now or timezone.now()
    since = (now - FEED_HISTORY).astimezone(SHANGHAI).date()
    held = ServiceDay.objects.filter(
        status__in=(ServiceDay.Status.PUBLISHED, ServiceDay.Status.COMPLETED), date__gte=since
    )
    called_off = ServiceDay.objects.filter(
        status=ServiceDay.Status.CANCELLED, cancelled_at__gte=now - CANCELLED_KEPT
    )
    return (
        (held | called_off)
        .prefetch_related("departments__department")
        .order_by("date", "start_time", "id")
    )
