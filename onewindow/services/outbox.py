"""Hub → park messages, delivered by the one protocol of `core.messaging.Outbox`: written with
the change, sent after commit, applied once by the park (by key) in the order written, re-sent
by the beat sweep until delivered.

The hub does not know the park's apps: the park side is reached through the
`park_message_arrived` signal, which the appeals app connects at start-up.
"""

import datetime

from django_tenants.utils import schema_context

from core.messaging import Outbox

from ..models import Case, ParkMessage
from ..signals import park_message_arrived


def _to_park(message: ParkMessage) -> None:
    with schema_context(message.park.schema_name):
        answered = park_message_arrived.send(
            sender=ParkMessage,
            key=message.key,
            kind=message.kind,
            appeal_id=message.case.appeal_id,
            payload=message.payload,
        )
    if not answered:
        raise RuntimeError("no park receiver is connected to park_message_arrived")


TO_PARKS = Outbox(
    model=ParkMessage,
    group="case_id",
    apply=_to_park,
    task="onewindow.tasks.park_message_deliver",
    name="hub → park",
    related=("park", "case"),
)


def park_message_write(*, case: Case, kind: str, payload: dict) -> ParkMessage:
    return TO_PARKS.write(park=case.park, case=case, kind=kind, payload=payload)


def park_message_deliver(*, message_id: int) -> bool:
    """Deliver a message to its park, after any older undelivered one of the same case (public
    schema). True if delivered now."""
    return TO_PARKS.deliver(message_id=message_id)


def park_messages_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    return TO_PARKS.sweep(older_than=older_than)
