"""Checks, seat accounting and notices shared by the service-day workflows."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from enterprises.models import Enterprise
from notifications.services import notify
from tenants.selectors import park_current, park_link

from ..models import OFFICE_ROLES, SHANGHAI, Booking, ServiceDay, Slot, WaitlistEntry
from ..signals import service_days_changed
from .hubsync import day_sync_mark

QUESTION_MAX = 2000
TOPIC_MAX = 100


class SlotFull(ValidationError):
    """The slot has no seat left: the caller may offer its waitlist (候补)."""

    def __init__(self, slot: Slot):
        super().__init__(
            _("Every seat in this slot is taken. You can join the waitlist."), code="slot_full"
        )
        self.slot = slot


def _state_messages() -> dict[str, str]:
    State = ServiceDay.BookingState
    return {
        State.NOT_PUBLISHED: _("This service day is not open for booking."),
        State.CANCELLED: _("This service day was cancelled."),
        State.OVER: _("This service day is over."),
        State.NOT_YET_OPEN: _("Booking for this service day has not opened yet."),
        State.CLOSED: _("Booking for this service day has closed."),
    }


def require_bookable(day: ServiceDay, now: datetime.datetime) -> None:
    state = day.booking_state(now)
    if state != ServiceDay.BookingState.OPEN:
        raise ValidationError(_state_messages()[state], code=state)


def require_before_cutoff(day: ServiceDay, now: datetime.datetime) -> None:
    if not day.is_before_cutoff(now):
        raise ValidationError(
            _("Bookings can no longer be changed: the cutoff has passed."), code="closed"
        )


def require_booker(enterprise: Enterprise, by: User) -> None:
    """Only a verified enterprise books, and only through its own account."""
    if enterprise.account_id != by.pk:
        raise PermissionDenied(_("You can only book for your own enterprise."))
    if not enterprise.is_verified:
        raise ValidationError(
            _("Only verified enterprises can book. Please wait for the park to verify you."),
            code="not_verified",
        )


def require_owner(booking: Booking, by: User) -> None:
    if booking.enterprise.account_id != by.pk:
        raise PermissionDenied(_("This booking belongs to another enterprise."))


def require_slot_of(day: ServiceDay, slot: Slot) -> None:
    """The slot is on this day, with a department that hosts it."""
    if slot.service_day_id != day.pk:
        raise ValidationError(_("This slot belongs to another service day."), code="wrong_day")
    if not day.departments.filter(department_id=slot.department_id).exists():
        raise ValidationError(
            _("This department is not hosting this service day."), code="not_hosting"
        )


def require_under_limit(day: ServiceDay, enterprise: Enterprise) -> None:
    held = Booking.objects.holding_seat().filter(service_day=day, enterprise=enterprise).count()
    if held >= day.bookings_per_enterprise:
        raise ValidationError(
            ngettext(
                "Your enterprise already has %(count)d booking for this service day, the most "
                "allowed.",
                "Your enterprise already has %(count)d bookings for this service day, the most "
                "allowed.",
                held,
            )
            % {"count": held},
            code="limit",
        )


def is_under_limit(day: ServiceDay, enterprise: Enterprise) -> bool:
    try:
        require_under_limit(day, enterprise)
    except ValidationError:
        return False
    return True


def require_text(*, topic: str, question: str) -> tuple[str, str]:
    topic, question = topic.strip(), question.strip()
    if not topic:
        raise ValidationError(_("Please state the topic of your visit."), code="topic")
    if len(topic) > TOPIC_MAX:
        raise ValidationError(
            _("The topic can be at most %(max)d characters.") % {"max": TOPIC_MAX}, code="topic"
        )
    if len(question) > QUESTION_MAX:
        raise ValidationError(
            _("The question can be at most %(max)d characters.") % {"max": QUESTION_MAX},
            code="question",
        )
    return topic, question


def enterprise_lock(enterprise: Enterprise, *, skip_locked: bool = False) -> bool:
    """Serialise one enterprise's bookings (the per-day limit counts its other bookings, which a
    concurrent request on another slot could be adding). Taken before any slot lock. With
    `skip_locked`, False when another transaction holds it (the caller holds a slot lock and must
    not wait: that order could deadlock)."""
    rows = Enterprise.objects.select_for_update(no_key=True, skip_locked=skip_locked).filter(
        pk=enterprise.pk
    )
    return rows.values_list("pk", flat=True).first() is not None


def slot_lock(slot: Slot) -> Slot:
    """The slot's row, locked until the end of the transaction, as it is now."""
    return Slot.objects.select_for_update(no_key=True).get(pk=slot.pk)


def slots_lock(*slots: Slot) -> dict[int, Slot]:
    """Several slots locked in primary-key order, so two movers never wait on each other."""
    pks = sorted({slot.pk for slot in slots})
    locked = Slot.objects.select_for_update(no_key=True).filter(pk__in=pks).order_by("pk")
    return {slot.pk: slot for slot in locked}


def seat_take(
    slot: Slot, *, day: ServiceDay, enterprise: Enterprise, by: User, topic: str, question: str
) -> Booking:
    """Book a seat on a slot that is locked by the caller; SlotFull if none is left."""
    if slot.is_full:
        raise SlotFull(slot)
    if Booking.objects.holding_seat().filter(slot=slot, enterprise=enterprise).exists():
        raise ValidationError(_("You have already booked this slot."), code="duplicate")
    booking = Booking.objects.create(
        slot=slot,
        service_day=day,
        enterprise=enterprise,
        booked_by=by,
        topic=topic,
        question=question,
    )
    _booked_add(slot, 1)
    # Booked directly while waiting for this slot: the place in line is no longer needed
    # (a promotion marks its own entry promoted afterwards).
    WaitlistEntry.objects.waiting().filter(slot=slot, enterprise=enterprise).update(
        status=WaitlistEntry.Status.LEFT
    )
    return booking


def seat_free(booking: Booking, slot: Slot, now: datetime.datetime) -> None:
    """Cancel a booking on a slot that is locked by the caller and give its seat back."""
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at"])
    _booked_add(slot, -1)


def _booked_add(slot: Slot, delta: int) -> None:
    slot.booked = F("booked") + delta
    slot.save(update_fields=["booked"])
    slot.refresh_from_db(fields=["booked"])


def day_url(day: ServiceDay) -> str:
    return park_link(park_current(), "servicedays:day", day.pk)


def booking_url(booking: Booking) -> str:
    return park_link(park_current(), "servicedays:booking", booking.code)


def office_booking_url(booking: Booking) -> str:
    return park_link(park_current(), "servicedays:office_booking", booking.code)


def staff_notify(*, title: str, body: str = "", url: str = "") -> None:
    """Tell the park's window staff and operators (who run service days on site)."""
    staff = User.objects.filter(role__in=OFFICE_ROLES, is_active=True)
    notify(recipients=staff, title=title, body=body, url=url)


def enterprise_notify(enterprise: Enterprise, *, title: str, body: str = "", url: str = "") -> None:
    notify(recipients=[enterprise.account], title=title, body=body, url=url)


def slot_label(slot: Slot) -> dict:
    local = slot.starts_at.astimezone(SHANGHAI)
    return {"title": slot.service_day.title, "when": f"{local:%Y-%m-%d %H:%M}"}


def day_changed(day: ServiceDay) -> None:
    """Mark, in the caller's transaction, that the hub's copy of the day must be refreshed;
    the refresh runs after commit (and from the beat sweep if that task is lost)."""
    day_sync_mark(day)


def calendar_changed() -> None:
    """A day appeared, went or changed its date: the park's cached pages (the home page lists
    upcoming days) are refreshed (the cms app listens)."""
    service_days_changed.send(sender=ServiceDay)
