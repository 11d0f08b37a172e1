"""延期: a department asks for more working days; a district admin approves or denies."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.workdays import WorkingCalendar

from ..lifecycle import CaseAction, case_lock, case_require
from ..models import Case, ExtensionRequest
from .common import (
    admins_notify,
    department_of,
    event_add,
    liaisons_notify,
    number,
    progress,
    require_text,
)

MAX_EXTENSION_DAYS = 30


@transaction.atomic
def extension_request(*, case: Case, by: User, days: int, reason: str) -> ExtensionRequest:
    """延期申请: the department asks for more working days; the district admins are told."""
    reason = require_text(reason, _("Give the reason more time is needed."))
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationError(
            _("Ask for 1 to %(max)d working days.") % {"max": MAX_EXTENSION_DAYS}, code="days"
        )
    case = case_lock(case)
    case_require(case, CaseAction.REQUEST_EXTENSION)
    try:
        with transaction.atomic():
            extension = ExtensionRequest.objects.create(
                case=case,
                department=department_of(case),
                requested_by=by,
                days=days,
                reason=reason,
            )
    except IntegrityError:
        raise ValidationError(
            _("An extension request for this case is already waiting for a decision."),
            code="pending",
        ) from None
    event_add(
        case,
        by=by,
        note=reason,
        action=gettext_noop("Asked for %(days)d more working days"),
        params={"days": days},
    )
    admins_notify(
        case,
        title=_("Case %(number)s: extension requested") % number(case),
        body=reason,
        url_name="onewindow:arbitration",
    )
    return extension


def _pending_locked(extension: ExtensionRequest) -> tuple[Case, ExtensionRequest]:
    """The case and the request, locked, if the request still waits for a decision."""
    # The case first, then the request: the order case_answer takes them in.
    case = case_lock(extension.case)
    extension = ExtensionRequest.objects.select_for_update().get(pk=extension.pk)
    if extension.status != ExtensionRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."), code="decided")
    return case, extension


def _decision_save(extension: ExtensionRequest, *, by: User, status: str, note: str) -> None:
    extension.status = status
    extension.decided_by = by
    extension.decided_at = timezone.now()
    extension.decision_note = note.strip()[:500]
    extension.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "new_due_date"]
    )


@transaction.atomic
def extension_approve(*, extension: ExtensionRequest, by: User, note: str = "") -> ExtensionRequest:
    """延期批准: the due date moves by the days asked for, counted from the date in force."""
    case, extension = _pending_locked(extension)
    case_require(case, CaseAction.DECIDE_EXTENSION)
    case.due_date = WorkingCalendar.load().add_working_days(case.due_date, extension.days)
    case.is_overdue = case.due_date < timezone.localdate()
    case.reminded_at = None
    case.save(update_fields=["due_date", "is_overdue", "reminded_at"])
    extension.new_due_date = case.due_date
    _decision_save(extension, by=by, status=ExtensionRequest.Status.APPROVED, note=note)
    event_add(
        case,
        by=by,
        note=extension.decision_note,
        action=gettext_noop("Extension approved; due date %(due)s"),
        params={"due": str(case.due_date)},
    )
    progress(
        case, gettext_noop("The due date was extended to %(due)s"), {"due": str(case.due_date)}
    )
    liaisons_notify(
        case,
        extension.department,
        title=_("Case %(number)s: extension approved") % number(case),
        body=extension.decision_note,
    )
    return extension


@transaction.atomic
def extension_deny(*, extension: ExtensionRequest, by: User, reason: str) -> ExtensionRequest:
    """延期不予批准, with the reason the department will read; the due date stays."""
    case, extension = _pending_locked(extension)
    reason = require_text(reason, _("Give the reason for the denial."))
    case_require(case, CaseAction.DECIDE_EXTENSION)
    _decision_save(extension, by=by, status=ExtensionRequest.Status.DENIED, note=reason)
    event_add(case, by=by, note=extension.decision_note, action=gettext_noop("Extension denied"))
    liaisons_notify(
        case,
        extension.department,
        title=_("Case %(number)s: extension denied") % number(case),
        body=extension.decision_note,
    )
    return extension


def extensions_withdraw(*, case: Case) -> int:
    """An answer makes pending requests moot: they leave the admins' queue, undecided."""
    return ExtensionRequest.objects.filter(
        case=case, status=ExtensionRequest.Status.PENDING
    ).update(status=ExtensionRequest.Status.WITHDRAWN, decided_at=timezone.now())
