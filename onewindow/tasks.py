from celery import shared_task
from django_tenants.utils import schema_context

from .services import deadlines, outbox


@shared_task(ignore_result=True, acks_late=True)
def park_message_deliver(message_id: int) -> None:
    """Deliver one hub → park message (idempotent: the park records each key once)."""
    with schema_context("public"):
        outbox.park_message_deliver(message_id=message_id)


@shared_task(ignore_result=True)
def outbox_sweep() -> None:
    """Beat: re-send hub → park messages that are still undelivered."""
    with schema_context("public"):
        outbox.park_messages_sweep()


@shared_task(ignore_result=True)
def deadlines_check() -> None:
    """Beat: reminders before the department deadline, overdue marking after it."""
    with schema_context("public"):
        deadlines.deadlines_check()
