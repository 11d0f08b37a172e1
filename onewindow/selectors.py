"""Read-side queries of the district hub."""

from django.db.models import Case as DbCase
from django.db.models import F, Q, When
from django.http import Http404

from accounts.models import Role

from .models import (
    AppealCategory,
    CalendarOverride,
    Case,
    Department,
    ExtensionRequest,
    RoutingRule,
)


def department_for(*, category: AppealCategory, park) -> Department:
    """Where an appeal of this category from this park goes: the park's own rule, else the
    district-wide rule, else the category's default department."""
    rule = (
        RoutingRule.objects.filter(category=category)
        .filter(Q(park=park) | Q(park__isnull=True))
        .select_related("department")
        .order_by(F("park").asc(nulls_last=True))
        .first()
    )
    return rule.department if rule else category.default_department


def liaison_department(user) -> Department | None:
    liaison = getattr(user, "liaison", None) if user.is_authenticated else None
    return liaison.department if liaison else None


def case_list_for_user(*, user, query: str = "", status: str = "", overdue: bool = False):
    """A liaison sees their department's cases; a district admin sees all."""
    # Open cases first, the soonest due on top; then the rest, most recent first.
    running = When(status__in=[Case.Status.ANSWERED, Case.Status.CLOSED], then=None)
    cases = Case.objects.select_related("park", "category", "department").order_by(
        DbCase(running, default=F("due_date")).asc(nulls_last=True), "-dispatched_at"
    )
    if user.role != Role.DISTRICT_ADMIN:
        department = liaison_department(user)
        if department is None:  # not (or no longer) a department's liaison: nothing
            return Case.objects.none()
        cases = cases.filter(department=department)
    if query.strip():
        text = query.strip()
        cases = cases.filter(
            Q(tracking_number__iexact=text)
            | Q(title__icontains=text)
            | Q(enterprise_name__icontains=text)
        )
    if status:
        cases = cases.filter(status=status)
    if overdue:
        # is_overdue stays set after a late answer ("was late"); the filter is for open work.
        cases = cases.filter(is_overdue=True).open()
    return cases


def case_get_for_user(*, user, pk: int):
    """The case if this user may see it, else 404 (another department's looks like none)."""
    case = case_list_for_user(user=user).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def case_attachment_get_for_user(*, user, case_pk: int, pk: int):
    attachment = case_get_for_user(user=user, pk=case_pk).attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


def arbitration_queue():
    return {
        "returned": Case.objects.filter(status=Case.Status.RETURNED).select_related(
            "park", "category"
        ),
        "extensions": ExtensionRequest.objects.filter(
            status=ExtensionRequest.Status.PENDING
        ).select_related("case", "department", "requested_by"),
    }


def hub_workload(*, user) -> dict[str, int] | None:
    """What waits for this person on the hub home: their department's open work for a liaison,
    arbitration and extensions for a district admin; None for anyone else."""
    if not user.is_authenticated:
        return None
    if user.role == Role.DISTRICT_ADMIN:
        return {
            "returned": Case.objects.filter(status=Case.Status.RETURNED).count(),
            "extensions": ExtensionRequest.objects.filter(
                status=ExtensionRequest.Status.PENDING
            ).count(),
            "overdue": Case.objects.open().filter(is_overdue=True).count(),
        }
    department = liaison_department(user)
    if department is None:
        return None
    cases = Case.objects.for_department(department)
    return {
        "dispatched": cases.filter(status=Case.Status.DISPATCHED).count(),
        "in_progress": cases.filter(status=Case.Status.IN_PROGRESS).count(),
        "overdue": cases.open().filter(is_overdue=True).count(),
    }


def calendar_overrides():
    """The district's working-day decisions as (date, is working day) pairs."""
    return CalendarOverride.objects.values_list("date", "is_working_day")
