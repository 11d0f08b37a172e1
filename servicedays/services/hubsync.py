"""The hub's copy of a park's service days (for liaisons and district admins across parks).

A change marks the day in the caller's transaction (a HubSyncMessage row); after commit a task
sends the day *as it is then* to the public schema, so concurrent changes never leave a stale
copy behind: the last delivery reads the last committed state. The beat sweep re-sends what a
lost task left undelivered.
"""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tenants.utils import schema_context

from onewindow.models import HubBooking, HubServiceDay
from tenants.selectors import park_current

from ..models import Booking, HubSyncMessage, ServiceDay, WaitlistEntry

logger = logging.getLogger(__name__)

# The day's own facts the hub keeps (the same names on HubServiceDay).
DAY_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "place",
    "topics",
    "description",
    "status",
    "booking_opens_at",
    "booking_closes_at",
    "created_by_name",
    "cancel_reason",
)


def day_sync_mark(day: ServiceDay) -> HubSyncMessage:
    message = HubSyncMessage.objects.create(
        service_day_id=day.pk, kind="serviceday.changed", payload={}
    )
    schema_name = connection.schema_name
    transaction.on_commit(lambda: _send_later(schema_name, day.pk))
    return message


def _send_later(schema_name: str, day_id: int) -> None:
    from ..tasks import hub_sync_deliver

    try:
        hub_sync_deliver.delay(schema_name, day_id)
    except Exception:
        # The mark is committed: the beat sweep sends the day once the broker is back.
        logger.warning("broker unavailable; service day %s waits for the sweep", day_id)


def day_sync_deliver(*, day_id: int) -> bool:
    """Copy the day, as it is committed now, to the hub (current park schema) and mark the
    messages it answers delivered. Idempotent: it sends the day, not a change. False if the
    day is gone (its hub copy goes too)."""
    park = park_current()
    with transaction.atomic():
        # Serialises the deliveries of one day, so a later one always reads a later state.
        # NO KEY: bookings inserted meanwhile (their FK check takes KEY SHARE) are not held up.
        day = ServiceDay.objects.select_for_update(no_key=True).filter(pk=day_id).first()
        if day is None:
            with schema_context("public"):
                HubServiceDay.objects.filter(park=park, day_id=day_id).delete()
            return False
        # The marks are noted before the day is read: a mark committed later (or by a
        # transaction still open now) stays undelivered and brings its own delivery.
        answered = list(
            HubSyncMessage.objects.filter(
                service_day_id=day_id, delivered_at__isnull=True
            ).values_list("pk", flat=True)
        )
        fields, department_ids, rows = _day_read(day)
        with schema_context("public"):
            _hub_store(
                park=park, day_id=day_id, fields=fields, department_ids=department_ids, rows=rows
            )
        HubSyncMessage.objects.filter(pk__in=answered).update(
            delivered_at=timezone.now(), attempts=F("attempts") + 1
        )
    return True


def _day_read(day: ServiceDay) -> tuple[dict, list[int], list[dict]]:
    """What the hub keeps of a day: its facts, hosts, bookings and waiting entries."""
    fields = {name: getattr(day, name) for name in DAY_FIELDS}
    department_ids = list(day.departments.values_list("department_id", flat=True))
    bookings = Booking.objects.filter(service_day=day).select_related(
        "slot", "enterprise", "appeal"
    )
    waiting = WaitlistEntry.objects.in_line().filter(slot__service_day=day)
    rows = [_booking_row(booking) for booking in bookings]
    rows += [_waiting_row(entry) for entry in waiting.select_related("slot", "enterprise")]
    return fields, department_ids, rows


def _slot_row(slot, enterprise, topic: str, question: str) -> dict:
    return {
        "department_id": slot.department_id,
        "slot_starts_at": slot.starts_at,
        "slot_ends_at": slot.ends_at,
        "enterprise_name": enterprise.name,
        "topic": topic,
        "question": question,
    }


def _booking_row(booking: Booking) -> dict:
    return {
        **_slot_row(booking.slot, booking.enterprise, booking.topic, booking.question),
        "booking_id": booking.pk,
        "status": booking.status,
        "outcome": booking.outcome,
        "outcome_note": booking.outcome_note,
        "outcome_at": booking.outcome_at,
        "outcome_by_name": booking.outcome_by_name,
        "appeal_number": booking.appeal.tracking_number if booking.appeal_id else "",
    }


def _waiting_row(entry: WaitlistEntry) -> dict:
    return {
        **_slot_row(entry.slot, entry.enterprise, entry.topic, entry.question),
        "waitlist_id": entry.pk,
        "status": HubBooking.Status.WAITING,
    }


def _hub_store(*, park, day_id: int, fields: dict, department_ids: list[int], rows: list[dict]):
    """Replace the hub's copy of one day (public schema)."""
    hub_day, _created = HubServiceDay.objects.update_or_create(
        park=park, day_id=day_id, defaults={**fields, "synced_at": timezone.now()}
    )
    hub_day.departments.set(department_ids)
    hub_day.bookings.all().delete()
    HubBooking.objects.bulk_create(HubBooking(hub_day=hub_day, **row) for row in rows)
    return hub_day


def day_sync_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    """Deliver the days whose marks a lost task left undelivered (current park schema);
    returns how many days were delivered."""
    if older_than is None:
        older_than = datetime.timedelta(seconds=settings.OUTBOX_RESEND_AFTER_SECONDS)
    day_ids = (
        HubSyncMessage.objects.filter(
            delivered_at__isnull=True, created_at__lt=timezone.now() - older_than
        )
        .order_by("service_day_id")
        .values_list("service_day_id", flat=True)
        .distinct()
    )
    delivered = 0
    for day_id in list(day_ids):
        try:
            delivered += day_sync_deliver(day_id=day_id)
        except Exception:
            logger.exception("service day %s of %s not synced", day_id, connection.schema_name)
    return delivered
