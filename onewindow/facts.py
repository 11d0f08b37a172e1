"""The appraisal facts of a case (考核要素), as DESIGN.md "Metrics" defines them.

One function, `case_facts`, computes them from what the case holds (its arrivals, answers and
pauses); the case page shows its result and `case_facts_store` writes it onto the case and its
arrivals whenever the lifecycle changes the case. Every dashboard figure is then a SQL aggregate
over these columns (`onewindow.metrics`), and `manage.py rebuild_facts` recomputes them all
with the same function.

- window on time: accepted on or before the window due date (the park window's, not a
  department's);
- an arrival (dispatch, re-dispatch after 退单, transfer in) must be signed for by the end of the
  first working day after it (`sign_by`); `signed_in_time` is None while it is not signed;
  `transferred_out` when the department passed it on (转办);
- the first answer counts for on time (on or before the due date in force then), early (before
  it) and handling days, for the department that gave it (`answered_department`);
- handling days: the working days after the clock's start day (the last dispatch or re-dispatch
  before the first answer; a transfer keeps the clock) up to and including the day of the first
  answer, minus the working days paused waiting for the enterprise in that clock.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.workdays import WorkingCalendar

from .models import Case, CaseAnswer, CaseArrival, CasePause

CLOCK_STARTS = (CaseArrival.Kind.DISPATCH, CaseArrival.Kind.REDISPATCH)
KEYWORDS_PER_CASE = 8

# Words that every appeal uses (企业/申请/咨询 …) say nothing about what it is about.
STOP_WORDS = frozenset(
    {
        "企业",
        "我司",
        "公司",
        "本公司",
        "我们",
        "咨询",
        "问题",
        "申请",
        "办理",
        "情况",
        "相关",
        "进度",
        "希望",
        "如何",
        "是否",
        "怎么",
        "请问",
        "想要",
        "了解",
        "需要",
        "目前",
        "帮助",
        "协调",
        "解决",
        "反映",
        "园区",
        "部门",
        "政府",
        "谢谢",
        "能否",
        "可以",
        "有关",
        "要求",
        "事宜",
        "一下",
    }
)


@dataclass(frozen=True)
class ArrivalFacts:
    """One arrival of the case at a department, as the response, return and transfer rates
    count it."""

    arrival: CaseArrival
    sign_by: datetime.date
    signed_in_time: bool | None
    transferred_out: bool

    @property
    def returned(self) -> bool:
        return self.arrival.returned_at is not None


@dataclass(frozen=True)
class CaseFacts:
    """What the appraisal counts of one case; shown on the case page, stored for the
    dashboards."""

    submitted_on: datetime.date
    window_on_time: bool
    clock_started_at: datetime.datetime | None
    paused_days: int
    pauses: tuple[CasePause, ...]
    first_answer: CaseAnswer | None
    on_time: bool | None
    early: bool | None
    handling_days: int | None
    transfers: int
    arrivals: tuple[ArrivalFacts, ...]

    @property
    def answered_department_id(self) -> int | None:
        return self.first_answer.department_id if self.first_answer else None

    @property
    def first_answer_due(self) -> datetime.date | None:
        return self.first_answer.due_date if self.first_answer else None


def case_facts(case: Case, calendar: WorkingCalendar | None = None) -> CaseFacts:
    """The appraisal facts of `case` from its arrivals, first answer and pauses (4 queries)."""
    calendar = calendar or WorkingCalendar.load()
    arrivals = list(case.arrivals.select_related("department").order_by("arrived_at", "id"))
    first_answer = case.answers.select_related("department").order_by("answered_at", "id").first()
    pauses = tuple(case.pauses.order_by("started_on", "id"))
    clock = _clock_start(case, arrivals, first_answer)
    paused = _paused_days(pauses, since=_day(clock), until=_day_or_none(first_answer))
    handling = on_time = early = None
    if first_answer is not None:
        answered_on = _day(first_answer.answered_at)
        handling = max(calendar.working_days_between(_day(clock), answered_on) - paused, 0)
        on_time = answered_on <= first_answer.due_date
        early = answered_on < first_answer.due_date
    return CaseFacts(
        submitted_on=_day(case.submitted_at),
        window_on_time=_day(case.accepted_at) <= case.window_due,
        clock_started_at=clock,
        paused_days=paused,
        pauses=pauses,
        first_answer=first_answer,
        on_time=on_time,
        early=early,
        handling_days=handling,
        transfers=sum(a.kind == CaseArrival.Kind.TRANSFER for a in arrivals),
        arrivals=tuple(_arrival_facts(arrivals, calendar)),
    )


def _clock_start(
    case: Case, arrivals: list[CaseArrival], first_answer: CaseAnswer | None
) -> datetime.datetime:
    """The start of the department clock the first answer counts (or of the running one)."""
    starts = [
        a.arrived_at
        for a in arrivals
        if a.kind in CLOCK_STARTS
        and (first_answer is None or a.arrived_at <= first_answer.answered_at)
    ]
    return max(starts, default=case.dispatched_at)


def _paused_days(
    pauses: tuple[CasePause, ...], *, since: datetime.date, until: datetime.date | None
) -> int:
    """Working days paused in the clock started `since`, up to the first answer (`until`)."""
    return sum(
        pause.working_days
        for pause in pauses
        if pause.ended_on is not None
        and pause.started_on >= since
        and (until is None or pause.ended_on <= until)
    )


def _arrival_facts(arrivals: list[CaseArrival], calendar: WorkingCalendar) -> list[ArrivalFacts]:
    facts = []
    for index, arrival in enumerate(arrivals):
        sign_by = calendar.add_working_days(_day(arrival.arrived_at), 1)
        following = arrivals[index + 1] if index + 1 < len(arrivals) else None
        facts.append(
            ArrivalFacts(
                arrival=arrival,
                sign_by=sign_by,
                signed_in_time=None
                if arrival.signed_at is None
                else _day(arrival.signed_at) <= sign_by,
                transferred_out=following is not None
                and following.kind == CaseArrival.Kind.TRANSFER,
            )
        )
    return facts


def case_keywords(title: str, description: str) -> list[str]:
    """The words that say what the case is about (jieba TF-IDF), without the filler words."""
    # Imported when first needed: jieba.analyse loads its IDF table (~100 MB) on import, which
    # only the processes that receive cases (the worker, commands) should pay for, not web.
    import jieba.analyse  # noqa: PLC0415 - see above

    words = jieba.analyse.extract_tags(f"{title}。{description}", topK=KEYWORDS_PER_CASE * 2)
    kept = [w for w in words if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()]
    return [w[:20] for w in kept[:KEYWORDS_PER_CASE]]


CASE_FACT_FIELDS = (
    "submitted_on",
    "window_on_time",
    "clock_started_at",
    "paused_days",
    "answered_department_id",
    "first_answer_due",
    "on_time",
    "early",
    "handling_days",
    "transfers",
)
ARRIVAL_FACT_FIELDS = (
    "park_id",
    "category_id",
    "submitted_on",
    "sign_by",
    "signed_in_time",
    "transferred_out",
)


def case_facts_store(
    case: Case, calendar: WorkingCalendar | None = None, *, keywords: bool = False
) -> CaseFacts:
    """Compute the case's facts and write them onto the case and its arrivals (in the caller's
    transaction). Keywords are segmented once, when the case has none, or when asked."""
    facts = case_facts(case, calendar)
    values: dict[str, object] = {name: getattr(facts, name) for name in CASE_FACT_FIELDS}
    if keywords or not case.keywords:
        values["keywords"] = case_keywords(case.title, case.description)
    # Most moves change no fact (a rating, a sign-for after the day): no write, no index churn.
    changed = {name: value for name, value in values.items() if getattr(case, name) != value}
    for name, value in changed.items():
        setattr(case, name, value)
    if changed:
        Case.objects.filter(pk=case.pk).update(**changed)
    arrivals_changed = []
    for item in facts.arrivals:
        arrival = item.arrival
        new = (
            case.park_id,
            case.category_id,
            facts.submitted_on,
            item.sign_by,
            item.signed_in_time,
            item.transferred_out,
        )
        if tuple(getattr(arrival, name) for name in ARRIVAL_FACT_FIELDS) != new:
            for name, value in zip(ARRIVAL_FACT_FIELDS, new, strict=True):
                setattr(arrival, name, value)
            arrivals_changed.append(arrival)
    if arrivals_changed:
        CaseArrival.objects.bulk_update(
            arrivals_changed, [f.removesuffix("_id") for f in ARRIVAL_FACT_FIELDS]
        )
    return facts


def case_facts_rebuild(*, batch: int = 500, progress=None) -> int:
    """Recompute the facts of every case (`manage.py rebuild_facts`); returns how many."""
    calendar = WorkingCalendar.load()
    ids = list(Case.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            for case in Case.objects.filter(id__in=ids[start : start + batch]):
                case_facts_store(case, calendar, keywords=True)
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids))
    return len(ids)


def _day(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment)


def _day_or_none(answer: CaseAnswer | None) -> datetime.date | None:
    return _day(answer.answered_at) if answer is not None else None
