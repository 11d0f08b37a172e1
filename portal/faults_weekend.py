"""The beat drill's data (portal/faults.py): what falls due while beat is down over a weekend.

Made "as of Friday 18:00" (now minus the weekend) through the real services, then aged where a
service takes no clock (a case's due date, an answer's time) as if the weekend had passed:
- two cases due on Friday, never answered: overdue on Monday (deadlines_check);
- two answers given a rating period ago, never rated: closed unrated (close_unrated);
- a service day held on Saturday with one booking nobody checked in: completed, a no-show
  (days_complete);
- a booking for a slot this afternoon: its day-before reminder fell due on Sunday
  (reminders_send).
Each must happen exactly once when beat comes back, and again-running every task changes nothing.
"""

from __future__ import annotations

import datetime
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import Role, User
from appeals.models import Appeal
from appeals.models import OutboxMessage as ToHubMessage
from appeals.services.intake import appeal_submit
from appeals.services.window import appeal_accept
from enterprises.models import Enterprise
from notifications.models import Notification
from onewindow.models import AppealCategory, Case, CaseEvent, Liaison
from onewindow.protocol import ToHub
from onewindow.services.cases import case_answer
from portal.celery import app
from servicedays.models import SHANGHAI, Booking, ServiceDay
from servicedays.services.bookings import booking_create
from servicedays.services.days import service_day_create, service_day_publish

DELIVERY_TIMEOUT_S = 120.0
PERIODIC = (
    "onewindow.tasks.deadlines_check",
    "appeals.tasks.close_unrated",
    "servicedays.tasks.days_complete",
    "servicedays.tasks.reminders_send",
)


@dataclass
class Plan:
    park: str
    appeals: int = 0
    accepted: int = 0
    overdue_cases: list[str] = field(default_factory=list)
    unrated_appeals: list[str] = field(default_factory=list)
    saturday_day: int = 0
    saturday_booking: int = 0
    reminder_booking: int = 0
    reminder_user: int = 0
    reminder_notices_before: int = 0


@dataclass
class Done:
    counts: dict[str, int]
    expected: dict[str, int]

    @property
    def complete(self) -> bool:
        """Everything that fell due is done (and no more: `exact` says whether it was twice)."""
        return all(self.counts[name] >= wanted for name, wanted in self.expected.items())

    @property
    def exact(self) -> bool:
        return self.counts == self.expected

    def line(self) -> str:
        return ", ".join(f"{name} {value}" for name, value in self.counts.items())


def _wait(what: str, ready) -> None:
    deadline = time.monotonic() + DELIVERY_TIMEOUT_S
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"not delivered in {DELIVERY_TIMEOUT_S:.0f} s: {what}")
        time.sleep(1)


def _appeals(prefix: str, park: str, count: int) -> list[str]:
    """`count` appeals accepted at the window (the workers take them to the hub)."""
    from portal.faults import png_bytes  # noqa: PLC0415 - faults imports this module

    with schema_context(park):
        window = User.objects.filter(role=Role.WINDOW_STAFF, is_active=True).order_by("pk")[0]
        enterprise = Enterprise.objects.filter(account__username="load-ent-040").get()
        category = AppealCategory.objects.filter(is_active=True).order_by("pk")[0]
        numbers = []
        for n in range(count):
            appeal = appeal_submit(
                enterprise=enterprise,
                by=enterprise.account,
                category=category,
                title=f"{prefix}{n}",
                description="演练：周末无人值守期间到期的诉求。",
                contact_name="演练联系人",
                contact_mobile="13800138000",
                uploads=[SimpleUploadedFile("photo.png", png_bytes(), "image/png")],
                submission_key=uuid.uuid4(),
            )
            appeal_accept(appeal=appeal, by=window)
            numbers.append(appeal.tracking_number)
    _wait("the cases", lambda: Case.objects.filter(tracking_number__in=numbers).count() == count)
    return numbers


def due_work_create(prefix: str, *, park: str, weekend: datetime.timedelta) -> Plan:
    now = timezone.now()
    friday = now - weekend
    plan = Plan(park=park, appeals=4, accepted=4)
    numbers = _appeals(prefix, park, 4)
    plan.overdue_cases, plan.unrated_appeals = numbers[:2], numbers[2:]
    # Due on Friday: overdue since the weekend.
    Case.objects.filter(tracking_number__in=plan.overdue_cases).update(due_date=friday.date())
    # Answered by the department, then left unrated for the whole rating period.
    for case in Case.objects.filter(tracking_number__in=plan.unrated_appeals):
        liaison = Liaison.objects.filter(department=case.department).select_related("user")[0]
        case_answer(case=case, by=liaison.user, text="演练答复：已协调物业处理。")
    with schema_context(park):
        answered = Appeal.objects.filter(
            tracking_number__in=plan.unrated_appeals, status=Appeal.Status.ANSWERED
        )
        _wait("the answers", lambda: answered.count() == 2)
        rated_by = now - datetime.timedelta(days=settings.APPEAL_RATING_DAYS, hours=1)
        answered.update(answered_at=rated_by)
        _service_days(plan, prefix, friday, now)
    return plan


def _service_days(
    plan: Plan, prefix: str, friday: datetime.datetime, now: datetime.datetime
) -> None:
    """Saturday's day with a booking nobody checked in; a booking for this afternoon."""
    from onewindow.models import Department  # noqa: PLC0415 - hub rows, read from the park

    department = Department.objects.filter(is_active=True).order_by("pk")[0]
    enterprise = Enterprise.objects.filter(account__username="load-ent-039").get()
    nine = datetime.time(9)
    saturday_date = (friday + datetime.timedelta(days=1)).astimezone(SHANGHAI).date()
    saturday = datetime.datetime.combine(saturday_date, nine, tzinfo=SHANGHAI)
    # Within the next day, in office hours: its day-before reminder fell due over the weekend.
    later = (now + datetime.timedelta(hours=3)).astimezone(SHANGHAI)
    later = later.replace(minute=0, second=0, microsecond=0)
    if not 8 <= later.hour <= 20:
        date = later.date() if later.hour < 8 else later.date() + datetime.timedelta(days=1)
        later = datetime.datetime.combine(date, nine, tzinfo=SHANGHAI)
    for name, start, clock in (("saturday", saturday, friday), ("reminder", later, friday)):
        day = service_day_create(
            title=f"{prefix}{name}",
            date=start.date(),
            start_time=start.time(),
            end_time=(start + datetime.timedelta(hours=1)).time(),
            place="演练会议室",
            departments=[department],
            booking_opens_at=clock - datetime.timedelta(days=1),
            booking_closes_at=start - datetime.timedelta(minutes=30),
            now=clock,
        )
        service_day_publish(day=day)
        booking = booking_create(
            slot=day.slots.order_by("starts_at")[0],
            enterprise=enterprise,
            by=enterprise.account,
            topic="演练",
            question="演练：周末到期的提醒和办结。",
            now=clock,
        )
        if name == "saturday":
            plan.saturday_day, plan.saturday_booking = day.pk, booking.pk
        else:
            plan.reminder_booking, plan.reminder_user = booking.pk, enterprise.account_id
            plan.reminder_notices_before = _notices(booking)


def _notices(booking: Booking) -> int:
    """The enterprise's notices that link to the booking (its confirmation, its reminders)."""
    return Notification.objects.filter(
        recipient__enterprise=booking.enterprise, url__contains=booking.code
    ).count()


def due_work_done(plan: Plan) -> Done:
    cases = Case.objects.filter(tracking_number__in=plan.overdue_cases)
    counts = {
        "overdue_marked": cases.filter(is_overdue=True).count(),
        "overdue_events": CaseEvent.objects.filter(
            case__in=cases, action="Overdue since %(due)s"
        ).count(),
    }
    with schema_context(plan.park):
        unrated = Appeal.objects.filter(tracking_number__in=plan.unrated_appeals)
        counts["closed_unrated"] = unrated.filter(status=Appeal.Status.CLOSED_UNRATED).count()
        counts["closed_unrated_messages"] = ToHubMessage.objects.filter(
            appeal__in=unrated, kind=ToHub.CLOSED_UNRATED
        ).count()
        counts["days_completed"] = ServiceDay.objects.filter(
            pk=plan.saturday_day, status=ServiceDay.Status.COMPLETED
        ).count()
        counts["no_shows"] = Booking.objects.filter(
            pk=plan.saturday_booking, status=Booking.Status.NO_SHOW
        ).count()
        reminded = Booking.objects.get(pk=plan.reminder_booking)
        counts["reminders_marked"] = int(reminded.reminded_day_before_at is not None)
        counts["reminder_notices"] = _notices(reminded) - plan.reminder_notices_before
    expected = {
        "overdue_marked": 2,
        "overdue_events": 2,
        "closed_unrated": 2,
        "closed_unrated_messages": 2,
        "days_completed": 1,
        "no_shows": 1,
        "reminders_marked": 1,
        "reminder_notices": 1,
    }
    return Done(counts, expected)


def run_again() -> None:
    """Every task that caught up, once more, here and now (synchronously, in this process, as
    a worker runs it): when it returns, whatever it would do again is done."""
    for name in PERIODIC:
        app.tasks[name].apply(throw=True)
