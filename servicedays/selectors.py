"""Read-side of service days. Every object lookup for a user goes through one function here."""

import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from .models import SHANGHAI, Booking, ServiceDay, Slot, WaitlistEntry


def service_days_upcoming(*, today: datetime.date | None = None):
    """Published days from today on, for the park home and calendar pages."""
    today = today or timezone.now().astimezone(SHANGHAI).date()
    return ServiceDay.objects.published().upcoming(today).prefetch_related("departments")


def service_day_get_published(*, pk: int) -> ServiceDay:
    day = ServiceDay.objects.published().filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def slots_for_day(*, day: ServiceDay):
    return day.slots.select_related("department").order_by("starts_at", "department__name")


def booking_get_for_enterprise(*, user, pk: int) -> Booking:
    """The user's own enterprise's booking, or 404 (another enterprise's looks like none)."""
    booking = (
        Booking.objects.select_related("slot", "service_day", "enterprise")
        .filter(pk=pk, enterprise__account=user)
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def booking_get_by_code(*, code: str) -> Booking | None:
    """For check-in at the window (by code or QR code)."""
    if not code or len(code) > 32:
        return None
    return Booking.objects.select_related("slot", "enterprise").filter(code=code).first()


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
        .select_related("slot", "slot__service_day")
    )


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
    day = ServiceDay.objects.prefetch_related(slots, "departments").filter(pk=pk).first()
    if day is None:
        raise Http404
    return day
