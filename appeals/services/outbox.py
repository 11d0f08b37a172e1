"""Park → hub messages (outbox), delivered by the one protocol of `core.messaging.Outbox`:
written in the transaction that causes them, sent after commit, applied at the hub exactly once
(by key) in the order written, re-sent by the beat sweep until delivered."""

import datetime

from django_tenants.utils import schema_context

from core.messaging import Outbox
from onewindow.services import inbound
from tenants.selectors import park_current

from ..models import Appeal, OutboxMessage


def _to_hub(message: OutboxMessage) -> None:
    park = park_current()
    with schema_context("public"):
        inbound.hub_receive(
            park=park,
            key=message.key,
            kind=message.kind,
            appeal_id=message.appeal_id,
            payload=message.payload,
        )


TO_HUB = Outbox(
    model=OutboxMessage,
    group="appeal_id",
    apply=_to_hub,
    task="appeals.tasks.outbox_deliver",
    name="park → hub",
)


def outbox_write(*, appeal: Appeal, kind: str, payload: dict) -> OutboxMessage:
    return TO_HUB.write(appeal=appeal, kind=kind, payload=payload)


def outbox_deliver(*, message_id: int) -> bool:
    """Deliver a message to the hub after any older undelivered one of the same appeal (current
    park schema). True if delivered now."""
    return TO_HUB.deliver(message_id=message_id)


def outbox_pending_ids(*, older_than: datetime.timedelta | None = None) -> list[int]:
    return TO_HUB.pending_ids(older_than=older_than)


def outbox_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    """Deliver what is still undelivered in this park; returns how many were delivered."""
    return TO_HUB.sweep(older_than=older_than)
