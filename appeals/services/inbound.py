"""Hub → park messages, applied exactly once (the message key is recorded in the same
transaction as the change it makes)."""

import datetime
import uuid
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onewindow.protocol import ToPark

from ..lifecycle import AppealAction, appeal_can, appeal_lock, appeal_transition
from ..models import Appeal, AppealAttachment, AppealEvent, ReceivedMessage
from .common import enterprise_notify, event_add


@transaction.atomic
def park_receive(*, key: uuid.UUID, kind: str, appeal_id: int, payload: dict) -> bool:
    """Apply one hub message in the current park schema. False if it was applied before."""
    _receipt, created = ReceivedMessage.objects.get_or_create(key=key)
    if not created:
        return False
    appeal = Appeal.objects.filter(pk=appeal_id).first()
    if appeal is None:
        return True  # the appeal is gone here; nothing to apply, nothing to retry
    HANDLERS[kind](appeal_lock(appeal), payload)
    return True


def _progress(appeal: Appeal, payload: dict) -> None:
    """A step at the hub the enterprise may see (signed, transferred, extended...)."""
    if payload.get("department_due"):
        appeal.department_due = datetime.date.fromisoformat(payload["department_due"])
        appeal.department_id = payload.get("department_id") or appeal.department_id
        appeal.save(update_fields=["department_due", "department", "updated_at"])
    event_add(
        appeal,
        actor=AppealEvent.Actor.DEPARTMENT,
        actor_name=payload.get("department_name", ""),
        action=payload["action"],
        params=payload.get("params") or {},
        note=payload.get("note", ""),
        public=payload.get("public", True),
    )


def _info_requested(appeal: Appeal, payload: dict) -> None:
    if not appeal_can(appeal, AppealAction.REQUEST_INFO):
        return
    appeal = appeal_transition(
        appeal,
        action=AppealAction.REQUEST_INFO,
        to=Appeal.Status.INFO_REQUESTED,
        actor_name=payload.get("department_name", ""),
        note=payload["question"],
        fields={"info_request": payload["question"]},
        locked=True,
    )
    enterprise_notify(
        appeal,
        title=_("Appeal %(number)s: the department needs more information")
        % {"number": appeal.tracking_number},
        body=payload["question"],
    )


def _answered(appeal: Appeal, payload: dict) -> None:
    if not appeal_can(appeal, AppealAction.DEPARTMENT_ANSWER):
        return
    answered_by = payload.get("department_name", "")[:60]
    appeal = appeal_transition(
        appeal,
        action=AppealAction.DEPARTMENT_ANSWER,
        to=Appeal.Status.ANSWERED,
        actor_name=answered_by,
        note=payload["text"],
        fields={
            "answer": payload["text"],
            "answered_by": answered_by,
            # When the answer reached the enterprise: the rating period runs from here, so a
            # message delayed by an outage does not shorten it (the hub keeps the department's
            # own time).
            "answered_at": timezone.now(),
        },
        locked=True,
    )
    _answer_files(appeal, payload.get("attachments", []))
    enterprise_notify(
        appeal,
        title=_("Appeal %(number)s has an answer") % {"number": appeal.tracking_number},
        body=_("Please read it and rate it."),
    )


def _answer_files(appeal: Appeal, items: list[dict]) -> None:
    """The department's files, already stored by the hub: only their rows are made here."""
    for item in items:
        attachment = AppealAttachment(
            appeal=appeal,
            name=item["name"],
            content_type=item["content_type"],
            size=item["size"],
            source=AppealAttachment.Source.DEPARTMENT,
        )
        attachment.file.name = item["path"]
        attachment.save()


# Looked up by the kind as it arrives, a plain str (each ToPark member equals its value).
HANDLERS: dict[str, Callable[[Appeal, dict], None]] = {
    ToPark.PROGRESS: _progress,
    ToPark.INFO_REQUESTED: _info_requested,
    ToPark.ANSWERED: _answered,
}


def park_message_arrived_receiver(
    *, key: uuid.UUID, kind: str, appeal_id: int, payload: dict, **_signal: object
) -> bool:
    """Receives the hub's `park_message_arrived` signal (connected in AppealsConfig.ready)."""
    return park_receive(key=key, kind=kind, appeal_id=appeal_id, payload=payload)
