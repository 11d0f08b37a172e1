"""After dispatch: the enterprise replies to a department's question and rates the answer."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.attachments import attachments_validate

from ..models import SATISFIED_LEVELS, Appeal, AppealAttachment, Satisfaction
from .common import (
    appeal_lock,
    attachments_payload,
    attachments_save,
    event_add,
    person_name,
    require_status,
    window_notify,
)
from .intake import window_due_from
from .outbox import outbox_write


@transaction.atomic
def appeal_reply_info(*, appeal: Appeal, by, text: str, uploads=()) -> Appeal:
    """The enterprise answers the department's request for more information (补充材料)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write your reply."), code="required")
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    appeal = appeal_lock(appeal)
    require_status(appeal, Appeal.Status.INFO_REQUESTED)
    before, now = appeal.status, timezone.now()
    appeal.status = Appeal.Status.DISPATCHED
    appeal.save(update_fields=["status", "updated_at"])
    attachments_save(appeal, uploads, kinds, source=AppealAttachment.Source.ENTERPRISE)
    event_add(
        appeal,
        actor="enterprise",
        actor_name=person_name(by),
        action=gettext_noop("Sent the information requested"),
        from_status=before,
        note=text,
    )
    payload = {
        "text": text,
        "replied_at": now.isoformat(),
        "attachments": attachments_payload(
            appeal, source=AppealAttachment.Source.ENTERPRISE, since=now
        ),
    }
    outbox_write(appeal=appeal, kind="case.info_reply", payload=payload)
    return appeal


@transaction.atomic
def appeal_rate(
    *, appeal: Appeal, by, resolved: bool, satisfaction: int, comment: str = ""
) -> Appeal:
    """The enterprise rates the answer. Dissatisfied sends it back for re-handling (重办)."""
    if satisfaction not in Satisfaction.values:
        raise ValidationError(_("Choose how satisfied you are."), code="satisfaction")
    appeal = appeal_lock(appeal)
    require_status(appeal, Appeal.Status.ANSWERED)
    before, now = appeal.status, timezone.now()
    rehandle = satisfaction not in SATISFIED_LEVELS
    appeal.resolved = resolved
    appeal.satisfaction = satisfaction
    appeal.rating_comment = comment.strip()[:500]
    appeal.rated_at = now
    if rehandle:
        appeal.rehandle_count += 1
        if appeal.sent_to_hub:
            appeal.status = Appeal.Status.DISPATCHED
        else:
            # Back to the window, with a fresh window clock from now.
            appeal.status = Appeal.Status.SUBMITTED
            appeal.window_due = window_due_from(now, appeal.category)
    else:
        appeal.status = Appeal.Status.CLOSED
        appeal.closed_at = now
    appeal.save()
    event_add(
        appeal,
        actor="enterprise",
        actor_name=person_name(by),
        action=gettext_noop("Rated the answer: %(level)s"),
        params={"level": satisfaction},
        from_status=before,
        note=appeal.rating_comment,
    )
    if rehandle:
        event_add(appeal, actor="system", action=gettext_noop("Sent back for re-handling"))
    if appeal.sent_to_hub:
        payload = {
            "resolved": resolved,
            "satisfaction": satisfaction,
            "comment": appeal.rating_comment,
            "rated_at": now.isoformat(),
            "rehandle": rehandle,
        }
        outbox_write(appeal=appeal, kind="case.rated", payload=payload)
    elif rehandle:
        window_notify(
            appeal,
            title=_("Appeal %(number)s must be handled again") % {"number": appeal.tracking_number},
        )
    return appeal


def appeals_close_unrated(*, now: datetime.datetime | None = None) -> int:
    """Close answers not rated within APPEAL_RATING_DAYS (in the current park)."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=settings.APPEAL_RATING_DAYS)
    closed = 0
    for appeal in Appeal.objects.awaiting_rating_since(before):
        closed += appeal_close_unrated(appeal=appeal, now=now)
    return closed


@transaction.atomic
def appeal_close_unrated(*, appeal: Appeal, now: datetime.datetime) -> bool:
    appeal = appeal_lock(appeal)
    if appeal.status != Appeal.Status.ANSWERED:
        return False
    appeal.status = Appeal.Status.CLOSED_UNRATED
    appeal.closed_at = now
    appeal.save(update_fields=["status", "closed_at", "updated_at"])
    event_add(
        appeal,
        actor="system",
        action=gettext_noop("Closed without a rating"),
        from_status=Appeal.Status.ANSWERED,
    )
    if appeal.sent_to_hub:
        outbox_write(appeal=appeal, kind="case.closed_unrated", payload={"at": now.isoformat()})
    return True
