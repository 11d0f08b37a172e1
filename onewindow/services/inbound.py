"""Park → hub messages, applied exactly once: the key is recorded in the same transaction as
the change it makes, and a case exists at most once per appeal (a database constraint)."""

import datetime
import logging
import uuid
from collections.abc import Callable
from typing import cast

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.workdays import WorkingCalendar
from tenants.models import Park

from ..facts import case_facts_store
from ..lifecycle import CaseAction, case_can, case_lock, case_transition
from ..models import AppealCategory, Case, CaseArrival, CaseAttachment, Department, ReceivedMessage
from ..protocol import ToHub
from ..selectors import department_for
from .common import admins_notify, event_add, liaisons_notify, number, progress
from .window import window_record_store

logger = logging.getLogger(__name__)


@transaction.atomic
def hub_receive(*, park: Park, key: uuid.UUID, kind: str, appeal_id: int, payload: dict) -> bool:
    """Apply one park message. False if this key was applied before."""
    _receipt, created = ReceivedMessage.objects.get_or_create(key=key)
    if not created:
        return False
    if kind == ToHub.CASE_CREATE:
        case_create(park=park, payload=payload)
        return True
    if kind == ToHub.WINDOW_FACTS:
        window_record_store(park=park, appeal_id=appeal_id, facts=payload)
        return True
    case = Case.objects.filter(park=park, appeal_id=appeal_id).first()
    if case is not None:
        HANDLERS[kind](case_lock(case), payload)
    return True


def case_create(*, park: Park, payload: dict) -> Case:
    """A new case from a park window: routed, its department clock started, liaisons told."""
    existing = Case.objects.filter(park=park, appeal_id=payload["appeal_id"]).first()
    if existing is not None:
        return existing
    category = AppealCategory.objects.get(pk=payload["category_id"])
    department = _department_chosen(payload) or department_for(category=category, park=park)
    # The park writes these with isoformat(), which parse_datetime and parse_date always read.
    submitted_at = cast(datetime.datetime, parse_datetime(payload["submitted_at"]))
    window_due = cast(datetime.date, parse_date(payload["window_due"]))
    accepted_at = cast(datetime.datetime, parse_datetime(payload["accepted_at"]))
    now = timezone.now()
    case = Case.objects.create(
        park=park,
        appeal_id=payload["appeal_id"],
        tracking_number=payload["tracking_number"],
        enterprise_name=payload["enterprise_name"],
        enterprise_uscc=payload["enterprise_uscc"],
        category=category,
        department=department,
        title=payload["title"],
        description=payload["description"],
        submitted_at=submitted_at,
        window_due=window_due,
        accepted_at=accepted_at,
        dispatched_at=now,
        due_date=WorkingCalendar.load().add_working_days(
            timezone.localdate(now), category.department_deadline_days
        ),
    )
    CaseArrival.objects.create(
        case=case, department=department, kind=CaseArrival.Kind.DISPATCH, arrived_at=now
    )
    _attachments_add(case, payload.get("attachments", []))
    case_facts_store(case)
    event_add(
        case,
        action=gettext_noop("Dispatched to %(department)s"),
        params={"department": department.name},
    )
    progress(case, gettext_noop("Sent to %(department)s"), {"department": department.name})
    liaisons_notify(case, department, title=_("New case %(number)s") % number(case))
    return case


def _department_chosen(payload: dict) -> Department | None:
    """The department the park window chose, if any and still active."""
    department_id = payload.get("department_id")
    if department_id is None:
        return None
    return Department.objects.filter(pk=department_id, is_active=True).first()


def _attachments_add(case: Case, items: list[dict]) -> None:
    for item in items:
        attachment = CaseAttachment(
            case=case,
            name=item["name"],
            content_type=item["content_type"],
            size=item["size"],
            from_enterprise=True,
        )
        attachment.file.name = item["path"]
        attachment.save()


def _info_reply(case: Case, payload: dict) -> None:
    """The enterprise replied: the clock runs again, the due date moves by the pause."""
    if not case_can(case, CaseAction.INFO_REPLY):
        return
    replied_on = timezone.localdate(parse_datetime(payload["replied_at"]))
    # Only an info-requested case gets here, and asking paused it (case_request_info).
    paused_on = cast(datetime.date, case.paused_on)
    calendar = WorkingCalendar.load()
    due = calendar.due_after_pause(case.due_date, paused_on, replied_on)
    case.pauses.filter(ended_on__isnull=True).update(
        ended_on=replied_on, working_days=calendar.working_days_between(paused_on, replied_on)
    )
    fields: dict[str, object] = {"due_date": due, "paused_on": None}
    if due >= timezone.localdate():
        fields["is_overdue"] = False  # still late? beat marks and announces it
    case = case_transition(
        case,
        action=CaseAction.INFO_REPLY,
        to=Case.Status.IN_PROGRESS,
        note=payload["text"],
        fields=fields,
        locked=True,
    )
    _attachments_add(case, payload.get("attachments", []))
    progress(
        case,
        gettext_noop("The department received your information; due date %(due)s"),
        {"due": case.due_date.isoformat()},
    )
    liaisons_notify(
        case, case.department, title=_("Case %(number)s: the enterprise replied") % number(case)
    )


def _rated(case: Case, payload: dict) -> None:
    """The enterprise rated the answer: closed, or back to the department (重办)."""
    if not case_can(case, CaseAction.RATE):
        # Only an answered case can be rated at the park; anything else is not this rating's.
        logger.warning("rating of case %s ignored: the case is %s", case.pk, case.status)
        return
    rated_at = parse_datetime(payload["rated_at"])
    last_answer = case.answers.order_by("-answered_at", "-id").first()
    fields = {
        "resolved": payload["resolved"],
        "satisfaction": payload["satisfaction"],
        "rated_at": rated_at,
        "rated_department": last_answer.department if last_answer else case.department,
    }
    if payload["rehandle"]:
        to = Case.Status.IN_PROGRESS
        fields.update(_rehandle_fields(case, rated_at))
    else:
        to, fields["closed_at"] = Case.Status.CLOSED, rated_at
    case = case_transition(
        case,
        action=CaseAction.RATE,
        to=to,
        note=payload.get("comment", ""),
        fields=fields,
        locked=True,
    )
    if payload["rehandle"]:
        _rehandle_announce(case, payload)


def _rehandle_fields(case: Case, rated_at: datetime.datetime | None) -> dict:
    """重办: a new department clock from the day of the rating."""
    return {
        "rehandle_count": case.rehandle_count + 1,
        "due_date": WorkingCalendar.load().add_working_days(
            timezone.localdate(rated_at), case.category.department_deadline_days
        ),
        "is_overdue": False,
        "reminded_at": None,
    }


def _rehandle_announce(case: Case, payload: dict) -> None:
    event_add(case, action=gettext_noop("Sent back for re-handling"))
    progress(
        case,
        gettext_noop("Being handled again; due date %(due)s"),
        {"due": case.due_date.isoformat()},
    )
    liaisons_notify(
        case,
        case.department,
        title=_("Case %(number)s must be handled again") % number(case),
        body=payload.get("comment", ""),
    )
    admins_notify(case, title=_("Case %(number)s: the enterprise is dissatisfied") % number(case))


def _closed_unrated(case: Case, payload: dict) -> None:
    if not case_can(case, CaseAction.CLOSE_UNRATED):
        return
    case_transition(
        case,
        action=CaseAction.CLOSE_UNRATED,
        to=Case.Status.CLOSED,
        fields={"closed_at": parse_datetime(payload["at"])},
        locked=True,
    )


# Looked up by the kind as it arrives, a plain str (each ToHub member equals its value).
HANDLERS: dict[str, Callable[[Case, dict], None]] = {
    ToHub.INFO_REPLY: _info_reply,
    ToHub.RATED: _rated,
    ToHub.CLOSED_UNRATED: _closed_unrated,
}
