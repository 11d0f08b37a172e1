"""Park → hub messages (outbox): written in the transaction that causes them, sent after
commit, applied at the hub exactly once (by key), re-sent by the beat sweep until delivered."""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tenants.utils import schema_context

from tenants.selectors import park_current

from ..models import Appeal, OutboxMessage

logger = logging.getLogger(__name__)


def outbox_write(*, appeal: Appeal, kind: str, payload: dict) -> OutboxMessage:
    message = OutboxMessage.objects.create(appeal=appeal, kind=kind, payload=payload)
    schema_name = connection.schema_name
    transaction.on_commit(lambda: outbox_send_later(schema_name=schema_name, message_id=message.pk))
    return message


def outbox_send_later(*, schema_name: str, message_id: int) -> None:
    from ..tasks import outbox_deliver

    try:
        outbox_deliver.delay(schema_name, message_id)
    except Exception:
        # The row is committed: the beat sweep delivers it once the broker is back.
        logger.warning("broker unavailable; outbox message %s waits for the sweep", message_id)


def outbox_deliver(*, message_id: int) -> bool:
    """Deliver a message to the hub after any older undelivered one of the same appeal, so the
    hub applies an appeal's messages in order (current park schema). True if delivered now."""
    message = OutboxMessage.objects.filter(pk=message_id).only("appeal_id").first()
    if message is None:
        return False
    older = OutboxMessage.objects.filter(
        appeal_id=message.appeal_id, delivered_at__isnull=True, pk__lt=message_id
    ).values_list("pk", flat=True)
    for pk in list(older):
        _deliver_one(message_id=pk)
    return _deliver_one(message_id=message_id)


def _deliver_one(*, message_id: int) -> bool:
    from onewindow.services.inbound import hub_receive

    message = OutboxMessage.objects.filter(pk=message_id, delivered_at__isnull=True).first()
    if message is None:
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
    park = park_current()
    with schema_context("public"):
        hub_receive(
            park=park,
            key=message.key,
            kind=message.kind,
            appeal_id=message.appeal_id,
            payload=message.payload,
        )
    # If the process dies here, the sweep re-sends and the hub's receipt makes it a no-op.
    OutboxMessage.objects.filter(pk=message.pk, delivered_at__isnull=True).update(
        delivered_at=timezone.now()
    )
    return True


def outbox_pending_ids(*, older_than: datetime.timedelta | None = None) -> list[int]:
    if older_than is None:
        older_than = datetime.timedelta(seconds=settings.OUTBOX_RESEND_AFTER_SECONDS)
    return list(
        OutboxMessage.objects.filter(
            delivered_at__isnull=True, created_at__lt=timezone.now() - older_than
        ).values_list("pk", flat=True)
    )


def outbox_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    """Deliver what is still undelivered in this park; returns how many were delivered."""
    delivered = 0
    for message_id in outbox_pending_ids(older_than=older_than):
        try:
            delivered += outbox_deliver(message_id=message_id)
        except Exception:
            logger.exception(
                "outbox message %s of %s not delivered", message_id, connection.schema_name
            )
    return delivered
