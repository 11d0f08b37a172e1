"""Hub → park messages, applied exactly once (the message key is recorded in the same
transaction as the change it makes)."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..models import Appeal, AppealAttachment, ReceivedMessage
from .common import appeal_lock, enterprise_notify, event_add


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
        actor="department",
        actor_name=payload.get("department_name", ""),
        action=payload["action"],
        params=payload.get("params") or {},
        note=payload.get("note", ""),
        public=payload.get("public", True),
    )


def _info_requested(appeal: Appeal, payload: dict) -> None:
    if appeal.status != Appeal.Status.DISPATCHED:
        return
    before = appeal.status
    appeal.status = Appeal.Status.INFO_REQUESTED
    appeal.info_request = payload["question"]
    appeal.save(update_fields=["status", "info_request", "updated_at"])
    event_add(
        appeal,
        actor="department",
        actor_name=payload.get("department_name", ""),
        action=gettext_noop("More information requested"),
        from_status=before,
        note=payload["question"],
    )
    enterprise_notify(
        appeal,
        title=_("Appeal %(number)s: the department needs more information")
        % {"number": appeal.tracking_number},
        body=payload["question"],
    )


def _answered(appeal: Appeal, payload: dict) -> None:
    if appeal.status not in (Appeal.Status.DISPATCHED, Appeal.Status.INFO_REQUESTED):
        return
    before = appeal.status
    appeal.status = Appeal.Status.ANSWERED
    appeal.answer = payload["text"]
    appeal.answered_by = payload.get("department_name", "")[:60]
    # When the answer reached the enterprise: the rating period runs from here, so a message
    # delayed by an outage does not shorten it (the hub keeps the department's own time).
    appeal.answered_at = timezone.now()
    appeal.save()
    for item in payload.get("attachments", []):
        attachment = AppealAttachment(
            appeal=appeal,
            name=item["name"],
            content_type=item["content_type"],
            size=item["size"],
            source=AppealAttachment.Source.DEPARTMENT,
        )
        attachment.file.name = item["path"]
        attachment.save()
    event_add(
        appeal,
        actor="department",
        actor_name=appeal.answered_by,
        action=gettext_noop("Answered"),
        from_status=before,
        note=payload["text"],
    )
    enterprise_notify(
        appeal,
        title=_("Appeal %(number)s has an answer") % {"number": appeal.tracking_number},
        body=_("Please read it and rate it."),
    )


HANDLERS = {
    "progress": _progress,
    "info_requested": _info_requested,
    "answered": _answered,
}


def park_message_arrived_receiver(*, key, kind, appeal_id, payload, **_signal) -> bool:
    """Receives the hub's `park_message_arrived` signal (connected in AppealsConfig.ready)."""
    return park_receive(key=key, kind=kind, appeal_id=appeal_id, payload=payload)
