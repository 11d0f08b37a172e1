"""Appeal background work. Each task takes ids and calls one service; it runs in the schema it
was sent from (tenant-schemas-celery); periodic work runs in every active park from beat."""

from celery import shared_task

from core.tasks import for_each_active_park

from .services import outbox, rating


@shared_task(ignore_result=True, acks_late=True)
def outbox_deliver(message_id: int) -> None:
    """Deliver one park → hub message (idempotent: the hub records each key once)."""
    outbox.outbox_deliver(message_id=message_id)


@shared_task(ignore_result=True)
def outbox_sweep() -> None:
    """Beat: re-send park → hub messages that are still undelivered."""
    for_each_active_park(outbox.outbox_sweep, "outbox sweep")


@shared_task(ignore_result=True)
def close_unrated() -> None:
    """Beat: close answers the enterprise did not rate in time."""
    for_each_active_park(rating.appeals_close_unrated, "closing unrated appeals")
