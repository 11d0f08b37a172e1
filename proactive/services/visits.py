"""Regular visits (走访): the park's plan, visit records, coverage of the current period, and
each raised item filed into the window as an appeal in one action."""

import datetime
import uuid
from dataclasses import dataclass
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from appeals.models import Appeal
from appeals.services.intake import appeal_submit
from core.rates import Rate
from enterprises.models import Enterprise
from onewindow.models import AppealCategory

from ..models import Visit, VisitItem, VisitPlan

# The park's own staff: who visits, who works the outreach lists.
OFFICE_ROLES = (Role.WINDOW_STAFF, Role.PARK_OPERATOR)
# A raised item becomes the appeal keyed by this namespace and the item (once only).
VISIT_ITEM_NAMESPACE = uuid.UUID("0c8f5f0e-8d6b-4b53-9d0b-6a1f2f7e4c21")
ITEMS_MAX = 5


def office_staff() -> QuerySet[User]:
    """The park's active window staff and park operators."""
    return User.objects.filter(role__in=OFFICE_ROLES, is_active=True).order_by(
        "full_name", "username"
    )


def office_require(by: User) -> None:
    if not (by.is_active and by.role in OFFICE_ROLES):
        raise PermissionDenied


# --- The plan and the period ---------------------------------------------------------------


def visit_plan() -> VisitPlan:
    plan, _created = VisitPlan.objects.get_or_create(pk=1)
    return plan


def visit_plan_set(*, period_months: int, by: User) -> VisitPlan:
    """Park operators set how often every verified enterprise is visited."""
    if not by.is_park_operator:
        raise PermissionDenied
    if period_months not in VisitPlan.Period.values:
        raise ValidationError(_("Choose one of the periods offered."), code="invalid_period")
    plan = visit_plan()
    plan.period_months = period_months
    plan.save(update_fields=["period_months", "updated_at"])
    return plan


def period_containing(
    today: datetime.date, period_months: int
) -> tuple[datetime.date, datetime.date]:
    """The calendar month, quarter, half year or year that holds `today` (first and last day)."""
    first_month = (today.month - 1) // period_months * period_months + 1
    start = datetime.date(today.year, first_month, 1)
    after = first_month + period_months
    following = (
        datetime.date(today.year + 1, 1, 1) if after > 12 else datetime.date(today.year, after, 1)
    )
    return start, following - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Coverage:
    """Visit coverage of the current period: of the `due` verified enterprises, `visited` had
    at least one visit between `period_start` and `period_end`."""

    due: int
    visited: int
    period_start: datetime.date
    period_end: datetime.date
    period_months: int

    @property
    def rate(self) -> Rate:
        return Rate(self.visited, self.due)

    @property
    def remaining(self) -> int:
        return self.due - self.visited


def _visited_between(start: datetime.date, end: datetime.date) -> Exists:
    return Exists(
        Visit.objects.filter(enterprise=OuterRef("pk"), visited_on__gte=start, visited_on__lte=end)
    )


def visit_coverage(today: datetime.date | None = None) -> Coverage:
    """Every verified enterprise is due once per period of the plan."""
    today = today or timezone.localdate()
    period_months = visit_plan().period_months
    start, end = period_containing(today, period_months)
    counts = Enterprise.objects.verified().aggregate(
        due=Count("pk"), visited=Count("pk", filter=Q(_visited_between(start, end)))
    )
    return Coverage(
        due=counts["due"],
        visited=counts["visited"],
        period_start=start,
        period_end=end,
        period_months=period_months,
    )


def enterprises_not_visited(coverage: Coverage) -> QuerySet[Enterprise]:
    """Verified enterprises with no visit yet in the coverage's period, by name."""
    return (
        Enterprise.objects.verified()
        .filter(~_visited_between(coverage.period_start, coverage.period_end))
        .order_by("name")
    )


def visits_recent(limit: int = 20) -> QuerySet[Visit]:
    return Visit.objects.select_related("enterprise", "visitor").order_by("-visited_on", "-id")[
        :limit
    ]


# --- Recording a visit ---------------------------------------------------------------------


def visit_record(
    *,
    enterprise: Enterprise,
    visited_on: datetime.date,
    visitor: User,
    met_with: str,
    summary: str,
    items: list[str],
    by: User,
) -> Visit:
    """Record a visit to a verified enterprise of the park, made by one of its staff, on a day
    that has come, with what the enterprise raised (one item per entry, blanks dropped)."""
    office_require(by)
    raised = [text.strip() for text in items if text.strip()]
    errors = {}
    if not enterprise.is_verified:
        errors["enterprise"] = ValidationError(
            _("Only verified enterprises of the park are visited."), code="not_verified"
        )
    if visited_on > timezone.localdate():
        errors["visited_on"] = ValidationError(
            _("The visit date cannot be in the future."), code="future"
        )
    if not (visitor.is_active and visitor.role in OFFICE_ROLES):
        errors["visitor"] = ValidationError(
            _("The visitor must be a member of the park's staff."), code="not_staff"
        )
    if len(raised) > ITEMS_MAX:
        errors["__all__"] = ValidationError(
            _("At most %(count)d raised items per visit.") % {"count": ITEMS_MAX},
            code="too_many",
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        visit = Visit.objects.create(
            enterprise=enterprise,
            visited_on=visited_on,
            visitor=visitor,
            met_with=met_with,
            summary=summary,
        )
        VisitItem.objects.bulk_create(VisitItem(visit=visit, text=text) for text in raised)
    return visit


# --- A raised item filed as an appeal ------------------------------------------------------


def visit_item_defaults(item: VisitItem) -> dict:
    """What the appeal form is prefilled with: the item's first line as the title, its text
    and where it was raised as the description, the enterprise's contact."""
    visit = item.visit
    enterprise = visit.enterprise
    first_line = next((line.strip() for line in item.text.splitlines() if line.strip()), "")
    origin = _("Raised during the visit on %(date)s by %(name)s.") % {
        "date": visit.visited_on.isoformat(),
        "name": str(visit.visitor),
    }
    return {
        "title": first_line[:100],
        "description": f"{item.text}\n\n{origin}"[:4000],
        "contact_name": enterprise.contact_name,
        "contact_mobile": enterprise.mobile,
    }


def visit_item_file(
    *,
    item: VisitItem,
    by: User,
    category: AppealCategory,
    title: str,
    description: str,
    contact_name: str,
    contact_mobile: str,
) -> Appeal:
    """File a raised item as an appeal at the window for the enterprise, linked both ways
    (item.appeal, appeal.visit_item). Once only: filed again, the same appeal. By the park's
    window staff only: filing in an enterprise's name is the window's job."""
    if not (by.is_active and by.is_window_staff):
        raise PermissionDenied(_("Only the park window files an appeal for an enterprise."))
    with transaction.atomic():
        item = (
            VisitItem.objects.select_for_update()
            .select_related("visit__enterprise")
            .get(pk=item.pk)
        )
        if item.appeal_id:
            return cast(Appeal, item.appeal)
        appeal = appeal_submit(
            enterprise=item.visit.enterprise,
            by=by,
            category=category,
            title=title,
            description=description,
            contact_name=contact_name,
            contact_mobile=contact_mobile,
            submission_key=uuid.uuid5(VISIT_ITEM_NAMESPACE, f"visit-item-{item.pk}"),
            at_window=True,
        )
        item.appeal = appeal
        item.save(update_fields=["appeal"])
    return appeal
