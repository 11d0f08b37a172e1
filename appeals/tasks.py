import logging

from celery import shared_task
from django_tenants.utils import schema_context

from tenants.models import Park

from .services import journey, outbox

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True, acks_late=True)
def outbox_deliver(schema_name: str, message_id: int) -> None:
    """Deliver one park → hub message (idempotent: the hub records each key once)."""
    with schema_context(schema_name):
        outbox.outbox_deliver(message_id=message_id)


def _each_park(work, what: str) -> None:
    for schema_name in Park.objects.parks().active().values_list("schema_name", flat=True):
        # One park's failure must not hold back the others.
        try:
            with schema_context(schema_name):
                work()
        except Exception:
            logger.exception("%s failed in park %s", what, schema_name)


@shared_task(ignore_result=True)
def outbox_sweep() -> None:
    """Beat: re-send park → hub messages that are still undelivered."""
    _each_park(outbox.outbox_sweep, "outbox sweep")


@shared_task(ignore_result=True)
def close_unrated() -> None:
    """Beat: close answers the enterprise did not rate in time."""
    _each_park(journey.appeals_close_unrated, "closing unrated appeals")
