"""Rating the answer (评价): the enterprise says whether it was solved and how satisfied it is
(非常满意 … 非常不满意, after GB/T 39734); dissatisfied sends it back for re-handling (重办);
an answer not rated in time is closed unrated."""

import datetime
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from onewindow.protocol import ToHub

from ..lifecycle import (
    AppealAction,
    appeal_can,
    appeal_lock,
    appeal_require,
    appeal_transition,
)
from ..models import SATISFIED_LEVELS, Appeal, AppealEvent, Satisfaction
from .common import event_add, person_name, window_notify
from .intake import window_due_from
from .outbox import outbox_write


@transaction.atomic
def appeal_rate(
    *, appeal: Appeal, by: User, resolved: bool, satisfaction: int, comment: str = ""
) -> Appeal:
    """The enterprise rates the answer. Dissatisfied sends it back for re-handling (重办)."""
    if satisfaction not in Satisfaction.values:
        raise ValidationError(_("Choose how satisfied you are."), code="satisfaction")
    appeal = appeal_lock(appeal)
    appeal_require(appeal, AppealAction.RATE)
    now = timezone.now()
    rehandle = satisfaction not in SATISFIED_LEVELS
    to, fields = _rating_outcome(appeal, rehandle=rehandle, now=now)
    if not appeal.sent_to_hub:  # the window's own answer: its appraisal keeps this rating
        fields.update(window_resolved=resolved, window_satisfaction=satisfaction)
    appeal = appeal_transition(
        appeal,
        action=AppealAction.RATE,
        to=to,
        actor_name=person_name(by),
        params={"level": satisfaction},
        note=comment.strip()[:500],
        fields={
            **fields,
            "resolved": resolved,
            "satisfaction": satisfaction,
            "rating_comment": comment.strip()[:500],
            "rated_at": now,
        },
        locked=True,
    )
    if rehandle:
        event_add(
            appeal, actor=AppealEvent.Actor.SYSTEM, action=gettext_noop("Sent back for re-handling")
        )
    _rating_announce(appeal, rehandle=rehandle)
    return appeal


def _rating_outcome(appeal: Appeal, *, rehandle: bool, now: datetime.datetime) -> tuple[str, dict]:
    """Where the rating sends the appeal, and what changes with it."""
    if not rehandle:
        return Appeal.Status.CLOSED, {"closed_at": now}
    fields = {"rehandle_count": appeal.rehandle_count + 1}
    if appeal.sent_to_hub:
        return Appeal.Status.DISPATCHED, fields
    # Answered at the window: back to the window, with a fresh window clock from now.
    return Appeal.Status.SUBMITTED, {**fields, "window_due": window_due_from(now, appeal.category)}


def _rating_announce(appeal: Appeal, *, rehandle: bool) -> None:
    """The hub learns every rating of its case; the window, a re-handling of its own answer."""
    if appeal.sent_to_hub:
        payload = {
            "resolved": appeal.resolved,
            "satisfaction": appeal.satisfaction,
            "comment": appeal.rating_comment,
            # Announced right after the rating transition, which sets rated_at.
            "rated_at": cast(datetime.datetime, appeal.rated_at).isoformat(),
            "rehandle": rehandle,
        }
        outbox_write(appeal=appeal, kind=ToHub.RATED, payload=payload)
    elif rehandle:
        window_notify(
            appeal,
            title=_("Appeal %(number)s must be handled again") % {"number": appeal.tracking_number},
        )


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
    """Beat: one answer left unrated is closed; False if it was rated meanwhile."""
    appeal = appeal_lock(appeal)
    if not appeal_can(appeal, AppealAction.CLOSE_UNRATED):
        return False
    appeal_transition(
        appeal,
        action=AppealAction.CLOSE_UNRATED,
        to=Appeal.Status.CLOSED_UNRATED,
        fields={"closed_at": now},
        locked=True,
    )
    if appeal.sent_to_hub:
        outbox_write(appeal=appeal, kind=ToHub.CLOSED_UNRATED, payload={"at": now.isoformat()})
    return True
