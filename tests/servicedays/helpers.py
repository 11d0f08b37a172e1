"""Building blocks for service-day tests: days, enterprises and bookings, as the services
make them."""

import datetime
import itertools
import uuid

from django.utils import timezone

from accounts.models import Role, User
from accounts.services import user_create
from demo.parks import demo_uscc
from enterprises.models import Enterprise
from onewindow.models import Department
from servicedays.models import SHANGHAI, ServiceDay, Slot
from servicedays.services.bookings import booking_create
from servicedays.services.days import service_day_create

from ..personas import PASSWORD

# USCC indexes from 5000 on are this module's; one pytest process hands each out once.
_uscc_index = itertools.count(5000)


def department(short_name: str = "工信局") -> Department:
    return Department.objects.get(short_name=short_name)


def day_create(*, now: datetime.datetime | None = None, **fields) -> ServiceDay:
    """A published day a week from `now`, 9:00–11:00, booking open from yesterday until two
    days before; 工信局 hosts with one seat per 30-minute slot."""
    now = now or timezone.now()
    date = (now + datetime.timedelta(days=7)).astimezone(SHANGHAI).date()
    defaults = {
        "title": f"企业服务日 {uuid.uuid4().hex[:8]}",
        "date": date,
        "start_time": datetime.time(9),
        "end_time": datetime.time(11),
        "place": "园区服务中心二楼",
        "departments": [department()],
        "booking_opens_at": now - datetime.timedelta(days=1),
        "booking_closes_at": datetime.datetime.combine(
            date - datetime.timedelta(days=2), datetime.time(18), tzinfo=SHANGHAI
        ),
        "status": ServiceDay.Status.PUBLISHED,
        "now": now,
    }
    defaults.update(fields)
    return service_day_create(**defaults)


def first_slot(day: ServiceDay, short_name: str = "工信局") -> Slot:
    return day.slots.filter(department=department(short_name)).order_by("starts_at").first()


def enterprise_new(name: str = "") -> Enterprise:
    """A new verified enterprise with its own account, in the current park."""
    index = next(_uscc_index)
    user = user_create(
        username=f"sd-{uuid.uuid4().hex[:12]}", password=PASSWORD, role=Role.ENTERPRISE
    )
    return Enterprise.objects.create(
        account=user,
        name=name or f"服务日测试企业{index}",
        uscc=demo_uscc(index),
        contact_name="王芳",
        mobile=f"137{index:08d}",
        status=Enterprise.Status.VERIFIED,
    )


def persona_enterprise(username: str = "enterprise_user") -> Enterprise:
    return User.objects.get(username=username).enterprise


def book(slot: Slot, enterprise: Enterprise, **fields):
    defaults = {"topic": "研发费用加计扣除", "question": "今年的申报材料有哪些变化？"}
    defaults.update(fields)
    return booking_create(slot=slot, enterprise=enterprise, by=enterprise.account, **defaults)
