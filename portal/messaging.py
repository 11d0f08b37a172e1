"""The two halves of park ↔ hub messaging, shared by both directions (abstract models).

An outbox row is written in the transaction that causes it, delivered after commit and re-sent
by the beat sweep until the other side has taken it; a receipt records, in the transaction that
applies a message, that it was applied — so a message delivered twice applies once.
"""

import uuid

from django.db import models


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
