"""Hub → park messages: written with the change, sent after commit, applied once by the park
(by key), re-sent by the beat sweep until delivered."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tenants.utils import schema_context

from ..models import Case, ParkMessage

logger = logging.getLogger(__name__)


def park_message_write(*, case: Case, kind: str, payload: dict) -> ParkMessage:
    message = ParkMessage.objects.create(park=case.park, case=case, kind=kind, payload=payload)
    transaction.on_commit(lambda: _send_later(message.pk))
    return message


def _send_later(message_id: int) -> None:
    from ..tasks import park_message_deliver

    try:
        park_message_deliver.delay(message_id)
    except Exception:
        logger.warning("broker unavailable; hub message %s waits for the sweep", message_id)


def park_message_deliver(*, message_id: int) -> bool:
    """Deliver a message to its park, after any older undelivered one of the same case: the
    park applies a case's messages in the order the hub wrote them (public schema)."""
    message = ParkMessage.objects.filter(pk=message_id).only("case_id").first()
    if message is None:
        return False
    older = ParkMessage.objects.filter(
        case_id=message.case_id, delivered_at__isnull=True, pk__lt=message_id
    ).values_list("pk", flat=True)
    for pk in list(older):
        _deliver_one(message_id=pk)
    return _deliver_one(message_id=message_id)


def _deliver_one(*, message_id: int) -> bool:
    from appeals.services.inbound import park_receive

    message = (
        ParkMessage.objects.select_related("park", "case")
        .filter(pk=message_id, delivered_at__isnull=True)
        .first()
    )
    if message is None:
        return False
    ParkMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
    with schema_context(message.park.schema_name):
        park_receive(
            key=message.key,
            kind=message.kind,
            appeal_id=message.case.appeal_id,
            payload=message.payload,
        )
    ParkMessage.objects.filter(pk=message.pk, delivered_at__isnull=True).update(
        delivered_at=timezone.now()
    )
    return True


def park_messages_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    if older_than is None:
        older_than = datetime.timedelta(seconds=settings.OUTBOX_RESEND_AFTER_SECONDS)
    pending = ParkMessage.objects.filter(
        delivered_at__isnull=True, created_at__lt=timezone.now() - older_than
    ).values_list("pk", flat=True)
    delivered = 0
    for message_id in list(pending):
        try:
            delivered += park_message_deliver(message_id=message_id)
        except Exception:
            logger.exception("hub message %s not delivered", message_id)
    return delivered
