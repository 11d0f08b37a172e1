"""The base of every timeline (办理记录): immutable steps stored as message ids with parameters."""

from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone

from .phrases import phrase_render


class TimelineEventBase(models.Model):
    """One step on a timeline. Written once, never changed.

    `action` is an English message id; `params` fill its placeholders when it is shown, in the
    reader's language. Who acted is the concrete model's own field (a role on the park's
    timeline, an account on the hub's).
    """

    at = models.DateTimeField(default=timezone.now)
    actor_name = models.CharField(max_length=60, blank=True)
    action = models.CharField(max_length=120)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    params = models.JSONField(default=dict, blank=True)

    # Parameter name → the function that gives its display text (e.g. a satisfaction label).
    translated_params: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("timeline events are immutable")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("timeline events are immutable")

    @property
    def action_text(self) -> str:
        """The step in the reader's language."""
        return phrase_render(self.action, self.params, self.translated_params)
