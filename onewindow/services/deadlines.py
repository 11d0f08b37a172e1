"""Reminders (催办) before the department deadline and overdue marking after it (beat)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.workdays import WorkingCalendar

from ..lifecycle import case_lock
from ..models import Case
from .common import admins_notify, event_add, liaisons_notify, number


def deadlines_check(*, today: datetime.date | None = None) -> dict[str, int]:
    """Remind on cases due by the next working day; mark those past their due date overdue."""
    today = today or timezone.localdate()
    next_working_day = WorkingCalendar.load().add_working_days(today, 1)
    reminded = overdue = 0
    for case in Case.objects.due_by(next_working_day).filter(
        reminded_at__isnull=True, due_date__gte=today
    ):
        reminded += case_remind(case=case)
    for case in Case.objects.overdue(today).filter(is_overdue=False):
        overdue += case_mark_overdue(case=case, today=today)
    return {"reminded": reminded, "overdue": overdue}


@transaction.atomic
def case_remind(*, case: Case) -> bool:
    case = case_lock(case)
    if case.reminded_at is not None or not case.clock_running:
        return False
    case.reminded_at = timezone.now()
    case.save(update_fields=["reminded_at"])
    event_add(
        case, action=gettext_noop("Reminder: due %(due)s"), params={"due": str(case.due_date)}
    )
    liaisons_notify(
        case,
        case.department,
        title=_("Reminder: case %(number)s is due on %(due)s")
        % {**number(case), "due": case.due_date},
    )
    return True


@transaction.atomic
def case_mark_overdue(*, case: Case, today: datetime.date) -> bool:
    case = case_lock(case)
    if case.is_overdue or case.due_date >= today or not case.clock_running:
        return False
    case.is_overdue = True
    case.save(update_fields=["is_overdue"])
    event_add(
        case, action=gettext_noop("Overdue since %(due)s"), params={"due": str(case.due_date)}
    )
    liaisons_notify(case, case.department, title=_("Case %(number)s is overdue") % number(case))
    admins_notify(case, title=_("Case %(number)s is overdue") % number(case))
    return True
