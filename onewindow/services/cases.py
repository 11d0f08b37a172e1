"""What liaisons (and, for returned cases, district admins) do with a case."""

from collections.abc import Iterable
from typing import cast

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.attachments import attachments_validate, content_type_for
from core.storage import private_files_removed_on_error
from core.workdays import WorkingCalendar

from ..lifecycle import CaseAction, case_lock, case_require, case_transition
from ..models import Case, CaseAnswer, CaseArrival, CaseAttachment, CasePause, Department
from ..protocol import ToPark
from .common import (
    admins_notify,
    department_of,
    liaisons_notify,
    number,
    progress,
    require_handler,
    require_text,
    tell_park,
)
from .extensions import extensions_withdraw


def _current_arrival(case: Case) -> CaseArrival | None:
    return case.arrivals.filter(department=case.department).order_by("-arrived_at", "-id").first()


@transaction.atomic
def case_sign(*, case: Case, by: User) -> Case:
    """签收: the liaison takes the case on. The clock started at dispatch, not now."""
    case = case_lock(case)
    require_handler(case, by)
    case_require(case, CaseAction.SIGN)
    arrival = _current_arrival(case)
    if arrival and arrival.signed_at is None:
        arrival.signed_at = timezone.now()
        arrival.save(update_fields=["signed_at"])
    case = case_transition(
        case, action=CaseAction.SIGN, to=Case.Status.IN_PROGRESS, by=by, locked=True
    )
    progress(
        case,
        gettext_noop("%(department)s is handling it"),
        {"department": department_of(case).name},
    )
    return case


@private_files_removed_on_error()
@transaction.atomic
def case_answer(
    *, case: Case, by: User, text: str, uploads: Iterable[UploadedFile] = ()
) -> CaseAnswer:
    """答复: the answer goes back to the park and the enterprise."""
    text = require_text(text, _("Write the answer."))
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    case = case_lock(case)
    require_handler(case, by)
    case_require(case, CaseAction.ANSWER)
    if case.status == Case.Status.DISPATCHED:
        case_sign(case=case, by=by)
        case.refresh_from_db()
    now = timezone.now()
    answer = CaseAnswer.objects.create(
        case=case,
        department=department_of(case),
        author=by,
        text=text,
        answered_at=now,
        due_date=case.due_date,
    )
    files = _answer_files_save(case, answer, uploads, kinds)
    case = case_transition(
        case,
        action=CaseAction.ANSWER,
        to=Case.Status.ANSWERED,
        by=by,
        note=text,
        fields={"first_answered_at": case.first_answered_at or now},
        locked=True,
    )
    extensions_withdraw(case=case)
    tell_park(
        case,
        ToPark.ANSWERED,
        text=text,
        department_name=department_of(case).name,
        answered_at=now.isoformat(),
        attachments=files,
    )
    return answer


def _answer_files_save(
    case: Case, answer: CaseAnswer, uploads: Iterable[UploadedFile], kinds: Iterable[str]
) -> list[dict]:
    """Store the department's files with its answer; returns what the park must know of them."""
    # Validated uploads (attachments_validate refuses a file without a name or content).
    files = [
        CaseAttachment.objects.create(
            case=case,
            answer=answer,
            file=upload,
            name=cast(str, upload.name)[-150:],
            content_type=content_type_for(kind),
            size=cast(int, upload.size),
            from_enterprise=False,
        )
        for upload, kind in zip(uploads, kinds, strict=True)
    ]
    return [
        {"path": f.file.name, "name": f.name, "content_type": f.content_type, "size": f.size}
        for f in files
    ]


@transaction.atomic
def case_request_info(*, case: Case, by: User, question: str) -> Case:
    """要求补充材料: asked through the park; the department clock pauses until the reply."""
    question = require_text(question, _("Say what information the enterprise must send."))
    case = case_lock(case)
    require_handler(case, by)
    case_require(case, CaseAction.REQUEST_INFO)
    today = timezone.localdate()
    CasePause.objects.create(case=case, started_on=today)
    case = case_transition(
        case,
        action=CaseAction.REQUEST_INFO,
        to=Case.Status.INFO_REQUESTED,
        by=by,
        note=question,
        fields={"paused_on": today},
        locked=True,
    )
    tell_park(
        case, ToPark.INFO_REQUESTED, question=question, department_name=department_of(case).name
    )
    return case


@transaction.atomic
def case_transfer(*, case: Case, by: User, department: Department, reason: str) -> Case:
    """转办: to another department, with the running clock."""
    reason = require_text(reason, _("Give the reason for the transfer."))
    case = case_lock(case)
    require_handler(case, by)
    case_require(case, CaseAction.TRANSFER)
    if department == case.department or not department.is_active:
        raise ValidationError(_("Choose another, active department."), code="department")
    source = department_of(case)
    CaseArrival.objects.create(case=case, department=department, kind=CaseArrival.Kind.TRANSFER)
    case = case_transition(
        case,
        action=CaseAction.TRANSFER,
        to=Case.Status.DISPATCHED,
        by=by,
        note=reason,
        params={"source": source.name, "target": department.name},
        # The receiving department gets its own reminder.
        fields={"department": department, "reminded_at": None},
        locked=True,
    )
    extensions_withdraw(case=case)
    progress(case, gettext_noop("Transferred to %(department)s"), {"department": department.name})
    liaisons_notify(
        case, department, title=_("Case %(number)s transferred to you") % number(case), body=reason
    )
    return case


@transaction.atomic
def case_return(*, case: Case, by: User, reason: str) -> Case:
    """退单: misrouted; a district admin re-dispatches it."""
    reason = require_text(reason, _("Say why the case is not for your department."))
    case = case_lock(case)
    require_handler(case, by)
    case_require(case, CaseAction.RETURN)
    arrival = _current_arrival(case)
    if arrival:
        arrival.returned_at = timezone.now()
        arrival.save(update_fields=["returned_at"])
    case = case_transition(
        case, action=CaseAction.RETURN, to=Case.Status.RETURNED, by=by, note=reason, locked=True
    )
    extensions_withdraw(case=case)
    progress(case, gettext_noop("Being assigned to the responsible department by the district"))
    admins_notify(
        case,
        title=_("Case %(number)s returned for re-dispatch") % number(case),
        body=reason,
        url_name="onewindow:arbitration",
    )
    return case


@transaction.atomic
def case_redispatch(*, case: Case, by: User, department: Department, note: str = "") -> Case:
    """A district admin re-dispatches a returned case: a new department clock starts."""
    case = case_lock(case)
    case_require(case, CaseAction.REDISPATCH)
    if not department.is_active:
        raise ValidationError(_("Choose an active department."), code="department")
    now = timezone.now()
    due = WorkingCalendar.load().add_working_days(
        timezone.localdate(now), case.category.department_deadline_days
    )
    CaseArrival.objects.create(
        case=case, department=department, kind=CaseArrival.Kind.REDISPATCH, arrived_at=now
    )
    case = case_transition(
        case,
        action=CaseAction.REDISPATCH,
        to=Case.Status.DISPATCHED,
        by=by,
        note=note,
        params={"department": department.name},
        fields={
            "department": department,
            "dispatched_at": now,
            "due_date": due,
            "is_overdue": False,
            "reminded_at": None,
        },
        locked=True,
    )
    progress(case, gettext_noop("Sent to %(department)s"), {"department": department.name})
    liaisons_notify(case, department, title=_("New case %(number)s") % number(case))
    return case
