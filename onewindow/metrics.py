"""Appeal metrics of the district hub (诉求办理指标), as published in DESIGN.md "Metrics".

Every figure is a SQL aggregate over the appraisal facts the lifecycle keeps on each case and
arrival (`onewindow.facts`): no case is loaded into Python, so a district's volume costs a few
grouped scans. `scope_filter` and the `*_counted` Q objects below are the one definition of
which cases a figure counts; the dashboards' drill-down lists use the same ones.

Scope: the period of an appeal is the month it was submitted, so `period_start`/`period_end`
bound `submitted_on` (the local date of submission); `park` and `category` filter the case. A
`department` is credited as DESIGN.md says ("attribution"):

- each arrival at the department (dispatch, re-dispatch after 退单, transfer in) counts once for
  its response, return and transfer rates; its volume is the cases that arrived there;
- on-time, early completion and handling days count the first answer, for the department that
  gave it (`answered_department`);
- resolution, satisfaction and re-handling count the last rating, for the department whose
  answer it rated (`rated_department`);
- transfers per case counts the transfers the department made (转出) over its volume;
- the window on-time rate belongs to the park window and is never credited to a department.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.rates import Rate
from tenants.models import Park

from .models import AppealCategory, Case, CaseArrival, Department

SATISFIED_LEVELS = (1, 2, 3)  # 非常满意, 满意, 基本满意 (GB/T 39734)
DIMENSIONS = ("park", "department", "category", "month")


@dataclass(frozen=True)
class AppealMetrics:
    """The appeal metrics of one scope (a park, department, category and/or period).

    - volume 诉求量: cases (for a department: cases that arrived there)
    - window_on_time 窗口按时受理率: accepted on or before the window due date / accepted
    - response_rate 响应率: arrivals signed for by the end of the first working day after the
      arrival / arrivals (an unsigned arrival counts once its sign-for day has ended)
    - on_time 按时办结率: first answers given on or before their due date in force / first answers
    - early_completion 提前办结率: first answers given on a date before their due date / first
      answers
    - resolution 解决率: last rating says resolved / rated cases
    - satisfaction 满意率: last rating 非常满意, 满意 or 基本满意 / rated cases
    - rehandling 重办率: rated cases re-handled (重办) at least once / rated cases
    - return_rate 退单率: arrivals returned as misrouted / arrivals
    - transfer_rate 转办率: arrivals the department transferred out / arrivals
    - transfers_per_case 平均转办次数: transfers (转办) / cases; None without cases
    - average_handling_days 平均办理工作日: mean working days of the department clock (from the
      last dispatch or re-dispatch before the first answer, transfers keeping the clock) to the
      first answer, minus the days paused waiting for the enterprise; None without answers
    """

    volume: int
    window_on_time: Rate
    response_rate: Rate
    on_time: Rate
    early_completion: Rate
    resolution: Rate
    satisfaction: Rate
    rehandling: Rate
    return_rate: Rate
    transfer_rate: Rate
    transfers_per_case: float | None
    average_handling_days: float | None


@dataclass(frozen=True)
class MetricsRow:
    """One value of a dimension: a park, department or category pk, or a month's first day."""

    key: int | datetime.date
    label: str
    metrics: AppealMetrics


# Which rows each figure counts (its denominator), with the department it credits; the
# drill-down lists filter with the same expressions.
def answered_counted(department=None) -> Q:
    if department is None:
        return Q(answered_department__isnull=False)
    return Q(answered_department=department)


def rated_counted(department=None) -> Q:
    rated = Q(rated_at__isnull=False)
    return rated if department is None else rated & Q(rated_department=department)


def response_counted(as_of: datetime.date) -> Q:
    """An arrival counts once signed for, or once its sign-for day has ended unsigned."""
    return Q(signed_in_time__isnull=False) | Q(sign_by__lt=as_of)


def scope_filter(*, park=None, category=None, period_start=None, period_end=None) -> Q:
    """The cases (or arrivals: they carry the same columns) of a scope."""
    q = Q()
    if park is not None:
        q &= Q(park=park)
    if category is not None:
        q &= Q(category=category)
    if period_start is not None:
        q &= Q(submitted_on__gte=period_start)
    if period_end is not None:
        q &= Q(submitted_on__lte=period_end)
    return q


def _case_figures(department) -> dict:
    answered, rated = answered_counted(department), rated_counted(department)
    return {
        "cases": Count("id"),
        "window_on_time": Count("id", filter=Q(window_on_time=True)),
        "answered": Count("id", filter=answered),
        "on_time": Count("id", filter=answered & Q(on_time=True)),
        "early": Count("id", filter=answered & Q(early=True)),
        "handling": Avg("handling_days", filter=answered),
        "rated": Count("id", filter=rated),
        "resolved": Count("id", filter=rated & Q(resolved=True)),
        "satisfied": Count("id", filter=rated & Q(satisfaction__in=SATISFIED_LEVELS)),
        "rehandled": Count("id", filter=rated & Q(rehandle_count__gte=1)),
        "transfers": Sum("transfers"),
    }


def _arrival_figures(as_of: datetime.date) -> dict:
    return {
        "arrivals": Count("id"),
        "response_counted": Count("id", filter=response_counted(as_of)),
        "signed_in_time": Count("id", filter=Q(signed_in_time=True)),
        "returned": Count("id", filter=Q(returned_at__isnull=False)),
        "transferred_out": Count("id", filter=Q(transferred_out=True)),
        "arrived_cases": Count("case", distinct=True),
    }


def _metrics(case: dict, arrival: dict, *, credited: bool) -> AppealMetrics:
    """Combine the case figures and the arrival figures of one scope (or group)."""
    volume = arrival.get("arrived_cases", 0) if credited else case.get("cases", 0)
    transfers = arrival.get("transferred_out", 0) if credited else case.get("transfers") or 0
    return AppealMetrics(
        volume=volume,
        window_on_time=Rate(0, 0)
        if credited
        else Rate(case.get("window_on_time", 0), case.get("cases", 0)),
        response_rate=Rate(arrival.get("signed_in_time", 0), arrival.get("response_counted", 0)),
        on_time=Rate(case.get("on_time", 0), case.get("answered", 0)),
        early_completion=Rate(case.get("early", 0), case.get("answered", 0)),
        resolution=Rate(case.get("resolved", 0), case.get("rated", 0)),
        satisfaction=Rate(case.get("satisfied", 0), case.get("rated", 0)),
        rehandling=Rate(case.get("rehandled", 0), case.get("rated", 0)),
        return_rate=Rate(arrival.get("returned", 0), arrival.get("arrivals", 0)),
        transfer_rate=Rate(arrival.get("transferred_out", 0), arrival.get("arrivals", 0)),
        transfers_per_case=transfers / volume if volume else None,
        average_handling_days=case.get("handling"),
    )


def _pk(obj):
    return getattr(obj, "pk", obj)


def appeal_metrics(
    *,
    park=None,
    department=None,
    category=None,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    as_of: datetime.date | None = None,
) -> AppealMetrics:
    """The metrics of the appeals in scope, as of the end of `as_of` (default: today)."""
    department = _pk(department)
    scope = scope_filter(
        park=park, category=category, period_start=period_start, period_end=period_end
    )
    arrivals = CaseArrival.objects.filter(scope)
    if department is not None:
        arrivals = arrivals.filter(department=department)
    return _metrics(
        Case.objects.filter(scope).aggregate(**_case_figures(department)),
        arrivals.aggregate(**_arrival_figures(as_of or timezone.localdate())),
        credited=department is not None,
    )


def metrics_by(
    dimension: str, *, as_of: datetime.date | None = None, **filters
) -> list[MetricsRow]:
    """The metrics per park, department, category or month (of submission), ordered by label.

    `filters` are those of `appeal_metrics`. A department row credits that department as the
    module docstring says; departments appear when a case in scope arrived there.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    as_of = as_of or timezone.localdate()
    department = _pk(filters.pop("department", None))
    scope = scope_filter(**filters)
    cases, arrivals = Case.objects.filter(scope), CaseArrival.objects.filter(scope)
    if department is not None:
        arrivals = arrivals.filter(department=department)
    arrival_rows = _grouped(arrivals, _key(dimension, "department"), _arrival_figures(as_of))
    if dimension == "department":
        case_rows = _grouped(cases, "answered_department", _case_figures(None))
        ratings = _grouped(cases, "rated_department", _case_figures(None))
        for key, figures in case_rows.items():
            figures.update({k: ratings.get(key, {}).get(k, 0) for k in RATING_FIGURES})
        for key in ratings.keys() - case_rows.keys():
            case_rows[key] = {k: ratings[key][k] for k in RATING_FIGURES}
        keys = set(arrival_rows) if department is None else set(arrival_rows) & {department}
    else:
        case_rows = _grouped(cases, _key(dimension, ""), _case_figures(department))
        keys = set(arrival_rows) if department is not None else set(case_rows)
    labels = LABELS[dimension](keys)
    rows = [
        MetricsRow(
            key=key,
            label=labels.get(key, str(key)),
            metrics=_metrics(
                case_rows.get(key, {}),
                arrival_rows.get(key, {}),
                credited=dimension == "department" or department is not None,
            ),
        )
        for key in keys
    ]
    return sorted(rows, key=lambda row: row.label)


RATING_FIGURES = ("rated", "resolved", "satisfied", "rehandled")


def _key(dimension: str, department_field: str):
    if dimension == "month":
        return TruncMonth("submitted_on")
    return department_field if dimension == "department" else dimension


def _grouped(rows: QuerySet, key, figures: dict) -> dict:
    """{key: figures} of `rows` grouped by `key` (a foreign key's name or an expression)."""
    if isinstance(key, str):
        name, values = f"{key}_id", rows.order_by().values(f"{key}_id")
    else:
        name, values = "group", rows.order_by().annotate(group=key).values("group")
    result = {}
    for row in values.annotate(**figures):
        group = row.pop(name)
        if group is not None:
            result[group] = row
    return result


def _labels_of(model) -> Callable[[Iterable], dict]:
    return lambda keys: {pk: str(obj) for pk, obj in model.objects.in_bulk(list(keys)).items()}


LABELS: dict[str, Callable[[Iterable], dict]] = {
    "park": _labels_of(Park),
    "department": _labels_of(Department),
    "category": _labels_of(AppealCategory),
    "month": lambda keys: {month: f"{month:%Y-%m}" for month in keys},
}
