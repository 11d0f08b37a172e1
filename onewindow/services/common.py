"""Helpers shared by the hub workflows: permission, timeline, park messages, notices.

Locking and status changes are the lifecycle's (`onewindow.lifecycle`).
"""

from typing import cast

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import Role, User
from notifications.services import notify
from tenants.selectors import hub_link

from ..models import Case, CaseEvent, Department
from ..protocol import ToPark
from .outbox import park_message_write


def require_handler(case: Case, by: User) -> None:
    """Under the case's lock: a liaison acts only while the case is at their department
    (a colleague may have transferred or returned it since the page was loaded)."""
    liaison = getattr(by, "liaison", None)
    if liaison is not None and liaison.department_id != case.department_id:
        raise ValidationError(
            _("This case has left your department; nothing was changed."), code="department"
        )


def department_of(case: Case) -> Department:
    """The department the case is at now."""
    # Every case is created routed to a department and is only ever moved to another one, so
    # the column (nullable in the schema) is never empty when a workflow reads it.
    return cast(Department, case.department)


def require_text(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(message, code="required")
    return text


def event_add(
    case: Case, *, by: User | None = None, action: str, params: dict | None = None, note: str = ""
) -> CaseEvent:
    """A step on the case's timeline that moves no status (status changes: the lifecycle)."""
    return CaseEvent.objects.create(
        case=case,
        actor=by if by is not None and by.pk else None,
        actor_name=str(by)[:60] if by is not None else "",
        action=action,
        params=params or {},
        note=note,
    )


def tell_park(case: Case, kind: ToPark, **payload: object) -> None:
    park_message_write(case=case, kind=kind, payload=payload)


def progress(
    case: Case, action: str, params: dict | None = None, *, note: str = "", public: bool = True
) -> None:
    """A step the enterprise may follow on the park site (`action`: an English message id)."""
    tell_park(
        case,
        ToPark.PROGRESS,
        action=action,
        params=params or {},
        note=note,
        public=public,
        department_name=case.department.name if case.department else "",
        department_id=case.department_id,
        department_due=case.due_date.isoformat(),
    )


def liaisons_notify(
    case: Case, department: Department | None, *, title: str, body: str = ""
) -> None:
    users = User.objects.filter(liaison__department=department, is_active=True)
    url = hub_link("onewindow:case_detail", case.pk)
    notify(recipients=users, title=title, body=body, url=url)


def admins_notify(case: Case, *, title: str, body: str = "", url_name: str = "") -> None:
    """Tell the district admins; the link goes to `url_name` (a hub page) or to the case."""
    users = User.objects.filter(role=Role.DISTRICT_ADMIN, is_active=True)
    url = hub_link(url_name) if url_name else hub_link("onewindow:case_detail", case.pk)
    notify(recipients=users, title=title, body=body, url=url)


def number(case: Case) -> dict:
    return {"number": case.tracking_number}
