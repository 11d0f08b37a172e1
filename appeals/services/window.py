"""Window triage (窗口受理): accept and dispatch, return for 补正, reject, answer at the window."""

import datetime
from collections.abc import Iterable
from typing import cast

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.attachments import attachments_validate
from core.storage import private_files_removed_on_error
from onewindow.models import AppealCategory, Department
from onewindow.protocol import ToHub

from ..lifecycle import AppealAction, appeal_lock, appeal_transition
from ..models import Appeal, AppealAttachment, AppealEvent
from .common import (
    attachments_payload,
    attachments_save,
    enterprise_notify,
    event_add,
    person_name,
)
from .outbox import outbox_write


def _reason_required(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(message, code="reason_required")
    return reason


@transaction.atomic
def appeal_accept(
    *,
    appeal: Appeal,
    by: User,
    category: AppealCategory | None = None,
    department: Department | None = None,
    note: str = "",
) -> Appeal:
    """受理: the appeal goes to the hub (outbox, same transaction), the enterprise is told."""
    appeal = appeal_lock(appeal)
    appeal = appeal_transition(
        appeal,
        action=AppealAction.ACCEPT,
        to=Appeal.Status.DISPATCHED,
        actor_name=person_name(by),
        fields={
            "category": category or appeal.category,
            "department": department,
            "accepted_at": timezone.now(),
            "sent_to_hub": True,
            "window_staff": by,
        },
        locked=True,
    )
    if note.strip():
        event_add(
            appeal,
            actor=AppealEvent.Actor.WINDOW,
            actor_name=person_name(by),
            action=gettext_noop("Internal note"),
            note=note.strip(),
            public=False,
        )
    outbox_write(appeal=appeal, kind=ToHub.CASE_CREATE, payload=_case_payload(appeal))
    enterprise_notify(
        appeal,
        title=_("Appeal %(number)s was accepted") % {"number": appeal.tracking_number},
        body=_("It has been sent to the responsible department."),
    )
    return appeal


def _case_payload(appeal: Appeal) -> dict:
    """What the department needs, and nothing more (no contact details, no account)."""
    return {
        "appeal_id": appeal.pk,
        "tracking_number": appeal.tracking_number,
        "enterprise_name": appeal.enterprise.name,
        "enterprise_uscc": appeal.enterprise.uscc,
        "category_id": appeal.category_id,
        "department_id": appeal.department_id,
        "title": appeal.title,
        "description": appeal.description,
        "submitted_at": appeal.submitted_at.isoformat(),
        "window_due": appeal.window_due.isoformat(),
        # Written right after the accept transition, which sets accepted_at.
        "accepted_at": cast(datetime.datetime, appeal.accepted_at).isoformat(),
        "attachments": attachments_payload(appeal, source=AppealAttachment.Source.ENTERPRISE)
        + attachments_payload(appeal, source=AppealAttachment.Source.WINDOW),
    }


@transaction.atomic
def appeal_return(*, appeal: Appeal, by: User, reason: str) -> Appeal:
    """补正: back to the enterprise, who corrects and resubmits."""
    reason = _reason_required(reason, _("Say what the enterprise must add or correct."))
    appeal = appeal_lock(appeal)
    appeal = appeal_transition(
        appeal,
        action=AppealAction.RETURN,
        to=Appeal.Status.RETURNED,
        actor_name=person_name(by),
        note=reason,
        fields={"window_staff": by, "returned_count": appeal.returned_count + 1},
        locked=True,
    )
    _tell_enterprise(appeal, _("Appeal %(number)s needs more information"), reason)
    return appeal


@transaction.atomic
def appeal_reject(*, appeal: Appeal, by: User, reason: str) -> Appeal:
    """不予受理, with the reason the enterprise will read."""
    reason = _reason_required(reason, _("Give the reason the appeal cannot be accepted."))
    appeal = appeal_transition(
        appeal,
        action=AppealAction.REJECT,
        to=Appeal.Status.REJECTED,
        actor_name=person_name(by),
        note=reason,
        fields={"closed_at": timezone.now(), "window_staff": by},
    )
    _tell_enterprise(appeal, _("Appeal %(number)s was not accepted"), reason)
    return appeal


def _tell_enterprise(appeal: Appeal, title: str, reason: str) -> None:
    enterprise_notify(appeal, title=title % {"number": appeal.tracking_number}, body=reason)


@private_files_removed_on_error()
@transaction.atomic
def appeal_answer_at_window(
    *, appeal: Appeal, by: User, text: str, uploads: Iterable[UploadedFile] = ()
) -> Appeal:
    """窗口直接办结: the window answers itself; the enterprise rates the answer as usual."""
    text = _reason_required(text, _("Write the answer."))
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    appeal = appeal_lock(appeal)
    now = timezone.now()
    appeal = appeal_transition(
        appeal,
        action=AppealAction.WINDOW_ANSWER,
        to=Appeal.Status.ANSWERED,
        actor_name=person_name(by),
        note=text,
        fields={
            "accepted_at": appeal.accepted_at or now,
            "answer": text,
            "answered_by": _("Park window"),
            "answered_at": now,
            "window_answered_at": appeal.window_answered_at or now,
            "window_staff": by,
        },
        locked=True,
    )
    attachments_save(appeal, uploads, kinds, source=AppealAttachment.Source.WINDOW)
    enterprise_notify(
        appeal,
        title=_("Appeal %(number)s has an answer") % {"number": appeal.tracking_number},
        body=_("Please read it and rate it."),
    )
    return appeal
