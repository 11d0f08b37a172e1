"""Hub background work: runs in the public schema (sent from it, or from beat)."""

from celery import shared_task

from .services import deadlines, outbox


@shared_task(ignore_result=True, acks_late=True)
def park_message_deliver(message_id: int) -> None:
    """Deliver one hub → park message (idempotent: the park records each key once)."""
    outbox.park_message_deliver(message_id=message_id)


@shared_task(ignore_result=True)
def outbox_sweep() -> None:
    """Beat: re-send hub → park messages that are still undelivered."""
    outbox.park_messages_sweep()


@shared_task(ignore_result=True)
def deadlines_check() -> None:
    """Beat: reminders before the department deadline, overdue marking after it."""
    deadlines.deadlines_check()
