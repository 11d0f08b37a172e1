"""延期: a department asks for more working days; a district admin approves or denies."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.workdays import WorkingCalendar

from ..models import Case, ExtensionRequest
from .common import (
    admins_notify,
    case_lock,
    event_add,
    liaisons_notify,
    number,
    progress,
    require_status,
    require_text,
)

MAX_EXTENSION_DAYS = 30


@transaction.atomic
def extension_request(*, case: Case, by, days: int, reason: str) -> ExtensionRequest:
    reason = require_text(reason, _("Give the reason more time is needed."))
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationError(
            _("Ask for 1 to %(max)d working days.") % {"max": MAX_EXTENSION_DAYS}, code="days"
        )
    case = case_lock(case)
    require_status(
        case, Case.Status.DISPATCHED, Case.Status.IN_PROGRESS, Case.Status.INFO_REQUESTED
    )
    try:
        with transaction.atomic():
            extension = ExtensionRequest.objects.create(
                case=case, department=case.department, requested_by=by, days=days, reason=reason
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
        path="/arbitration/",
    )
    return extension


@transaction.atomic
def extension_decide(
    *, extension: ExtensionRequest, by, approve: bool, note: str = ""
) -> ExtensionRequest:
    """Approved: the due date moves by the days asked for, counted from the date in force."""
    # The case first, then the request: the order case_answer takes them in.
    case = case_lock(extension.case)
    extension = ExtensionRequest.objects.select_for_update().get(pk=extension.pk)
    if extension.status != ExtensionRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."), code="decided")
    if not approve and not note.strip():
        raise ValidationError(_("Give the reason for the denial."), code="required")
    require_status(
        case, Case.Status.DISPATCHED, Case.Status.IN_PROGRESS, Case.Status.INFO_REQUESTED
    )
    extension.status = (
        ExtensionRequest.Status.APPROVED if approve else ExtensionRequest.Status.DENIED
    )
    extension.decided_by = by
    extension.decided_at = timezone.now()
    extension.decision_note = note.strip()[:500]
    if approve:
        case.due_date = WorkingCalendar.load().add_working_days(case.due_date, extension.days)
        case.is_overdue = case.due_date < timezone.localdate()
        case.reminded_at = None
        case.save(update_fields=["due_date", "is_overdue", "reminded_at"])
        extension.new_due_date = case.due_date
    extension.save()
    if approve:
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
    else:
        event_add(
            case, by=by, note=extension.decision_note, action=gettext_noop("Extension denied")
        )
    liaisons_notify(
        case,
        extension.department,
        title=(
            _("Case %(number)s: extension approved")
            if approve
            else _("Case %(number)s: extension denied")
        )
        % number(case),
        body=extension.decision_note,
    )
    return extension


def extensions_withdraw(*, case: Case) -> int:
    """An answer makes pending requests moot: they leave the admins' queue, undecided."""
    return ExtensionRequest.objects.filter(
        case=case, status=ExtensionRequest.Status.PENDING
    ).update(status=ExtensionRequest.Status.WITHDRAWN, decided_at=timezone.now())
