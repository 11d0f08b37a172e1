"""Park → hub messages, applied exactly once: the key is recorded in the same transaction as
the change it makes, and a case exists at most once per appeal (a database constraint)."""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.workdays import WorkingCalendar

from ..models import AppealCategory, Case, CaseArrival, CaseAttachment, Department, ReceivedMessage
from ..selectors import department_for
from .common import admins_notify, case_lock, event_add, liaisons_notify, number, progress


@transaction.atomic
def hub_receive(*, park, key: uuid.UUID, kind: str, appeal_id: int, payload: dict) -> bool:
    """Apply one park message. False if this key was applied before."""
    _receipt, created = ReceivedMessage.objects.get_or_create(key=key)
    if not created:
        return False
    if kind == "case.create":
        case_create(park=park, payload=payload)
        return True
    case = Case.objects.filter(park=park, appeal_id=appeal_id).first()
    if case is not None:
        HANDLERS[kind](case_lock(case), payload)
    return True


def case_create(*, park, payload: dict) -> Case:
    """A new case from a park window: routed, its department clock started, liaisons told."""
    existing = Case.objects.filter(park=park, appeal_id=payload["appeal_id"]).first()
    if existing is not None:
        return existing
    category = AppealCategory.objects.get(pk=payload["category_id"])
    department = Department.objects.filter(
        pk=payload.get("department_id"), is_active=True
    ).first() or department_for(category=category, park=park)
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
        submitted_at=parse_datetime(payload["submitted_at"]),
        window_due=parse_date(payload["window_due"]),
        accepted_at=parse_datetime(payload["accepted_at"]),
        dispatched_at=now,
        due_date=WorkingCalendar.load().add_working_days(
            timezone.localdate(now), category.department_deadline_days
        ),
    )
    CaseArrival.objects.create(
        case=case, department=department, kind=CaseArrival.Kind.DISPATCH, arrived_at=now
    )
    _attachments_add(case, payload.get("attachments", []))
    event_add(
        case,
        action=gettext_noop("Dispatched to %(department)s"),
        params={"department": department.name},
    )
    progress(case, gettext_noop("Sent to %(department)s"), {"department": department.name})
    liaisons_notify(case, department, title=_("New case %(number)s") % number(case))
    return case


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
    if case.status != Case.Status.INFO_REQUESTED:
        return
    before = case.status
    replied_on = timezone.localdate(parse_datetime(payload["replied_at"]))
    calendar = WorkingCalendar.load()
    case.due_date = calendar.due_after_pause(case.due_date, case.paused_on, replied_on)
    case.paused_on = None
    case.status = Case.Status.IN_PROGRESS
    if case.due_date >= timezone.localdate():
        case.is_overdue = False  # still late? beat marks and announces it
    case.save()
    _attachments_add(case, payload.get("attachments", []))
    event_add(
        case,
        action=gettext_noop("The enterprise sent more information"),
        from_status=before,
        note=payload["text"],
    )
    progress(
        case,
        gettext_noop("The department received your information; due date %(due)s"),
        {"due": case.due_date.isoformat()},
    )
    liaisons_notify(
        case, case.department, title=_("Case %(number)s: the enterprise replied") % number(case)
    )


def _rated(case: Case, payload: dict) -> None:
    before = case.status
    last_answer = case.answers.order_by("-answered_at", "-id").first()
    case.resolved = payload["resolved"]
    case.satisfaction = payload["satisfaction"]
    case.rated_at = parse_datetime(payload["rated_at"])
    case.rated_department = last_answer.department if last_answer else case.department
    if payload["rehandle"]:
        case.rehandle_count += 1
        case.status = Case.Status.IN_PROGRESS
        case.due_date = WorkingCalendar.load().add_working_days(
            timezone.localdate(case.rated_at), case.category.department_deadline_days
        )
        case.is_overdue = False
        case.reminded_at = None
    else:
        case.status = Case.Status.CLOSED
        case.closed_at = case.rated_at
    case.save()
    event_add(
        case,
        action=gettext_noop("Rated by the enterprise"),
        from_status=before,
        note=payload.get("comment", ""),
    )
    if payload["rehandle"]:
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
        admins_notify(
            case, title=_("Case %(number)s: the enterprise is dissatisfied") % number(case)
        )


def _closed_unrated(case: Case, payload: dict) -> None:
    if case.status != Case.Status.ANSWERED:
        return
    before = case.status
    case.status = Case.Status.CLOSED
    case.closed_at = parse_datetime(payload["at"])
    case.save(update_fields=["status", "closed_at"])
    event_add(case, action=gettext_noop("Closed without a rating"), from_status=before)


HANDLERS = {
    "case.info_reply": _info_reply,
    "case.rated": _rated,
    "case.closed_unrated": _closed_unrated,
}
