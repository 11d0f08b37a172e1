"""One park's demo service days, played through the real services on the simulated clock."""

import datetime
import random
from typing import cast

from django.db.models import F
from django_tenants.utils import schema_context

from accounts.models import Role, User
from appeals.models import OutboxMessage
from appeals.services.outbox import outbox_deliver
from appeals.services.window import appeal_accept
from core.workdays import WorkingCalendar
from enterprises.models import Enterprise
from onewindow.models import AppealCategory, Department, Liaison, ParkMessage
from onewindow.services.outbox import park_message_deliver
from servicedays.models import SHANGHAI, Booking, HubSyncMessage, ServiceDay, Slot
from servicedays.services.attendance import (
    booking_check_in,
    booking_follow_up_appeal,
    booking_outcome_record,
    days_complete,
    follow_up_defaults,
)
from servicedays.services.bookings import booking_cancel, booking_create
from servicedays.services.days import service_day_cancel, service_day_create, service_day_publish
from servicedays.services.hubsync import day_sync_deliver
from servicedays.services.waitlist import waitlist_join

from .texts import CANCEL_REASON, FOLLOW_UP_NOTES, PLACES, QUESTIONS, RESOLVED_NOTES, THEMES

ONE_DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)
# Where a department has no questions of its own in texts.QUESTIONS.
ANY_DEPARTMENT = "政务服务数据管理局"


class _Park:
    """What one park's demo days share: people, departments, calendar, clock, randomness."""

    def __init__(self, *, park, number: int, clock, rng: random.Random) -> None:
        self.park, self.clock, self.rng = park, clock, rng
        self.real_now = clock.moment
        self.calendar = WorkingCalendar.load()
        self.today = self.real_now.astimezone(SHANGHAI).date()
        # play() refuses to run without window staff, so the stories may count on them.
        self.window = cast(User, _person(Role.WINDOW_STAFF))
        self.operator = _person(Role.PARK_OPERATOR) or self.window
        verified = Enterprise.objects.filter(status=Enterprise.Status.VERIFIED)
        # The persona's enterprise first (it can log in), then the demo ones.
        self.enterprises = sorted(
            verified.select_related("account"),
            key=lambda e: (e.account.username.startswith("demo-"), e.pk),
        )
        start = (number - 1) * 3 % len(THEMES)
        self.themes = THEMES[start:] + THEMES[:start]
        self.place = PLACES.get(park.slug, f"{park.name}综合服务中心一楼多功能厅")
        with schema_context("public"):
            self._hub_load()

    def _hub_load(self) -> None:
        departments = Department.objects.filter(is_active=True).order_by("pk")
        self.departments = {d.name: d for d in departments}
        self.staff_names = {
            liaison.department_id: liaison.user.full_name or liaison.user.username
            for liaison in Liaison.objects.filter(user__is_active=True).select_related("user")
        }
        self.categories: dict[int, AppealCategory] = {}
        for category in AppealCategory.objects.filter(is_active=True).order_by("sort_order"):
            self.categories.setdefault(category.default_department_id, category)

    def play(self) -> int:
        """Play the park's days, oldest first; returns how many were made."""
        if not (self.window and self.departments and self.categories):
            raise LookupError("demo service days need window staff, departments and categories")
        if len(self.enterprises) < 3:
            raise LookupError("demo service days need three verified enterprises")
        themes = self.themes
        plan = [
            (themes[0], self.back(self.today, 12), self._over),
            (themes[1], self.back(self.today, 4), self._over_with_appeal),
            (themes[2], self.ahead(3), self._open_with_waitlist),
            (themes[3], self.ahead(5), self._called_off),
            (themes[4], self.ahead(8), self._open),
            (themes[5], self.ahead(14), self._open_new),
        ]
        made = 0
        for theme, date, story in plan:
            if not self._has(theme, past=date < self.today):
                story(theme, date)
                made += 1
        return made

    def to_hub(self) -> None:
        """What the worker does after commit: the hub's copy of every day changed, as it is
        now (for liaisons and district admins)."""
        self.at(self.real_now)
        pending = HubSyncMessage.objects.filter(delivered_at__isnull=True)
        for day_id in sorted(set(pending.values_list("service_day_id", flat=True))):
            day_sync_deliver(day_id=day_id)

    def _has(self, theme, *, past: bool) -> bool:
        days = ServiceDay.objects.filter(title=theme.title)
        return (
            days.filter(date__lt=self.today) if past else days.exclude(date__lt=self.today)
        ).exists()

    # The stories, by how the day looks today.

    def _over(self, theme, date: datetime.date, *, appeal: bool = False) -> None:
        """Five bookings: three came (one needs a follow-up), one did not, one was cancelled
        before the cutoff."""
        day = self.create(theme, date, created=self.office_hours(self.back(date, 10)))
        people = self.rng.sample(self.enterprises, k=min(5, len(self.enterprises)))
        # The follow-up is for a department that answers appeals of some category.
        answering = [d.pk for d in self.hosts(theme) if d.pk in self.categories]
        bookings = self.book_many(
            day, people, until=day.booking_closes_at - 3 * 60 * MINUTE, first_in=answering
        )
        if len(bookings) > 4:
            later = bookings[4].created_at + self.rng.randint(60, 600) * MINUTE
            self.at(min(later, day.booking_closes_at - MINUTE))
            booking_cancel(booking=bookings[4], by=bookings[4].booked_by, now=self.clock.moment)
        follow_up = bookings[0]
        for booking in sorted(bookings[:3], key=lambda b: (b.slot.starts_at, b.pk)):
            self.consult(booking, follow_up=booking is follow_up)
        self.at(day.ends_at + 20 * MINUTE)
        days_complete(now=self.clock.moment)  # the beat: who did not come is a no-show
        if appeal:
            self.follow_up_appeal(follow_up, date)

    def _over_with_appeal(self, theme, date: datetime.date) -> None:
        self._over(theme, date, appeal=True)

    def _open_with_waitlist(self, theme, date: datetime.date) -> None:
        """The first department has one seat per slot: its first slot is taken and another
        enterprise waits for it. The persona's enterprise has a booking too."""
        first = self.hosts(theme)[0]
        day = self.create(theme, date, created=self.recently(6), seats={first.pk: 1})
        first_slots = day.slots.filter(department_id=first.pk).order_by("starts_at")
        popular = cast(Slot, first_slots.first())  # the day was just made with `first`
        holder, waiting, *others = self.enterprises[1:]
        self.book(day, holder, at=self.between(day.booking_opens_at, 2), slot=popular)
        self.at(self.between(self.clock.moment, 1))
        topic, question = self.question(popular)
        waitlist_join(
            slot=popular,
            enterprise=waiting,
            by=waiting.account,
            topic=topic,
            question=question,
            service_day=day,
            now=self.clock.moment,
        )
        self.book_many(day, [self.enterprises[0], *others[:2]], until=self.real_now - MINUTE)

    def _called_off(self, theme, date: datetime.date) -> None:
        day = self.create(theme, date, created=self.recently(7))
        self.book_many(day, self.enterprises[:2], until=self.real_now - 2 * ONE_DAY)
        self.at(min(self.office_hours(self.back(self.today, 1)), self.real_now - MINUTE))
        service_day_cancel(
            day=day, reason=CANCEL_REASON, by_name=self.operator.full_name, now=self.clock.moment
        )

    def _open(self, theme, date: datetime.date) -> None:
        day = self.create(theme, date, created=self.recently(4))
        self.book_many(day, self.enterprises[1:4], until=self.real_now - MINUTE)

    def _open_new(self, theme, date: datetime.date) -> None:
        day = self.create(theme, date, created=self.recently(1))
        self.book_many(day, self.enterprises[-1:], until=self.real_now - MINUTE)

    # Steps: each moves the clock and calls one service.

    def create(self, theme, date: datetime.date, *, created, seats=None) -> ServiceDay:
        morning = (datetime.time(9), datetime.time(12))
        afternoon = (datetime.time(14), datetime.time(17))
        start, end = morning if theme.morning else afternoon
        self.at(created)
        day = service_day_create(
            title=theme.title,
            date=date,
            start_time=start,
            end_time=end,
            place=self.place,
            departments=self.hosts(theme),
            booking_opens_at=created + 10 * MINUTE,
            booking_closes_at=datetime.datetime.combine(
                self.back(date, 1), datetime.time(17), tzinfo=SHANGHAI
            ),
            topics=theme.topics,
            description=theme.description,
            seats_per_slot=2,
            department_seats=seats,
            created_by_name=self.operator.full_name,
            now=created,
        )
        self.at(created + 5 * MINUTE)
        return service_day_publish(day=day)

    def book_many(self, day: ServiceDay, people, *, until, first_in=()) -> list[Booking]:
        """One booking per enterprise, in a random free slot (the first one with a department
        of `first_in` if any), at times spread over the window."""
        start = max(day.booking_opens_at, self.clock.moment)
        moments = sorted(self.between(start, (until - start).days + 1) for _ in people)
        return [
            self.book(day, enterprise, at=min(moment, until), among=first_in if i == 0 else ())
            for i, (enterprise, moment) in enumerate(zip(people, moments, strict=True))
        ]

    def book(self, day: ServiceDay, enterprise, *, at, slot=None, among=()) -> Booking:
        if slot is None:
            free = day.slots.filter(booked__lt=F("capacity"))
            slot = self.rng.choice(list(free.filter(department_id__in=among) if among else free))
        topic, question = self.question(slot)
        self.at(at)
        return booking_create(
            slot=slot,
            enterprise=enterprise,
            by=enterprise.account,
            topic=topic,
            question=question,
            service_day=day,
            now=at,
        )

    def consult(self, booking: Booking, *, follow_up: bool) -> None:
        """Checked in at the window a little early, the outcome recorded after the slot."""
        outcome = Booking.Outcome.FOLLOW_UP if follow_up else Booking.Outcome.RESOLVED
        self.at(booking.slot.starts_at - self.rng.randint(3, 15) * MINUTE)
        booking_check_in(booking=booking, by_name=self.window.full_name, now=self.clock.moment)
        self.at(booking.slot.ends_at + self.rng.randint(5, 40) * MINUTE)
        notes = RESOLVED_NOTES if outcome == Booking.Outcome.RESOLVED else FOLLOW_UP_NOTES
        booking_outcome_record(
            booking=booking,
            outcome=outcome,
            note=self.rng.choice(notes),
            by_name=self.staff_names.get(booking.slot.department_id, self.window.full_name),
            now=self.clock.moment,
        )

    def follow_up_appeal(self, booking: Booking, date: datetime.date) -> None:
        """The next working day the window files the follow-up as an appeal and accepts it,
        so the department's case is open in the hub."""
        self.at(self.office_hours(self.calendar.add_working_days(date, 1)))
        category = self.categories.get(booking.slot.department_id)
        category = category or next(iter(self.categories.values()))
        booking.refresh_from_db()
        appeal = booking_follow_up_appeal(
            booking=booking, by=self.window, category=category, **follow_up_defaults(booking)
        )
        self.at(self.clock.moment + self.rng.randint(10, 60) * MINUTE)
        appeal_accept(appeal=appeal, by=self.window)
        self.deliver(appeal)

    def deliver(self, appeal) -> None:
        """What the worker does after commit: the appeal to the hub, the case back."""
        pending = OutboxMessage.objects.filter(appeal=appeal, delivered_at__isnull=True)
        for message_id in list(pending.values_list("pk", flat=True)):
            outbox_deliver(message_id=message_id)
        with schema_context("public"):
            replies = ParkMessage.objects.filter(
                park=self.park, case__appeal_id=appeal.pk, delivered_at__isnull=True
            )
            for message_id in list(replies.values_list("pk", flat=True)):
                park_message_deliver(message_id=message_id)

    # Texts, people and the clock.

    def hosts(self, theme) -> list[Department]:
        named = [self.departments[name] for name in theme.departments if name in self.departments]
        return named or list(self.departments.values())[:2]

    def question(self, slot) -> tuple[str, str]:
        name = next((n for n, d in self.departments.items() if d.pk == slot.department_id), "")
        return self.rng.choice(QUESTIONS.get(name) or QUESTIONS[ANY_DEPARTMENT])

    def at(self, moment: datetime.datetime) -> None:
        self.clock.moment = moment

    def back(self, day: datetime.date, count: int) -> datetime.date:
        """The count-th working day before day."""
        while count > 0:
            day -= ONE_DAY
            count -= self.calendar.is_working_day(day)
        return day

    def ahead(self, count: int) -> datetime.date:
        return self.calendar.add_working_days(self.today, count)

    def office_hours(self, day: datetime.date) -> datetime.datetime:
        start = datetime.datetime.combine(day, datetime.time(9), tzinfo=SHANGHAI)
        return start + self.rng.randint(0, 480) * MINUTE

    def recently(self, count: int) -> datetime.datetime:
        """Office hours `count` working days ago: when an upcoming day was set up."""
        return self.office_hours(self.back(self.today, count))

    def between(self, start: datetime.datetime, days: int) -> datetime.datetime:
        """A moment in office hours within `days` days from start (never before it)."""
        local = start.astimezone(SHANGHAI)
        day = local.date() + self.rng.randint(0, max(days - 1, 0)) * ONE_DAY
        return max(self.office_hours(day), start + MINUTE)


def _person(role: str) -> User | None:
    return User.objects.filter(role=role, is_active=True).order_by("pk").first()
