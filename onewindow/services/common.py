"""Helpers shared by the hub workflows: locking, transitions, timeline, notices."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import Role, User
from notifications.services import notify
from tenants.selectors import hub_url

from ..models import Case, CaseEvent
from .outbox import park_message_write


def case_lock(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("park", "department", "category")
        .get(pk=case.pk)
    )


def require_handler(case: Case, by) -> None:
    """Under the case's lock: a liaison acts only while the case is at their department
    (a colleague may have transferred or returned it since the page was loaded)."""
    liaison = getattr(by, "liaison", None)
    if liaison is not None and liaison.department_id != case.department_id:
        raise ValidationError(
            _("This case has left your department; nothing was changed."), code="department"
        )


def require_status(case: Case, *statuses: str) -> None:
    if case.status not in statuses:
        raise ValidationError(
            _("This case is now “%(status)s”; nothing was changed.")
            % {"status": case.get_status_display()},
            code="wrong_status",
        )


def require_text(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(message, code="required")
    return text


def event_add(
    case: Case,
    *,
    by=None,
    action: str,
    params: dict | None = None,
    from_status: str = "",
    note: str = "",
):
    return CaseEvent.objects.create(
        case=case,
        actor=by if by is not None and by.pk else None,
        actor_name=str(by)[:60] if by is not None else "",
        action=action,
        params=params or {},
        from_status=from_status,
        to_status=case.status if from_status and case.status != from_status else "",
        note=note,
    )


def tell_park(case: Case, kind: str, **payload) -> None:
    park_message_write(case=case, kind=kind, payload=payload)


def progress(
    case: Case, action: str, params: dict | None = None, *, note: str = "", public: bool = True
) -> None:
    """A step the enterprise may follow on the park site (`action`: an English message id)."""
    tell_park(
        case,
        "progress",
        action=action,
        params=params or {},
        note=note,
        public=public,
        department_name=case.department.name if case.department else "",
        department_id=case.department_id,
        department_due=case.due_date.isoformat(),
    )


def liaisons_notify(case: Case, department, *, title: str, body: str = "") -> None:
    users = User.objects.filter(liaison__department=department, is_active=True)
    notify(recipients=users, title=title, body=body, url=hub_url(f"/cases/{case.pk}/"))


def admins_notify(case: Case, *, title: str, body: str = "", path: str = "") -> None:
    users = User.objects.filter(role=Role.DISTRICT_ADMIN, is_active=True)
    notify(recipients=users, title=title, body=body, url=hub_url(path or f"/cases/{case.pk}/"))


def number(case: Case) -> dict:
    return {"number": case.tracking_number}
