"""The two halves of park ↔ hub messaging, shared by both directions (abstract models).

An outbox row is written in the transaction that causes it, delivered after commit and re-sent
by the beat sweep until the other side has taken it; a receipt records, in the transaction that
applies a message, that it was applied — so a message delivered twice applies once.
"""

import datetime
import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone

from .tasks import enqueue_on_commit, schema_current

logger = logging.getLogger(__name__)


class OutboxBase(models.Model):
    key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=40)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class ReceiptBase(models.Model):
    key = models.UUIDField(primary_key=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.key)


class Outbox:
    """One direction of one park ↔ hub integration, delivered by the one protocol:

    1. `write` creates the message row in the caller's transaction and sends the delivery task
       after commit (a broker that is down leaves the row for the sweep);
    2. `deliver` first delivers any older undelivered message of the same group (an appeal, a
       case, a service day), so the other side applies a group's messages in the order written;
    3. each message is applied by `apply` on the other side, which records the key in the same
       transaction as its effect (a receipt), so a message delivered twice applies once;
    4. only then is it marked delivered: a process dying in between re-sends, harmlessly;
    5. `sweep` (beat) delivers what is still undelivered after a while.
    """

    def __init__(
        self,
        *,
        model: type[OutboxBase],
        group: str,
        apply: Callable[[Any], None],
        task: str,
        name: str,
        related: tuple[str, ...] = (),
    ) -> None:
        self.model = model
        self.related = related
        self.group = group
        self.apply = apply
        self.task = task
        self.name = name

    def write(self, **fields: Any) -> Any:
        message = self.model._default_manager.create(**fields)
        enqueue_on_commit(self.task, message.pk)
        return message

    def deliver(self, *, message_id: int) -> bool:
        """Deliver the message (after the older ones of its group); True if delivered now."""
        message = self.model._default_manager.filter(pk=message_id).only(self.group).first()
        if message is None:
            return False
        older = self.model._default_manager.filter(
            **{self.group: getattr(message, self.group)},
            delivered_at__isnull=True,
            pk__lt=message_id,
        ).values_list("pk", flat=True)
        for pk in list(older):
            self._deliver_one(pk)
        return self._deliver_one(message_id)

    def _deliver_one(self, message_id: int) -> bool:
        message = (
            self.model._default_manager.select_related(*self.related)
            .filter(pk=message_id, delivered_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        self.model._default_manager.filter(pk=message.pk).update(attempts=F("attempts") + 1)
        self.apply(message)
        self.model._default_manager.filter(pk=message.pk, delivered_at__isnull=True).update(
            delivered_at=timezone.now()
        )
        return True

    def pending_ids(self, *, older_than: datetime.timedelta | None = None) -> list[int]:
        if older_than is None:
            older_than = datetime.timedelta(seconds=settings.OUTBOX_RESEND_AFTER_SECONDS)
        return list(
            self.model._default_manager.filter(
                delivered_at__isnull=True, created_at__lt=timezone.now() - older_than
            ).values_list("pk", flat=True)
        )

    def sweep(self, *, older_than: datetime.timedelta | None = None) -> int:
        """Deliver what is still undelivered (current schema); returns how many were."""
        delivered = 0
        for message_id in self.pending_ids(older_than=older_than):
            try:
                delivered += self.deliver(message_id=message_id)
            except Exception:
                logger.exception(
                    "%s message %s of %s not delivered",
                    self.name,
                    message_id,
                    schema_current(),
                )
        return delivered
