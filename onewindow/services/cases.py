"""What liaisons (and, for returned cases, district admins) do with a case."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.attachments import attachments_validate, content_type_for
from core.workdays import WorkingCalendar

from ..models import Case, CaseAnswer, CaseArrival, CaseAttachment, Department
from .common import (
    admins_notify,
    case_lock,
    event_add,
    liaisons_notify,
    number,
    progress,
    require_handler,
    require_status,
    require_text,
    tell_park,
)
from .extensions import extensions_withdraw


def _current_arrival(case: Case) -> CaseArrival | None:
    return case.arrivals.filter(department=case.department).order_by("-arrived_at", "-id").first()


@transaction.atomic
def case_sign(*, case: Case, by) -> Case:
    """签收: the liaison takes the case on. The clock started at dispatch, not now."""
    case = case_lock(case)
    require_handler(case, by)
    require_status(case, Case.Status.DISPATCHED)
    before = case.status
    case.status = Case.Status.IN_PROGRESS
    case.save(update_fields=["status"])
    arrival = _current_arrival(case)
    if arrival and arrival.signed_at is None:
        arrival.signed_at = timezone.now()
        arrival.save(update_fields=["signed_at"])
    event_add(case, by=by, action=gettext_noop("Signed for"), from_status=before)
    progress(
        case, gettext_noop("%(department)s is handling it"), {"department": case.department.name}
    )
    return case


@transaction.atomic
def case_answer(*, case: Case, by, text: str, uploads=()) -> CaseAnswer:
    """答复: the answer goes back to the park and the enterprise."""
    text = require_text(text, _("Write the answer."))
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    case = case_lock(case)
    require_handler(case, by)
    require_status(case, Case.Status.DISPATCHED, Case.Status.IN_PROGRESS)
    if case.status == Case.Status.DISPATCHED:
        case_sign(case=case, by=by)
        case.refresh_from_db()
    before, now = case.status, timezone.now()
    answer = CaseAnswer.objects.create(
        case=case,
        department=case.department,
        author=by,
        text=text,
        answered_at=now,
        due_date=case.due_date,
    )
    files = [
        CaseAttachment.objects.create(
            case=case,
            answer=answer,
            file=upload,
            name=upload.name[-150:],
            content_type=content_type_for(kind),
            size=upload.size,
            from_enterprise=False,
        )
        for upload, kind in zip(uploads, kinds, strict=True)
    ]
    case.status = Case.Status.ANSWERED
    case.first_answered_at = case.first_answered_at or now
    case.save(update_fields=["status", "first_answered_at"])
    extensions_withdraw(case=case)
    event_add(case, by=by, action=gettext_noop("Answered"), from_status=before, note=text)
    tell_park(
        case,
        "answered",
        text=text,
        department_name=case.department.name,
        answered_at=now.isoformat(),
        attachments=[
            {"path": f.file.name, "name": f.name, "content_type": f.content_type, "size": f.size}
            for f in files
        ],
    )
    return answer


@transaction.atomic
def case_request_info(*, case: Case, by, question: str) -> Case:
    """要求补充材料: asked through the park; the department clock pauses until the reply."""
    question = require_text(question, _("Say what information the enterprise must send."))
    case = case_lock(case)
    require_handler(case, by)
    require_status(case, Case.Status.IN_PROGRESS)
    before = case.status
    case.status = Case.Status.INFO_REQUESTED
    case.paused_on = timezone.localdate()
    case.save(update_fields=["status", "paused_on"])
    event_add(
        case,
        by=by,
        action=gettext_noop("Asked for more information"),
        from_status=before,
        note=question,
    )
    tell_park(case, "info_requested", question=question, department_name=case.department.name)
    return case


@transaction.atomic
def case_transfer(*, case: Case, by, department: Department, reason: str) -> Case:
    """转办: to another department, with the running clock."""
    reason = require_text(reason, _("Give the reason for the transfer."))
    case = case_lock(case)
    require_handler(case, by)
    require_status(case, Case.Status.DISPATCHED, Case.Status.IN_PROGRESS)
    if department == case.department or not department.is_active:
        from django.core.exceptions import ValidationError

        raise ValidationError(_("Choose another, active department."), code="department")
    before, source = case.status, case.department
    case.department = department
    case.status = Case.Status.DISPATCHED
    case.reminded_at = None  # the receiving department gets its own reminder
    case.save(update_fields=["department", "status", "reminded_at"])
    extensions_withdraw(case=case)
    CaseArrival.objects.create(case=case, department=department, kind=CaseArrival.Kind.TRANSFER)
    event_add(
        case,
        by=by,
        from_status=before,
        note=reason,
        action=gettext_noop("Transferred from %(source)s to %(target)s"),
        params={"source": source.name, "target": department.name},
    )
    progress(case, gettext_noop("Transferred to %(department)s"), {"department": department.name})
    liaisons_notify(
        case, department, title=_("Case %(number)s transferred to you") % number(case), body=reason
    )
    return case


@transaction.atomic
def case_return(*, case: Case, by, reason: str) -> Case:
    """退单: misrouted; a district admin re-dispatches it."""
    reason = require_text(reason, _("Say why the case is not for your department."))
    case = case_lock(case)
    require_handler(case, by)
    require_status(case, Case.Status.DISPATCHED, Case.Status.IN_PROGRESS)
    before = case.status
    arrival = _current_arrival(case)
    if arrival:
        arrival.returned_at = timezone.now()
        arrival.save(update_fields=["returned_at"])
    case.status = Case.Status.RETURNED
    case.save(update_fields=["status"])
    extensions_withdraw(case=case)
    event_add(
        case, by=by, action=gettext_noop("Returned as misrouted"), from_status=before, note=reason
    )
    progress(case, gettext_noop("Being assigned to the responsible department by the district"))
    admins_notify(
        case,
        title=_("Case %(number)s returned for re-dispatch") % number(case),
        body=reason,
        path="/arbitration/",
    )
    return case


@transaction.atomic
def case_redispatch(*, case: Case, by, department: Department, note: str = "") -> Case:
    """A district admin re-dispatches a returned case: a new department clock starts."""
    case = case_lock(case)
    require_status(case, Case.Status.RETURNED)
    if not department.is_active:
        from django.core.exceptions import ValidationError

        raise ValidationError(_("Choose an active department."), code="department")
    before, now = case.status, timezone.now()
    case.department = department
    case.status = Case.Status.DISPATCHED
    case.dispatched_at = now
    case.due_date = WorkingCalendar.load().add_working_days(
        timezone.localdate(now), case.category.department_deadline_days
    )
    case.is_overdue = False
    case.reminded_at = None
    case.save()
    CaseArrival.objects.create(
        case=case, department=department, kind=CaseArrival.Kind.REDISPATCH, arrived_at=now
    )
    event_add(
        case,
        by=by,
        from_status=before,
        note=note,
        action=gettext_noop("Re-dispatched to %(department)s"),
        params={"department": department.name},
    )
    progress(case, gettext_noop("Sent to %(department)s"), {"department": department.name})
    liaisons_notify(case, department, title=_("New case %(number)s") % number(case))
    return case
