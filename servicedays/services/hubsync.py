"""The hub's copy of a park's service days (for liaisons and district admins across parks).

A change marks the day in the caller's transaction (a HubSyncMessage row); after commit a task
sends the day *as it is then* to the public schema, so concurrent changes never leave a stale
copy behind: the last delivery reads the last committed state. The beat sweep re-sends what a
lost task left undelivered, by the one protocol of `core.messaging.Outbox`.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from core.messaging import Outbox
from core.tasks import enqueue_on_commit
from enterprises.models import Enterprise
from onewindow.models import HubBooking, HubServiceDay
from tenants.models import Park
from tenants.selectors import park_current

from ..models import Booking, HubSyncMessage, ServiceDay, Slot, WaitlistEntry

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
    enqueue_on_commit("servicedays.tasks.hub_sync_deliver", day.pk)
    return message


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
        HubSyncMessage.objects.filter(pk__in=answered).update(delivered_at=timezone.now())
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


def _slot_row(slot: Slot, enterprise: Enterprise, topic: str, question: str) -> dict:
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
        "appeal_number": booking.appeal.tracking_number if booking.appeal is not None else "",
    }


def _waiting_row(entry: WaitlistEntry) -> dict:
    return {
        **_slot_row(entry.slot, entry.enterprise, entry.topic, entry.question),
        "waitlist_id": entry.pk,
        "status": HubBooking.Status.WAITING,
    }


def _hub_store(
    *, park: Park, day_id: int, fields: dict, department_ids: list[int], rows: list[dict]
) -> HubServiceDay:
    """Replace the hub's copy of one day (public schema)."""
    hub_day, _created = HubServiceDay.objects.update_or_create(
        park=park, day_id=day_id, defaults={**fields, "synced_at": timezone.now()}
    )
    hub_day.departments.set(department_ids)
    hub_day.bookings.all().delete()
    HubBooking.objects.bulk_create(HubBooking(hub_day=hub_day, **row) for row in rows)
    return hub_day


def _to_hub(message: HubSyncMessage) -> None:
    day_sync_deliver(day_id=message.service_day_id)


# The sweep delivers a lost mark by the one protocol; delivering one mark of a day sends the
# day and so answers every mark of it noted before (the others are then found delivered).
SYNC = Outbox(
    model=HubSyncMessage,
    group="service_day_id",
    apply=_to_hub,
    task="servicedays.tasks.hub_sync_deliver",
    name="service day → hub",
)


def day_sync_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    """Deliver the days whose marks a lost task left undelivered (current park schema);
    returns how many days were delivered."""
    return SYNC.sweep(older_than=older_than)
