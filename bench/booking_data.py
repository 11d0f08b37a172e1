"""The enterprises and service days the booking bench uses, and the seat audit afterwards.

Runs in the bench process after django.setup(). Everything goes through the app's services,
the way the district and a park's window would set it up.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from core.tasks import tasks_muted

from . import provision

PARK_NUMBER = 3
PARK = provision.slug(PARK_NUMBER)  # bench03 (the benches run with parks bench01-05)
HOST = provision.domain(PARK_NUMBER)
PASSWORD = "Bench-Booking-2026"
CLIENTS = 20
WINDOW_USERNAME = "bench_booking_window"
DEPARTMENTS = [("区基准测试甲局", "甲局"), ("区基准测试乙局", "乙局")]


@dataclass(frozen=True)
class Day:
    pk: int
    slot_ids: tuple[int, ...]
    seats: int


@dataclass(frozen=True)
class Audit:
    """Seats held against capacity, over every slot of the days audited."""

    overbooked: int  # seats held beyond capacity, summed over slots (must be 0)
    miscounted: int  # slots whose `booked` differs from the seat-holding bookings
    bookings: int  # seat-holding bookings
    waiting: int  # waitlist entries still waiting


def mobile(number: int) -> str:
    """Client `number`'s mobile, which is also its account's user name."""
    return f"1390066{number:04d}"


@contextmanager
def _hub_sync_muted():
    """The setup's changes need no hub copy: no task into the broker from this process."""
    with tasks_muted():
        yield


def enterprises_ensure() -> list[str]:
    """CLIENTS verified enterprises in the bench park, each with its own account; returns
    their user names. Idempotent."""
    from django_tenants.utils import schema_context

    from accounts.models import Role, User
    from accounts.services import user_create
    from demo.parks import demo_uscc
    from enterprises.models import Enterprise
    from enterprises.services import (
        enterprise_register,
        enterprise_verify,
        registration_code_issue,
    )

    with schema_context(PARK):
        window = User.objects.filter(username=WINDOW_USERNAME).first()
        if window is None:
            window = user_create(
                username=WINDOW_USERNAME,
                password=PASSWORD,
                role=Role.WINDOW_STAFF,
                full_name="预约基准窗口",
                email="booking-window@bench.example.cn",
            )
        for number in range(CLIENTS):
            if Enterprise.objects.filter(account__username=mobile(number)).exists():
                continue
            enterprise = enterprise_register(
                company_name=f"深圳市预约基准{number:02d}科技有限公司",
                uscc=demo_uscc(9600 + number),
                contact_name="王经理",
                mobile=mobile(number),
                # The bench holds the numbers: it asks for each code and types it in.
                mobile_code=registration_code_issue(mobile=mobile(number)),
                password=PASSWORD,
                email=f"booking{number}@bench.example.cn",
            )
            enterprise_verify(enterprise=enterprise, by=window, approve=True)
    return [mobile(number) for number in range(CLIENTS)]


def day_create(
    *, title: str, slots: int, seats: int, per_enterprise: int, start_hour: int = 9
) -> Day:
    """A published day two weeks ahead, open for booking now: both bench departments host
    `slots` half-hour slots of `seats` seats each."""
    from django.utils import timezone
    from django_tenants.utils import schema_context

    from onewindow.services.directory import department_ensure
    from servicedays.models import SHANGHAI, ServiceDay
    from servicedays.services.days import service_day_create

    with schema_context("public"):
        hosts = [department_ensure(name=name, short_name=short) for name, short in DEPARTMENTS]
    now = timezone.now()
    date = (now + datetime.timedelta(days=14)).astimezone(SHANGHAI).date()
    start = datetime.time(start_hour)
    end = (datetime.datetime.combine(date, start) + datetime.timedelta(minutes=30 * slots)).time()
    with schema_context(PARK), _hub_sync_muted():
        day = service_day_create(
            title=title,
            date=date,
            start_time=start,
            end_time=end,
            place="基准测试园区服务中心一楼",
            departments=hosts,
            booking_opens_at=now - datetime.timedelta(hours=1),
            booking_closes_at=datetime.datetime.combine(
                date - datetime.timedelta(days=1), datetime.time(18), tzinfo=SHANGHAI
            ),
            seats_per_slot=seats,
            bookings_per_enterprise=per_enterprise,
            status=ServiceDay.Status.PUBLISHED,
            now=now,
        )
        slot_ids = tuple(day.slots.order_by("pk").values_list("pk", flat=True))
    return Day(pk=day.pk, slot_ids=slot_ids, seats=seats * len(slot_ids))


def audit(days: list[Day]) -> Audit:
    """Count, in the database, what the requests left behind."""
    from django.db.models import Count, Q
    from django_tenants.utils import schema_context

    from servicedays.models import Slot, WaitlistEntry
    from servicedays.querysets import SEAT_HOLDING

    pks = [day.pk for day in days]
    with schema_context(PARK):
        slots = Slot.objects.filter(service_day_id__in=pks).annotate(
            holding=Count("bookings", filter=Q(bookings__status__in=SEAT_HOLDING))
        )
        rows = list(slots.values_list("holding", "booked", "capacity"))
        waiting = WaitlistEntry.objects.waiting().filter(slot__service_day_id__in=pks).count()
    return Audit(
        overbooked=sum(max(held - capacity, 0) for held, _booked, capacity in rows),
        miscounted=sum(held != booked for held, booked, _capacity in rows),
        bookings=sum(held for held, _booked, _capacity in rows),
        waiting=waiting,
    )
