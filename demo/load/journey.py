"""One appeal's journey (DESIGN.md) through the window and the department, with the detours real
appeals take (补正, 转办, 退单 and re-dispatch, 补充材料 pauses, extensions, 重办), on a clock of
office hours and working days, cut off at the present."""

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from demo.appeals.texts import EXTENSION_REASONS, REHANDLE_PREFIX, RESUBMIT_NOTES
from onewindow.models import Case, CaseArrival, ExtensionRequest, WindowRecord

from .days import ONE_SECOND, Days
from .world import Category, Hub, LoadPark

Outcome = WindowRecord.Outcome
Status = Case.Status
Kind = CaseArrival.Kind
RUNNING = (Status.DISPATCHED, Status.IN_PROGRESS)


class Later(Exception):
    """The next step would happen after now: the appeal stays where it is."""


@dataclass
class CaseState:
    """The hub's case of an accepted appeal, as its steps leave it."""

    department: int
    dispatched_at: datetime.datetime
    due: datetime.date
    status: str = Status.DISPATCHED
    arrivals: list[list[Any]] = field(default_factory=list)  # kind, dept, arrived, signed, back
    answers: list[tuple[int, str, datetime.datetime, datetime.date]] = field(default_factory=list)
    pauses: list[list[Any]] = field(default_factory=list)  # started, ended, working days
    extensions: list[list[Any]] = field(default_factory=list)
    paused_on: datetime.date | None = None
    is_overdue: bool = False
    rating: tuple[bool, int, datetime.datetime, int] | None = None  # resolved, level, at, dept
    rehandle_count: int = 0
    closed_at: datetime.datetime | None = None


@dataclass
class Story:
    """One appeal from submission to its last rating, cut off at the present."""

    number: int
    submitted_at: datetime.datetime
    category: Category
    title: str
    description: str
    answer_text: str
    enterprise: tuple[str, str]
    window_due: datetime.date
    last: datetime.datetime
    outcome: str = Outcome.PENDING
    acted_at: datetime.datetime | None = None
    staff: tuple[int, str] | None = None
    returned_count: int = 0
    rating: tuple[bool, int] | None = None
    case: CaseState | None = None


class Journey:
    """Plays stories through the window and the department, as `demo.appeals.journey` does
    through the real services, with the same odds (about a quarter answered early)."""

    def __init__(self, *, days: Days, hub: Hub, now: datetime.datetime, rng: random.Random):
        self.days, self.hub, self.rng = days, hub, rng
        self.ceiling = timezone.localtime(now) - datetime.timedelta(minutes=1)
        self.today = self.ceiling.date()
        self.tz = self.ceiling.tzinfo
        self.rating_wait = datetime.timedelta(days=settings.APPEAL_RATING_DAYS)

    def play(self, story: Story, park: LoadPark) -> None:
        try:
            self._window(story, park)
            if story.case is not None:
                self._department(story)
        except Later:
            pass
        case = story.case
        if case is not None and case.status in RUNNING and case.due < self.today:
            case.is_overdue = True  # as the deadline beat marks it

    # The park window (一窗受理).

    def _window(self, story: Story, park: LoadPark) -> None:
        rng = self.rng
        story.staff = rng.choice(park.staff)
        if rng.random() < 0.06:  # 补正: returned for more information, mostly resubmitted
            story.acted_at = self._move(story, rng.randint(0, 1))
            story.outcome, story.returned_count = Outcome.RETURNED, 1
            if rng.random() < 0.25:
                return
            day = self._move(story, rng.randint(1, 2)).date()
            story.description = f"{story.description}\n{rng.choice(RESUBMIT_NOTES)}"
            story.window_due = self.days.add(day, story.category.window_days)
            story.outcome, story.acted_at = Outcome.PENDING, None
        roll = rng.random()
        moment = self._move(story, rng.choices((0, 1, 2), (60, 35, 5))[0])
        story.acted_at = moment
        if roll < 0.10:  # 窗口直接办结, rated like the department's answers
            story.outcome = Outcome.ANSWERED
            self._move(story, rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0])
            story.rating = self._satisfied()[:2]
        elif roll < 0.16:
            story.outcome = Outcome.REJECTED
        else:
            story.outcome = Outcome.ACCEPTED
            self._dispatch(story, park)

    def _dispatch(self, story: Story, park: LoadPark) -> None:
        accepted = story.last
        moment = min(accepted + self.rng.randint(3, 40) * ONE_SECOND, self.ceiling)
        story.last = max(moment, accepted)
        department = park.routes[story.category.pk]
        story.case = CaseState(
            department=department,
            dispatched_at=story.last,
            due=self.days.add(story.last.date(), story.category.department_days),
            arrivals=[[Kind.DISPATCH, department, story.last, None, None]],
        )

    # The department (部门办理).

    def _department(self, story: Story) -> None:
        rng = self.rng
        roll = rng.random() if len(self.hub.departments) > 1 else 1.0  # 转办, 退单 need another
        if roll < 0.07:
            self._transfer(story)
        elif roll < 0.11:
            self._return(story)
        else:
            self._sign(story, rng.choices((0, 1, 2), (60, 32, 8))[0])
        roll = rng.random()
        if roll < 0.12:
            self._pause(story)
        elif roll < 0.20:
            self._extension(story)
        self._answer(story, early=0.24, text=story.answer_text)
        self._rate(story)

    def _sign(self, story: Story, gap: int) -> None:
        case = case_of(story)
        case.arrivals[-1][3] = self._move(story, gap)
        case.status = Status.IN_PROGRESS

    def _transfer(self, story: Story) -> None:
        case = case_of(story)
        if self.rng.random() < 0.5:
            self._sign(story, 0)
        moment = self._move(story, self.rng.randint(0, 1))
        case.department = self.hub.elsewhere(story.category, case.department, self.rng)
        case.arrivals.append([Kind.TRANSFER, case.department, moment, None, None])
        case.status = Status.DISPATCHED
        self._sign(story, self.rng.randint(0, 1))

    def _return(self, story: Story) -> None:
        """退单, then a district admin re-dispatches it: a new department clock."""
        case = case_of(story)
        if self.rng.random() < 0.5:
            self._sign(story, 0)
        case.arrivals[-1][4] = self._move(story, self.rng.randint(0, 1))
        case.status = Status.RETURNED
        moment = self._move(story, self.rng.randint(0, 1))
        case.department = self.hub.elsewhere(story.category, case.department, self.rng)
        case.arrivals.append([Kind.REDISPATCH, case.department, moment, None, None])
        case.dispatched_at, case.is_overdue = moment, False
        case.due = self.days.add(moment.date(), story.category.department_days)
        case.status = Status.DISPATCHED
        self._sign(story, self.rng.randint(0, 1))

    def _pause(self, story: Story) -> None:
        """补充材料: the clock stands still until the reply, the due date moves by the pause."""
        case = case_of(story)
        asked = self._move(story, self.rng.randint(1, 2)).date()
        pause: list[Any] = [asked, None, 0]
        case.pauses.append(pause)
        case.status, case.paused_on = Status.INFO_REQUESTED, asked
        replied = self._move(story, self.rng.randint(1, 3)).date()
        pause[1] = replied
        pause[2] = self.days.between(asked, replied)
        if pause[2]:
            case.due = self.days.add(case.due, pause[2])
        case.status, case.paused_on = Status.IN_PROGRESS, None

    def _extension(self, story: Story) -> None:
        """延期: asked by the department's liaison, decided by a district admin."""
        case = case_of(story)
        liaison = self.hub.liaisons.get(case.department)
        if liaison is None or self.hub.admin is None:
            return
        requested = self._move(story, self.rng.randint(1, 3))
        extra = self.rng.randint(3, 5)
        request = [case.department, liaison, extra, self.rng.choice(EXTENSION_REASONS)]
        request += [requested, ExtensionRequest.Status.PENDING, None, None, "", None]
        case.extensions.append(request)
        decided = self._move(story, self.rng.randint(0, 1))
        request[6], request[7] = self.hub.admin, decided
        if self.rng.random() < 0.75:
            case.due = self.days.add(case.due, extra)
            case.is_overdue = case.due < decided.date()
            request[5], request[8] = (
                ExtensionRequest.Status.APPROVED,
                "同意延期，请在新的时限内办结。",
            )
            request[9] = case.due
        else:
            request[5], request[8] = (
                ExtensionRequest.Status.DENIED,
                "事项较为简单，请按原时限办结。",
            )

    def _answer(self, story: Story, *, early: float, text: str) -> None:
        case = case_of(story)
        day = self._answer_day(story, early)
        moment = self._at(story, day)
        if case.status == Status.DISPATCHED:  # case_answer signs for the liaison first
            case.arrivals[-1][3] = moment
        case.answers.append((case.department, text, moment, case.due))
        case.is_overdue = case.is_overdue or day > case.due
        for request in case.extensions:
            if request[5] == ExtensionRequest.Status.PENDING:
                request[5], request[7] = ExtensionRequest.Status.WITHDRAWN, moment
        case.status = Status.ANSWERED

    def _answer_day(self, story: Story, early: float) -> datetime.date:
        """Mostly on the due date in force, about a quarter early, a few late."""
        due, last = case_of(story).due, story.last.date()
        roll = self.rng.random()
        if roll < early:
            day = self.days.pick(self.rng, last, due) if last < due else None
            if day is not None:
                return day
        elif roll > 0.96:
            return self.days.add(due, self.rng.randint(1, 3))
        return max(due, last)

    def _rate(self, story: Story) -> None:
        """评价: satisfied and closed; rarely dissatisfied, re-handled (重办) and answered again;
        or never rated and closed after APPEAL_RATING_DAYS."""
        case = case_of(story)
        if self.rng.random() < 0.06:
            return self._close_unrated(story)
        moment = self._move(story, self.rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0])
        if self.rng.random() < 0.006:
            rated_department = case.answers[-1][0]
            case.rating = (False, self.rng.choice((4, 4, 5)), moment, rated_department)
            case.rehandle_count += 1
            case.due = self.days.add(moment.date(), story.category.department_days)
            case.status, case.is_overdue = Status.IN_PROGRESS, False
            self._answer(story, early=0.4, text=f"{REHANDLE_PREFIX}{story.answer_text}")
            if self.rng.random() < 0.3:
                return self._close_unrated(story)
            moment = self._move(story, self.rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0])
        resolved, level = self._satisfied()
        case.rating = (resolved, level, moment, case.answers[-1][0])
        case.status, case.closed_at = Status.CLOSED, moment

    def _close_unrated(self, story: Story) -> None:
        case = case_of(story)
        moment = case.answers[-1][2] + self.rating_wait + self.rng.randint(1, 59) * 60 * ONE_SECOND
        if moment > self.ceiling:
            raise Later
        story.last = moment
        case.status, case.closed_at = Status.CLOSED, moment

    def _satisfied(self) -> tuple[bool, int]:
        level = self.rng.choices((1, 2, 3), (74, 21, 5))[0]
        return level < 3 or self.rng.random() < 0.5, level

    # The clock: office hours on working days, never past now.

    def _move(self, story: Story, gap: int) -> datetime.datetime:
        """On `gap` working days (0: later the same day, if the office is still open)."""
        last = story.last
        if gap == 0 and (last.hour >= 17 or not self.days.is_working(last.date())):
            gap = 1
        day = self.days.add(last.date(), gap) if gap else last.date()
        return self._at(story, day)

    def _at(self, story: Story, day: datetime.date) -> datetime.datetime:
        last = story.last
        if day > last.date() or last.hour < 8:
            moment = self.office_hours(day)
        else:
            moment = last + self.rng.randint(5, 50) * 60 * ONE_SECOND
        moment = max(moment, last + ONE_SECOND)
        if moment > self.ceiling:
            raise Later
        story.last = moment
        return moment

    def office_hours(self, day: datetime.date) -> datetime.datetime:
        start = datetime.datetime.combine(day, datetime.time(9), tzinfo=self.tz)
        return start + self.rng.randint(0, 420 * 60) * ONE_SECOND


def case_of(story: Story) -> CaseState:
    """The story's case: the department steps come after the window accepted the appeal."""
    assert story.case is not None  # nosec B101 - narrows the type; set when the window accepted
    return story.case
