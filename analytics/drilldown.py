"""Drill-down (明细): the cases — or window records — a dashboard figure counts.

Each figure's list uses the same definitions as the figure (`onewindow.metrics`), so the list of
a rate holds exactly its denominator, with the fact that decides its numerator shown per row.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from onewindow.metrics import (
    SATISFIED_LEVELS,
    answered_counted,
    rated_counted,
    response_counted,
    scope_filter,
)
from onewindow.models import Case, CaseArrival, WindowRecord

from .scope import Scope

CASE_METRICS = (
    "volume",
    "window_on_time",
    "response_rate",
    "on_time",
    "early_completion",
    "average_handling_days",
    "resolution",
    "satisfaction",
    "rehandling",
    "return_rate",
    "transfer_rate",
    "transfers_per_case",
)
WINDOW_METRICS = (
    "window_appeals",
    "window_accepted",
    "window_answered",
    "window_returned",
    "window_rejected",
    "window_rated",
)


def window_metric_labels() -> dict[str, str]:
    """The window figures' names, in the reader's language (the drill-down's titles)."""
    return {
        "window_appeals": _("Appeals at the window"),
        "window_accepted": _("Accepted"),
        "window_answered": _("Answered at the window"),
        "window_returned": _("Returned for more information"),
        "window_rejected": _("Not accepted"),
        "window_rated": _("Satisfaction with window answers"),
    }


@dataclass(frozen=True)
class Column:
    """The fact shown beside each row: its heading and how to read it off a row."""

    heading: str
    value: Callable[[Any], object]


def _yes_no(value: object) -> str:
    if value is None:
        return "—"
    return _("Yes") if value else _("No")


def _arrivals(scope: Scope, *extra: Q) -> Exists:
    q = scope_filter(
        park=scope.park,
        category=scope.category,
        period_start=scope.start,
        period_end=scope.end,
    )
    if scope.department is not None:
        q &= Q(department=scope.department)
    return Exists(CaseArrival.objects.filter(q, *extra, case=OuterRef("pk")))


def drill_cases(
    scope: Scope, metric: str, *, as_of: datetime.date, keyword: str = ""
) -> tuple[QuerySet[Case], Column | None]:
    """The cases `metric` counts in `scope` (its denominator), and the deciding fact."""
    if metric not in CASE_METRICS:
        raise ValueError(metric)
    department = scope.department
    cases = Case.objects.filter(
        scope_filter(
            park=scope.park,
            category=scope.category,
            period_start=scope.start,
            period_end=scope.end,
        )
    )
    column: Column | None = None
    if metric in ("on_time", "early_completion", "average_handling_days"):
        cases = cases.filter(answered_counted(department))
        column = {
            "on_time": Column(_("On time"), lambda c: _yes_no(c.on_time)),
            "early_completion": Column(_("Early"), lambda c: _yes_no(c.early)),
            "average_handling_days": Column(_("Handling working days"), lambda c: c.handling_days),
        }[metric]
    elif metric in ("resolution", "satisfaction", "rehandling"):
        cases = cases.filter(rated_counted(department))
        column = {
            "resolution": Column(_("Resolved"), lambda c: _yes_no(c.resolved)),
            "satisfaction": Column(
                _("Satisfied"), lambda c: _yes_no(c.satisfaction in SATISFIED_LEVELS)
            ),
            "rehandling": Column(_("Times re-handled"), lambda c: c.rehandle_count),
        }[metric]
    elif metric == "response_rate":
        cases = cases.filter(_arrivals(scope, response_counted(as_of)))
    elif metric in ("return_rate", "transfer_rate", "transfers_per_case") or department:
        cases = cases.filter(_arrivals(scope))
        if metric == "transfer_rate" or metric == "transfers_per_case":
            column = Column(_("Transfers"), lambda c: c.transfers)
    if metric == "window_on_time":
        column = Column(_("Window on time"), lambda c: _yes_no(c.window_on_time))
    if keyword:
        cases = cases.filter(keywords__contains=[keyword])
    cases = cases.select_related("park", "category", "department", "answered_department")
    return cases.order_by("-submitted_on", "-id"), column


def drill_window(
    scope: Scope, metric: str, *, staff: int | None = None
) -> tuple[QuerySet[WindowRecord], Column | None]:
    """The window records a window figure counts."""
    if metric not in WINDOW_METRICS:
        raise ValueError(metric)
    records = WindowRecord.objects.filter(
        submitted_on__gte=scope.start, submitted_on__lte=scope.end
    )
    if scope.park is not None:
        records = records.filter(park=scope.park)
    if scope.category is not None:
        records = records.filter(category=scope.category)
    if staff is not None:
        records = records.filter(staff_id=staff)
    column: Column | None = None
    outcome = WindowRecord.Outcome
    if metric == "window_accepted":
        records = records.filter(outcome=outcome.ACCEPTED)
        column = Column(_("Accepted on time"), lambda r: _yes_no(r.on_time))
    elif metric == "window_answered":
        records = records.filter(answered_at_window=True)
    elif metric == "window_returned":
        records = records.filter(returned_count__gte=1)
        column = Column(_("Times returned"), lambda r: r.returned_count)
    elif metric == "window_rejected":
        records = records.filter(outcome=outcome.REJECTED)
    elif metric == "window_rated":
        records = records.filter(satisfaction__isnull=False)
        column = Column(_("Satisfied"), lambda r: _yes_no(r.satisfaction in SATISFIED_LEVELS))
    records = records.select_related("park", "category")
    return records.order_by("-submitted_on", "-id"), column
