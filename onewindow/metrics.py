"""Appeal metrics of the district hub (诉求办理指标), as published in DESIGN.md "Metrics".

Read-side only. One query per table (cases, their arrivals, their first answers, the calendar
overrides) loads what the cases in scope need; the counting happens in Python because working
days come from the official calendar, which the database does not know.

Scope: the period of an appeal is the month it was submitted, so `period_start`/`period_end`
bound the local (Asia/Shanghai) date of `Case.submitted_at`; `park` and `category` filter the
case. A `department` is credited as DESIGN.md says ("attribution"):

- each arrival at the department (dispatch, re-dispatch after 退单, transfer in) counts once for
  its response and return rates; its volume is the cases that arrived there at least once;
- on-time, early completion and handling days count the first answer, for the department that
  gave it;
- resolution, satisfaction and re-handling count the last rating, for the department whose
  answer it rated (`Case.rated_department`);
- transfers per case counts the transfers the department made (转出) over its volume;
- the window on-time rate belongs to the park window and is never credited to a department.
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from core.rates import Rate
from core.workdays import WorkingCalendar
from tenants.models import Park

from .models import AppealCategory, Case, CaseAnswer, CaseArrival, Department

SATISFIED_LEVELS = (1, 2, 3)  # 非常满意, 满意, 基本满意 (GB/T 39734)
CLOCK_STARTS = (CaseArrival.Kind.DISPATCH, CaseArrival.Kind.REDISPATCH)
CASE_FIELDS = (
    "park",
    "category",
    "submitted_at",
    "window_due",
    "accepted_at",
    "dispatched_at",
    "resolved",
    "satisfaction",
    "rated_at",
    "rated_department",
    "rehandle_count",
)


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
    - transfers_per_case 平均转办次数: transfers (转办) / cases; None without cases
    - average_handling_days 平均办理工作日: mean working days of the department clock (from the
      last dispatch or re-dispatch before the first answer, transfers keeping the clock) to the
      first answer, pauses included; None without answers
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
    transfers_per_case: float | None
    average_handling_days: float | None


@dataclass(frozen=True)
class MetricsRow:
    """One value of a dimension: a park, department or category pk, or a month's first day."""

    key: int | datetime.date
    label: str
    metrics: AppealMetrics


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
    cases = _cases_in_scope(
        park=park,
        department=department,
        category=category,
        period_start=period_start,
        period_end=period_end,
    )
    return _measure(
        cases,
        department_id=_pk(department),
        calendar=WorkingCalendar.load(),
        as_of=as_of or timezone.localdate(),
    )


def metrics_by(
    dimension: str, *, as_of: datetime.date | None = None, **filters
) -> list[MetricsRow]:
    """The metrics per park, department, category or month (of submission), ordered by label.

    `filters` are those of `appeal_metrics`. A department row credits that department as the
    module docstring says; departments appear when a case in scope arrived there.
    """
    if dimension not in LABELS:
        raise ValueError(f"unknown dimension {dimension!r}")
    cases = _cases_in_scope(**filters)
    calendar, as_of = WorkingCalendar.load(), as_of or timezone.localdate()
    only = _pk(filters.get("department"))
    if dimension == "department":
        groups = {pk: (cases, pk) for pk in _departments_reached(cases, only)}
    else:
        groups = {key: (group, only) for key, group in _group(cases, GROUP_KEYS[dimension])}
    labels = LABELS[dimension](groups.keys())
    rows = [
        MetricsRow(
            key=key,
            label=labels[key],
            metrics=_measure(group, department_id=credited, calendar=calendar, as_of=as_of),
        )
        for key, (group, credited) in groups.items()
    ]
    return sorted(rows, key=lambda row: row.label)


def _cases_in_scope(
    *, park=None, department=None, category=None, period_start=None, period_end=None
) -> list[Case]:
    cases = Case.objects.only(*CASE_FIELDS)
    if park is not None:
        cases = cases.filter(park=park)
    if category is not None:
        cases = cases.filter(category=category)
    if department is not None:
        arrived = CaseArrival.objects.filter(case=OuterRef("pk"), department=department)
        cases = cases.filter(Exists(arrived))
    if period_start is not None:
        cases = cases.filter(submitted_at__gte=_start_of(period_start))
    if period_end is not None:
        cases = cases.filter(submitted_at__lt=_start_of(period_end + datetime.timedelta(days=1)))
    first_answers = CaseAnswer.objects.order_by("case_id", "answered_at", "id").distinct("case_id")
    return list(
        cases.order_by("id").prefetch_related(
            Prefetch("arrivals", queryset=CaseArrival.objects.order_by("arrived_at", "id")),
            Prefetch("answers", queryset=first_answers, to_attr="first_answers"),
        )
    )


def _measure(
    cases: list[Case], *, department_id, calendar: WorkingCalendar, as_of: datetime.date
) -> AppealMetrics:
    if department_id is not None:
        cases = [c for c in cases if department_id in {a.department_id for a in c.arrivals.all()}]
    arrivals = [a for c in cases for a in c.arrivals.all() if _ours(a, department_id)]
    answered = [
        (c, answer)
        for c in cases
        if (answer := _first_answer(c)) is not None and _ours(answer, department_id)
    ]
    answers = [answer for _c, answer in answered]
    rated = [c for c in cases if c.rated_at is not None and _rated_ours(c, department_id)]
    return AppealMetrics(
        volume=len(cases),
        window_on_time=_window_on_time(cases, department_id),
        response_rate=_response_rate(arrivals, calendar, as_of),
        on_time=_rate(answers, _answered_on_time),
        early_completion=_rate(answers, _answered_early),
        resolution=_rate(rated, lambda case: case.resolved is True),
        satisfaction=_rate(rated, lambda case: case.satisfaction in SATISFIED_LEVELS),
        rehandling=_rate(rated, lambda case: case.rehandle_count >= 1),
        return_rate=_rate(arrivals, lambda arrival: arrival.returned_at is not None),
        transfers_per_case=_mean([_transfers_made(c, department_id) for c in cases]),
        average_handling_days=_mean([_handling_days(c, a, calendar) for c, a in answered]),
    )


def _window_on_time(cases: list[Case], department_id) -> Rate:
    """窗口按时受理率. The window clock is the park window's, so no department is credited."""
    if department_id is not None:
        return Rate(0, 0)
    return _rate(cases, lambda case: _day(case.accepted_at) <= case.window_due)


def _response_rate(arrivals: list[CaseArrival], calendar, as_of: datetime.date) -> Rate:
    """响应率: signed for by the end of the first working day after the arrival. An arrival not
    signed for yet is left out until that day has ended: it has not failed yet."""
    signed = counted = 0
    for arrival in arrivals:
        deadline = calendar.add_working_days(_day(arrival.arrived_at), 1)
        if arrival.signed_at is None and deadline >= as_of:
            continue
        counted += 1
        signed += arrival.signed_at is not None and _day(arrival.signed_at) <= deadline
    return Rate(signed, counted)


def _answered_on_time(answer: CaseAnswer) -> bool:
    """按时办结: answered on or before the due date in force (extensions and pauses included)."""
    return _day(answer.answered_at) <= answer.due_date


def _answered_early(answer: CaseAnswer) -> bool:
    """提前办结: answered on a date before the due date in force."""
    return _day(answer.answered_at) < answer.due_date


def _transfers_made(case: Case, department_id) -> int:
    """转办 of this case; for a department, those it made (the arrival before a transfer)."""
    return sum(
        after.kind == CaseArrival.Kind.TRANSFER and _ours(before, department_id)
        for before, after in itertools.pairwise(case.arrivals.all())
    )


def _first_answer(case: Case) -> CaseAnswer | None:
    # Prefetched by _cases_in_scope (Prefetch to_attr): an attribute the stubs cannot know.
    first_answers: list[CaseAnswer] = case.first_answers  # type: ignore[attr-defined]
    return first_answers[0] if first_answers else None


def _handling_days(case: Case, answer: CaseAnswer, calendar: WorkingCalendar) -> int:
    """Working days on the department clock up to the case's first answer. The clock starts at
    the last dispatch or re-dispatch before that answer; a transfer keeps it running."""
    starts = [
        arrival.arrived_at
        for arrival in case.arrivals.all()
        if arrival.kind in CLOCK_STARTS and arrival.arrived_at <= answer.answered_at
    ]
    started = max(starts, default=case.dispatched_at)
    return calendar.working_days_between(_day(started), _day(answer.answered_at))


def _departments_reached(cases: list[Case], only) -> list[int]:
    reached = {a.department_id for c in cases for a in c.arrivals.all()}
    return sorted(reached if only is None else reached & {only})


def _group(cases: list[Case], key_of: Callable[[Case], object]):
    groups = defaultdict(list)
    for case in cases:
        groups[key_of(case)].append(case)
    return groups.items()


def _labels_of(model) -> Callable[[Iterable], dict]:
    return lambda keys: {pk: str(obj) for pk, obj in model.objects.in_bulk(list(keys)).items()}


GROUP_KEYS: dict[str, Callable[[Case], object]] = {
    "park": lambda case: case.park_id,
    "category": lambda case: case.category_id,
    "month": lambda case: _day(case.submitted_at).replace(day=1),
}
LABELS: dict[str, Callable[[Iterable], dict]] = {
    "park": _labels_of(Park),
    "department": _labels_of(Department),
    "category": _labels_of(AppealCategory),
    "month": lambda keys: {month: f"{month:%Y-%m}" for month in keys},
}


T = TypeVar("T")


def _rate(items: list[T], counts: Callable[[T], bool]) -> Rate:
    return Rate(sum(1 for item in items if counts(item)), len(items))


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _ours(row, department_id) -> bool:
    return department_id is None or row.department_id == department_id


def _rated_ours(case: Case, department_id) -> bool:
    return department_id is None or case.rated_department_id == department_id


def _day(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment)


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _pk(obj):
    return getattr(obj, "pk", obj)
