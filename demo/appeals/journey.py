"""One demo appeal's journey, played through the real services on the simulated clock."""

import datetime
import uuid
from typing import cast

from django.conf import settings
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import User
from appeals.models import Appeal, OutboxMessage
from appeals.services.intake import appeal_resubmit, appeal_submit
from appeals.services.journey import appeal_reply_info
from appeals.services.outbox import outbox_deliver
from appeals.services.rating import appeal_close_unrated, appeal_rate
from appeals.services.window import (
    appeal_accept,
    appeal_answer_at_window,
    appeal_reject,
    appeal_return,
)
from enterprises.models import Enterprise
from onewindow.models import Case, Department, ExtensionRequest, ParkMessage
from onewindow.services.cases import (
    case_answer,
    case_redispatch,
    case_request_info,
    case_return,
    case_sign,
    case_transfer,
)
from onewindow.services.deadlines import case_mark_overdue, case_remind
from onewindow.services.extensions import extension_approve, extension_deny, extension_request
from onewindow.services.outbox import park_message_deliver

from .texts import (
    ALSO_RESPONSIBLE,
    COMPLAINTS,
    EXTENSION_REASONS,
    FAIR,
    INFO_QUESTIONS,
    INFO_REPLIES,
    MISROUTED_REASONS,
    ONE_DAY,
    PRAISE,
    REHANDLE_PREFIX,
    REJECT_REASONS,
    RESUBMIT_NOTES,
    RETURN_REASONS,
)
from .world import _World


class _Journey:
    """One appeal's story, played through the services step by step on the simulated clock."""

    def __init__(self, world: _World, *, enterprise: Enterprise, topic: tuple, key: uuid.UUID):
        self.w, self.rng, self.clock = world, world.rng, world.clock
        self.enterprise, self.key = enterprise, key
        self.category, (self.title, self.description, self.answer_text) = topic
        self.appeal: Appeal | None = None
        self.case: Case | None = None
        self.extension: ExtensionRequest | None = None
        self.spare = 0  # working days this story may still spend on detours

    def play(self, scenario: str, start: datetime.datetime) -> None:
        self.spare = self.w.calendar.working_days_between(
            timezone.localdate(start), self.w.anchor
        ) - {"closed": 14, "closed_unrated": 20}.get(scenario, 99)
        self.clock.moment = start
        self.submit(at_window=scenario.startswith("closed") and self.rng.random() < 0.05)
        getattr(self, f"_{scenario}")()
        # What the steps did not deliver themselves: the window facts of the last steps.
        self.outbox_deliver()

    # The stories, by the state they leave the appeal in.

    def _submitted(self) -> None:
        pass

    _submitted_overdue = _submitted

    def _returned(self) -> None:
        self.window(appeal_return, gap=self.rng.randint(0, 1), reason=self.pick(RETURN_REASONS))

    def _rejected(self) -> None:
        self.window(appeal_reject, gap=self.rng.randint(0, 1), reason=self.pick(REJECT_REASONS))

    def _window_answered(self) -> None:
        self.window(appeal_answer_at_window, gap=self.rng.randint(0, 1), text=self.answer_text)
        self.rate_satisfied()

    def _dispatched(self) -> None:
        self.accept(gap=self.rng.randint(0, 1))

    def _in_progress(self) -> None:
        self.accept()
        self.sign(gap=self.rng.randint(0, 1))

    def _in_progress_overdue(self) -> None:
        self.accept()
        self.sign(gap=1)
        self.beat(until=self.w.today)

    def _info_requested(self) -> None:
        self._in_progress()
        self.hub(case_request_info, gap=self.rng.randint(1, 2), question=self.pick(INFO_QUESTIONS))

    def _returned_to_hub(self) -> None:
        self.accept()
        if self.rng.random() < 0.5:
            self.sign()
        self.hub(case_return, gap=self.rng.randint(0, 1), reason=self.pick(MISROUTED_REASONS))

    def _extension_pending(self) -> None:
        self._in_progress()
        self.ask_extension(gap=self.rng.randint(1, 2))

    def _transferred(self) -> None:
        self.accept()
        self.transfer(gap=self.rng.randint(0, 1), signed_first=self.rng.random() < 0.5)
        if self.rng.random() < 0.5:
            self.sign(gap=self.rng.randint(0, 1))

    def _answered(self) -> None:
        self._in_progress()
        last = timezone.localdate(self.clock.moment)
        self.answer(day=max(last, self.w.back(self.w.anchor, self.rng.randint(0, 2))))

    def _rehandling(self) -> None:
        self._in_progress()
        last = timezone.localdate(self.clock.moment)
        self.answer(day=self.w.calendar.add_working_days(last, self.rng.randint(2, 3)))
        self.rate_dissatisfied()

    def _closed(self) -> None:
        self.handle()
        self.rate_satisfied()

    def _closed_unrated(self) -> None:
        self.handle()
        with schema_context(self.w.park.schema_name):
            answered_at = Appeal.objects.values_list("answered_at", flat=True).get(
                pk=self.submitted.pk
            )
        # The hourly beat closes what has waited APPEAL_RATING_DAYS for a rating.
        wait = datetime.timedelta(days=settings.APPEAL_RATING_DAYS, minutes=self.rng.randint(1, 59))
        if self.at(cast(datetime.datetime, answered_at) + wait):  # handle() answered it
            appeal_close_unrated(appeal=self.submitted, now=self.clock.moment)
            self.to_hub()

    def _closed_rehandled(self) -> None:
        self.spare = 0  # the second round needs all the time there is
        self.handle()
        self.rate_dissatisfied()
        self.answer(early=0.4, text=f"{REHANDLE_PREFIX}{self.answer_text}")
        self.rate_satisfied()

    def handle(self) -> None:
        """Window to department to answer, with the detours real appeals take."""
        if self.chance(0.08, cost=4):
            self.window(appeal_return, gap=self.rng.randint(0, 1), reason=self.pick(RETURN_REASONS))
            self.resubmit(gap=self.rng.randint(1, 2))
        self.accept(gap=self.rng.choices([0, 1, 2], weights=[60, 35, 5])[0])
        days = self.category.department_deadline_days
        if self.chance(0.07, cost=3):
            self.transfer(gap=self.rng.randint(0, 1), signed_first=self.rng.random() < 0.5)
            self.sign(gap=self.rng.randint(0, 1))
        elif self.chance(0.04, cost=days + 3):
            if self.rng.random() < 0.5:
                self.sign()
            self.hub(case_return, gap=self.rng.randint(0, 1), reason=self.pick(MISROUTED_REASONS))
            self.redispatch(gap=self.rng.randint(0, 1))
            self.sign(gap=self.rng.randint(0, 1))
        else:
            self.sign(gap=self.rng.choices([0, 1, 2], weights=[60, 32, 8])[0])
        if self.chance(0.12, cost=5):
            self.hub(
                case_request_info, gap=self.rng.randint(1, 2), question=self.pick(INFO_QUESTIONS)
            )
            self.reply_info(gap=self.rng.randint(1, 3))
        elif self.chance(0.08, cost=6):
            self.ask_extension(gap=self.rng.randint(1, 3))
            self.decide_extension(gap=self.rng.randint(0, 1), approve=self.rng.random() < 0.75)
        self.answer()

    # Steps: each moves the clock, calls one service, and delivers what it sent.

    def submit(self, *, at_window: bool) -> None:
        self.appeal = appeal_submit(
            enterprise=self.enterprise,
            by=self.w.window if at_window else self.enterprise.account,
            category=self.category,
            title=self.title,
            description=self.description,
            contact_name=self.enterprise.contact_name,
            contact_mobile=self.enterprise.mobile,
            submission_key=self.key,
            at_window=at_window,
        )

    def window(self, service, *, gap: int = 0, **fields) -> None:
        self.step(gap)
        self.appeal = service(appeal=self.appeal, by=self.w.window, **fields)

    def resubmit(self, *, gap: int) -> None:
        self.step(gap)
        self.appeal = appeal_resubmit(
            appeal=self.submitted,
            by=self.enterprise.account,
            category=self.category,
            title=self.title,
            description=f"{self.description}\n{self.pick(RESUBMIT_NOTES)}",
            contact_name=self.enterprise.contact_name,
            contact_mobile=self.enterprise.mobile,
        )

    def accept(self, *, gap: int = 0) -> None:
        self.window(appeal_accept, gap=gap)
        self.to_hub()

    def reply_info(self, *, gap: int) -> None:
        self.step(gap)
        self.appeal = appeal_reply_info(
            appeal=self.submitted, by=self.enterprise.account, text=self.pick(INFO_REPLIES)
        )
        self.to_hub()

    def rate_satisfied(self) -> None:
        level = self.rng.choices([1, 2, 3], weights=[74, 21, 5])[0]
        comment = self.pick(PRAISE) if self.rng.random() < 0.4 else ""
        self.rate(level=level, resolved=level < 3 or self.rng.random() < 0.5, comment=comment)

    def rate_dissatisfied(self) -> None:
        self.rate(
            level=self.rng.choice([4, 4, 4, 5]), resolved=False, comment=self.pick(COMPLAINTS)
        )

    def rate(self, *, level: int, resolved: bool, comment: str) -> None:
        self.step(self.rng.choices([0, 1, 2, 3], weights=[30, 40, 20, 10])[0])
        comment = self.pick(FAIR) if level == 3 else comment
        self.appeal = appeal_rate(
            appeal=self.submitted,
            by=self.enterprise.account,
            resolved=resolved,
            satisfaction=level,
            comment=comment,
        )
        self.to_hub()

    @property
    def submitted(self) -> Appeal:
        """The appeal: play() submits it before any other step."""
        return cast(Appeal, self.appeal)

    @property
    def open_case(self) -> Case:
        """The hub's case: the steps that use it come after the window accepted the appeal."""
        return cast(Case, self.case)

    @property
    def liaison(self) -> User:
        department_id = cast(int, self.open_case.department_id)  # the case is at a department
        return self.w.liaisons[department_id]

    def hub(self, service, *, gap: int = 0, day=None, by=None, **fields):
        self.step(gap, day=day)
        with schema_context("public"):
            done = service(case=self.case, by=by or self.liaison, **fields)
            self.case = Case.objects.select_related("department").get(pk=self.open_case.pk)
        self.to_park()
        return done

    def sign(self, *, gap: int = 0) -> None:
        self.hub(case_sign, gap=gap)

    def transfer(self, *, gap: int, signed_first: bool) -> None:
        if signed_first:
            self.sign()
        target = self.elsewhere()
        reason = f"经核实，该事项属于{target.name}职责范围，转{target.name}办理。"
        self.hub(case_transfer, gap=gap, department=target, reason=reason)

    def redispatch(self, *, gap: int) -> None:
        target = self.elsewhere()
        note = f"经研判，改派{target.name}办理。"
        self.hub(case_redispatch, gap=gap, by=self.w.admin, department=target, note=note)

    def ask_extension(self, *, gap: int) -> None:
        days, reason = self.rng.randint(3, 5), self.pick(EXTENSION_REASONS)
        self.extension = self.hub(extension_request, gap=gap, days=days, reason=reason)

    def decide_extension(self, *, gap: int, approve: bool) -> None:
        self.step(gap)
        note = "同意延期，请在新的时限内办结。" if approve else "事项较为简单，请按原时限办结。"
        with schema_context("public"):
            extension = cast(ExtensionRequest, self.extension)  # ask_extension() came first
            if approve:
                extension_approve(extension=extension, by=self.w.admin, note=note)
            else:
                extension_deny(extension=extension, by=self.w.admin, reason=note)
            self.case = Case.objects.select_related("department").get(pk=self.open_case.pk)
        self.to_park()

    def answer(self, *, day=None, early: float = 0.24, text: str = "") -> None:
        day = day or self.answer_day(early=early)
        self.beat(until=day)
        self.hub(case_answer, day=day, text=text or self.answer_text)

    def answer_day(self, *, early: float) -> datetime.date:
        """Mostly on the due date in force, about a quarter early, a few late."""
        due, last = self.open_case.due_date, timezone.localdate(self.clock.moment)
        roll = self.rng.random()
        if roll < early:
            span = (due - last).days
            days = [last + ONE_DAY * n for n in range(max(span, 0))]
            days = [d for d in days if self.w.calendar.is_working_day(d)]
            if days:
                return self.rng.choice(days)
        elif roll > 0.95 and self.chance(1, cost=3):
            return self.w.calendar.add_working_days(due, self.rng.randint(1, 3))
        return max(due, last)

    def beat(self, *, until: datetime.date) -> None:
        """What the deadline beat did while the case waited: remind, then mark it overdue."""
        due = self.open_case.due_date
        if until >= self.w.back(due, 1) and self.at(self.w.night(self.w.back(due, 1))):
            with schema_context("public"):
                case_remind(case=self.open_case)
        if until > due and self.at(self.w.night(due + ONE_DAY)):
            with schema_context("public"):
                case_mark_overdue(case=self.open_case, today=due + ONE_DAY)

    # Delivery, as the worker does it after commit.

    def to_hub(self) -> None:
        self.clock.moment += datetime.timedelta(seconds=self.rng.randint(3, 40))
        self.outbox_deliver()
        with schema_context("public"):
            self.case = (
                Case.objects.select_related("department")
                .filter(park=self.w.park, appeal_id=self.submitted.pk)
                .first()
            )
        self.to_park()

    def outbox_deliver(self) -> None:
        pending = OutboxMessage.objects.filter(appeal=self.appeal, delivered_at__isnull=True)
        for message_id in list(pending.values_list("pk", flat=True)):
            outbox_deliver(message_id=message_id)

    def to_park(self) -> None:
        if self.case is None:
            return
        self.clock.moment += datetime.timedelta(seconds=self.rng.randint(3, 40))
        with schema_context("public"):
            pending = ParkMessage.objects.filter(case=self.case, delivered_at__isnull=True)
            for message_id in list(pending.values_list("pk", flat=True)):
                park_message_deliver(message_id=message_id)

    # The clock.

    def step(self, gap: int = 0, *, day: datetime.date | None = None) -> None:
        """Move on `gap` working days (0: later the same day), or to `day`, in office hours."""
        last = timezone.localtime(self.clock.moment)
        if day is None:
            if gap == 0 and not self.w.calendar.is_working_day(last.date()):
                gap = 1  # staff do not work on days off
            day = self.w.calendar.add_working_days(last.date(), gap) if gap else last.date()
        if day > last.date() or last.hour < 8:
            moment = self.w.office_hours(day)
        else:
            moment = last + datetime.timedelta(minutes=self.rng.randint(5, 50))
        moment = min(moment, self.w.ceiling)
        self.clock.moment = max(moment, last + datetime.timedelta(seconds=1))

    def at(self, moment: datetime.datetime) -> bool:
        """Move to this exact moment, if it is still ahead and not in the future."""
        if not self.clock.moment < moment <= self.w.ceiling:
            return False
        self.clock.moment = moment
        return True

    def chance(self, probability: float, *, cost: int) -> bool:
        if self.rng.random() < probability and self.spare >= cost:
            self.spare -= cost
            return True
        return False

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def elsewhere(self) -> Department:
        """Another department that could be responsible for this category."""
        names = ALSO_RESPONSIBLE.get(self.category.name, [])
        options = [self.w.departments[n] for n in names if n in self.w.departments]
        options = [d for d in options if d.pk != self.open_case.department_id] or [
            d for d in self.w.departments.values() if d.pk != self.open_case.department_id
        ]
        return self.rng.choice(options)
