"""The demo world of appeals: the parks' people and plan."""

import datetime
import random
from typing import cast

from django.db.models import F
from django.utils import timezone
from django_tenants.utils import schema_context, tenant_context

from accounts.models import Role, User
from accounts.services import user_create
from core.tasks import schema_current
from core.workdays import WorkingCalendar
from demo.clock import SimulatedClock
from demo.parks import demo_uscc
from enterprises.models import Enterprise
from notifications.models import Notification
from onewindow.models import AppealCategory, Department, Liaison

from .texts import (
    DEMO_ACCOUNT_PREFIX,
    ENTERPRISES,
    ONE_DAY,
    PLAN,
    RECENT,
    TOPICS,
)


def _notification_marks() -> dict[str, int]:
    marks: dict[str, int] = {}
    for schema in (connection_schema(), "public"):
        with schema_context(schema):
            last = Notification.objects.order_by("-pk").values_list("pk", flat=True)[:1]
            marks[schema] = next(iter(last), 0)
    return marks


def connection_schema() -> str:

    return schema_current()


def _notifications_read(marks: dict[str, int], *, before: datetime.datetime) -> None:
    """Old demo notices were read long ago: a bell showing hundreds would look broken."""
    for schema, last in marks.items():
        with schema_context(schema):
            Notification.objects.filter(pk__gt=last, created_at__lt=before).update(
                read_at=F("created_at") + datetime.timedelta(hours=2)
            )


class _World:
    """What every journey of one park shares: people, calendar, clock, randomness."""

    def __init__(self, *, park, rng: random.Random) -> None:
        self.park, self.rng, self.clock = park, rng, SimulatedClock()
        self.real_now = self.clock.moment
        self.ceiling = self.real_now - datetime.timedelta(minutes=1)
        self.tz = timezone.get_default_timezone()
        self.calendar = WorkingCalendar.load()
        self.today = timezone.localdate(self.real_now)
        self.anchor = self.back(self.today, 1)  # the last working day before today
        with tenant_context(park):
            self.window = cast(
                User, User.objects.filter(role=Role.WINDOW_STAFF, is_active=True).first()
            )
        with schema_context("public"):
            self.admin = cast(
                User, User.objects.filter(role=Role.DISTRICT_ADMIN, is_active=True).first()
            )
            self.liaisons: dict[int, User] = {}
            for liaison in Liaison.objects.filter(user__is_active=True).order_by("pk"):
                self.liaisons.setdefault(liaison.department_id, liaison.user)
            self.departments = {
                d.name: d for d in Department.objects.filter(is_active=True, pk__in=self.liaisons)
            }
            self.categories = {
                c.name: c
                for c in AppealCategory.objects.filter(is_active=True, name__in=TOPICS)
                if c.default_department_id in self.liaisons
            }
        if not (self.window and self.admin and self.categories):
            raise LookupError("demo appeals need window staff, a district admin and liaisons")

    def back(self, day: datetime.date, count: int) -> datetime.date:
        """The count-th working day before day (day itself never counts)."""
        while count > 0:
            day -= ONE_DAY
            count -= self.calendar.is_working_day(day)
        return day

    def office_hours(self, day: datetime.date) -> datetime.datetime:
        start = datetime.datetime.combine(day, datetime.time(9), tzinfo=self.tz)
        return start + datetime.timedelta(minutes=self.rng.randint(0, 420))

    def night(self, day: datetime.date) -> datetime.datetime:
        """When the beat's first run of the day acts."""
        return datetime.datetime.combine(day, datetime.time(0, self.rng.randint(1, 9)), self.tz)

    def enterprises(self, *, number: int) -> list[Enterprise]:
        """The park's verified enterprises, the persona's first, after adding demo ones."""
        self.clock.moment = self.office_hours(self.today - datetime.timedelta(days=400))
        for index in range(4):
            name, contact = ENTERPRISES[((number - 1) * 4 + index) % len(ENTERPRISES)]
            username = f"{DEMO_ACCOUNT_PREFIX}{index + 1}"
            if User.objects.filter(username=username).exists():
                continue
            user = user_create(
                username=username,
                password=None,
                role=Role.ENTERPRISE,
                full_name=contact,
                email=f"{username}@demo.parkportal.localhost",
            )
            Enterprise.objects.create(
                account=user,
                name=name,
                uscc=demo_uscc(100 + number * 10 + index),
                contact_name=contact,
                mobile=f"137{number:04d}{index:04d}",
                status=Enterprise.Status.VERIFIED,
                verified_by=self.window,
                verified_at=self.clock.moment,
            )
        verified = Enterprise.objects.filter(status=Enterprise.Status.VERIFIED)
        return sorted(verified, key=lambda e: (e.account.username.startswith("demo-"), e.pk))

    def plan(self, *, count: int, enterprises: list[Enterprise]) -> list[tuple]:
        """(start, scenario, enterprise, topic) for each appeal, in order of submission."""
        total = sum(PLAN.values())
        counts = {name: max(1, round(share * count / total)) for name, share in PLAN.items()}
        counts["closed"] = max(1, counts["closed"] + count - sum(counts.values()))
        deck: list[tuple] = []
        plan = []
        for name, times in counts.items():
            for time in range(times):
                if not deck:
                    deck = [
                        (category, topic)
                        for name_, category in self.categories.items()
                        for topic in TOPICS[name_]
                    ]
                    self.rng.shuffle(deck)
                topic = deck.pop()
                # The persona's enterprise has one appeal of every kind to show.
                enterprise = enterprises[0] if time == 0 else self.rng.choice(enterprises)
                plan.append((self.start(name, topic[0]), name, enterprise, topic))
        return sorted(plan, key=lambda row: row[0])

    def start(self, scenario: str, category: AppealCategory) -> datetime.datetime:
        days = category.department_deadline_days
        if scenario == "submitted" and self.rng.random() < 0.5:
            return self.ceiling - datetime.timedelta(minutes=self.rng.randint(20, 600))
        if scenario == "in_progress_overdue":
            return self.office_hours(self.back(self.anchor, days + 2))
        recent = RECENT.get(scenario)
        if recent is not None:
            return self.office_hours(self.back(self.anchor, self.rng.randint(*recent)))
        room = {"closed": 8, "closed_unrated": 14, "closed_rehandled": days + 14}.get(scenario, 5)
        latest = self.back(self.anchor, days + room)
        earliest = self.today - datetime.timedelta(days=364)
        day = earliest + datetime.timedelta(days=self.rng.randint(0, (latest - earliest).days))
        if not self.calendar.is_working_day(day) and self.rng.random() < 0.75:
            day = self.back(day, 1)  # fewer appeals are written on days off
        return self.office_hours(day)
