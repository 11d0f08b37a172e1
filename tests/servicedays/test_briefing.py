"""The day before a service day, the hosting department's liaisons are sent who is coming
(once), and other departments' liaisons nothing."""

import datetime
import uuid

import pytest
from django.utils import timezone
from django.utils.translation import ngettext
from django_tenants.utils import schema_context

from notifications.models import Notification
from onewindow.models import HubServiceDay
from servicedays.models import SHANGHAI
from servicedays.services import hubsync
from servicedays.services.bookings import booking_create
from servicedays.services.hubdays import hub_days_brief

from .helpers import day_create, enterprise_new

pytestmark = pytest.mark.django_db


def tomorrows_day(park, title: str):
    """A day tomorrow in `park` with two bookings at 工信局, copied to the hub."""
    with schema_context(park.schema_name):
        past = timezone.now() - datetime.timedelta(days=6)
        day = day_create(now=past, title=title)
        for slot in day.slots.order_by("starts_at")[:2]:
            enterprise = enterprise_new()
            booking_create(
                slot=slot,
                enterprise=enterprise,
                by=enterprise.account,
                topic="技改补贴",
                question="",
                now=past,
            )
        hubsync.day_sync_deliver(day_id=day.pk)
    return day


def notices(username: str, title: str):
    return Notification.objects.filter(recipient__username=username, title__contains=title)


def test_liaisons_are_briefed_the_day_before_once(park_a):
    title = f"技改专场 {uuid.uuid4().hex[:6]}"
    day = tomorrows_day(park_a, title)
    now = timezone.now()
    assert day.date == now.astimezone(SHANGHAI).date() + datetime.timedelta(days=1)
    # Other tests' committed days may be due as well: this day's own copy records its briefing.
    hub_days_brief(now=now)
    assert HubServiceDay.objects.get(park=park_a, day_id=day.pk).liaisons_briefed_at == now
    told = notices("liaison", title)
    assert told.count() == 1
    assert told.get().body == ngettext(
        "%(count)d enterprise booked your department; read its question before the day.",
        "%(count)d enterprises booked your department; read their questions before the day.",
        2,
    ) % {"count": 2}
    assert not notices("other_liaison", title).exists()  # 科创局 does not host it
    assert hub_days_brief(now=now) == 0
    assert notices("liaison", title).count() == 1


def test_a_day_further_ahead_is_not_briefed_yet(park_a):
    title = f"远期专场 {uuid.uuid4().hex[:6]}"
    with schema_context(park_a.schema_name):
        day = day_create(title=title)  # a week ahead
        hubsync.day_sync_deliver(day_id=day.pk)
    hub_days_brief()
    assert not notices("liaison", title).exists()
