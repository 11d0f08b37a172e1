"""The window facts of an appeal (窗口办理要素), sent to the hub for the district's appraisal.

`window_facts` computes them from the appeal as it is; `appeal_transition` and intake send them
(`ToHub.WINDOW_FACTS`, through the outbox) whenever the appeal moves, and
`window_facts_rebuild` stores them all again (`manage.py rebuild_facts`).
"""

from django.db.models import QuerySet
from django.utils import timezone
from django_tenants.utils import schema_context

from onewindow.models import WindowRecord
from onewindow.protocol import ToHub
from onewindow.services.window import window_record_store
from tenants.selectors import park_current

from .models import Appeal
from .services.outbox import outbox_write

Outcome = WindowRecord.Outcome


def window_outcome(appeal: Appeal) -> "WindowRecord.Outcome":
    """What the window did with the appeal, as the appraisal counts it."""
    if appeal.sent_to_hub:
        return Outcome.ACCEPTED
    if appeal.status == Appeal.Status.REJECTED:
        return Outcome.REJECTED
    if appeal.answered_at is not None:
        return Outcome.ANSWERED
    if appeal.status == Appeal.Status.RETURNED:
        return Outcome.RETURNED
    return Outcome.PENDING


def window_facts(appeal: Appeal) -> dict:
    """The facts as the hub stores them (`onewindow.services.window.window_record_store`)."""
    outcome = window_outcome(appeal)
    acted_at = {
        Outcome.ACCEPTED: appeal.accepted_at,
        Outcome.ANSWERED: appeal.answered_at,
        Outcome.REJECTED: appeal.closed_at,
    }.get(outcome)
    facts: dict = {
        "tracking_number": appeal.tracking_number,
        "category_id": appeal.category_id,
        "submitted_at": appeal.submitted_at.isoformat(),
        "submitted_on": timezone.localdate(appeal.submitted_at).isoformat(),
        "window_due": appeal.window_due.isoformat(),
        "outcome": str(outcome),
        "acted_at": acted_at.isoformat() if acted_at else None,
        "on_time": None,
        "hours_to_accept": None,
        "returned_count": appeal.returned_count,
        "staff_id": appeal.window_staff_id,
        "staff_name": str(appeal.window_staff)[:60] if appeal.window_staff_id else "",
        "answered_at_window": appeal.window_answered_at is not None,
        # The last rating of a window answer, even if the window later dispatched the appeal.
        "resolved": appeal.window_resolved,
        "satisfaction": appeal.window_satisfaction,
    }
    if outcome == Outcome.ACCEPTED and appeal.accepted_at is not None:
        # On time against the window clock in force (a resubmission after 补正 restarts it);
        # the hours run from the first submission: the wait the enterprise saw.
        facts["on_time"] = timezone.localdate(appeal.accepted_at) <= appeal.window_due
        seconds = (appeal.accepted_at - appeal.submitted_at).total_seconds()
        facts["hours_to_accept"] = round(max(seconds, 0) / 3600, 2)
    return facts


def window_facts_send(appeal: Appeal) -> None:
    """Tell the hub the appeal's window facts as they are now (in the caller's transaction)."""
    outbox_write(appeal=appeal, kind=ToHub.WINDOW_FACTS, payload=window_facts(appeal))


def window_facts_rebuild(appeals: QuerySet[Appeal] | None = None) -> int:
    """Store the window facts of every appeal of the current park at the hub directly."""
    park = park_current()
    count = 0
    selection = appeals if appeals is not None else Appeal.objects.all()
    for appeal in selection.select_related("window_staff").iterator():
        facts = window_facts(appeal)
        with schema_context("public"):
            window_record_store(park=park, appeal_id=appeal.pk, facts=facts)
        count += 1
    return count
