"""The hub's copy of a park's service day: delivered as the day is, idempotent, re-sent by the
sweep, and never mixed up between parks."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from onewindow.models import HubBooking, HubServiceDay
from servicedays.models import HubSyncMessage
from servicedays.services import hubsync
from servicedays.services.bookings import booking_cancel
from servicedays.services.waitlist import waitlist_join

from .helpers import book, day_create, department, enterprise_new, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db


def hub_copy(park, day) -> HubServiceDay:
    with schema_context("public"):
        return HubServiceDay.objects.prefetch_related("departments").get(park=park, day_id=day.pk)


def hub_rows(park, day) -> list[HubBooking]:
    with schema_context("public"):
        return list(HubBooking.objects.filter(hub_day__park=park, hub_day__day_id=day.pk))


def undelivered(day) -> int:
    return HubSyncMessage.objects.filter(service_day=day, delivered_at__isnull=True).count()


def test_a_delivered_day_matches_the_park(in_park_a):
    day = day_create(topics="研发费用加计扣除")
    booking = book(first_slot(day), persona_enterprise(), question="加计扣除比例是多少？")
    hubsync.day_sync_mark(day)

    assert hubsync.day_sync_deliver(day_id=day.pk) is True

    copy = hub_copy(in_park_a, day)
    assert (copy.title, copy.date, copy.place, copy.status) == (
        day.title,
        day.date,
        day.place,
        day.status,
    )
    assert [d.short_name for d in copy.departments.all()] == ["工信局"]
    [row] = hub_rows(in_park_a, day)
    assert row.booking_id == booking.pk
    assert row.status == "confirmed"
    assert row.enterprise_name == booking.enterprise.name
    assert row.question == "加计扣除比例是多少？"
    assert row.department_id == department().pk
    assert undelivered(day) == 0


def test_the_hub_copy_holds_no_contact_details_or_check_in_code(in_park_a):
    day = day_create()
    booking = book(first_slot(day), persona_enterprise())
    hubsync.day_sync_deliver(day_id=day.pk)
    [row] = hub_rows(in_park_a, day)
    values = {str(getattr(row, f.attname)) for f in HubBooking._meta.concrete_fields}
    assert booking.code not in values
    assert booking.enterprise.mobile not in values


def test_two_bookings_then_one_delivery_brings_both(in_park_a):
    day = day_create(seats_per_slot=2)
    slot = first_slot(day)
    first, second = book(slot, enterprise_new()), book(slot, enterprise_new())

    hubsync.day_sync_deliver(day_id=day.pk)

    assert {row.booking_id for row in hub_rows(in_park_a, day)} == {first.pk, second.pk}
    assert undelivered(day) == 0


def test_delivering_twice_changes_nothing(in_park_a):
    day = day_create()
    book(first_slot(day), persona_enterprise())
    hubsync.day_sync_deliver(day_id=day.pk)
    before = hub_copy(in_park_a, day)

    hubsync.day_sync_deliver(day_id=day.pk)

    after = hub_copy(in_park_a, day)
    assert after.pk == before.pk
    assert after.title == before.title
    assert len(hub_rows(in_park_a, day)) == 1
    with schema_context("public"):
        assert HubServiceDay.objects.filter(park=in_park_a, day_id=day.pk).count() == 1


def test_a_later_change_replaces_the_copy(in_park_a):
    day = day_create()
    booking = book(first_slot(day), persona_enterprise())
    hubsync.day_sync_deliver(day_id=day.pk)

    booking_cancel(booking=booking, by=booking.enterprise.account)
    hubsync.day_sync_deliver(day_id=day.pk)

    [row] = hub_rows(in_park_a, day)
    assert row.status == "cancelled"


def test_waiting_enterprises_are_in_the_copy_with_their_question(in_park_a):
    day = day_create()
    slot = first_slot(day)
    book(slot, persona_enterprise())
    other = persona_enterprise("other_enterprise_user")
    entry = waitlist_join(
        slot=slot, enterprise=other, by=other.account, topic="人才住房", question="申请条件？"
    )

    hubsync.day_sync_deliver(day_id=day.pk)

    waiting = [row for row in hub_rows(in_park_a, day) if row.status == "waiting"]
    assert [(row.waitlist_id, row.booking_id, row.question) for row in waiting] == [
        (entry.pk, None, "申请条件？")
    ]


def test_the_sweep_delivers_a_day_whose_task_was_lost(in_park_a):
    day = day_create()
    book(first_slot(day), persona_enterprise())
    hubsync.day_sync_mark(day)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    HubSyncMessage.objects.filter(service_day=day).update(created_at=an_hour_ago)

    assert hubsync.day_sync_sweep() == 1

    assert len(hub_rows(in_park_a, day)) == 1
    assert undelivered(day) == 0


def test_the_sweep_leaves_a_fresh_mark_to_its_task(in_park_a):
    day = day_create()
    hubsync.day_sync_mark(day)

    assert hubsync.day_sync_sweep() == 0

    assert undelivered(day) == 2  # the creation's mark and this one
    with schema_context("public"):
        assert not HubServiceDay.objects.filter(park=in_park_a, day_id=day.pk).exists()


def test_park_b_days_never_show_as_park_a_days(park_a, park_b):
    with schema_context(park_a.schema_name):
        alpha_day = day_create(title="阿尔法服务日")
        hubsync.day_sync_deliver(day_id=alpha_day.pk)
    with schema_context(park_b.schema_name):
        beta_day = day_create(title="贝塔服务日")
        book(first_slot(beta_day), persona_enterprise(), question="贝塔的问题")
        hubsync.day_sync_deliver(day_id=beta_day.pk)

    with schema_context("public"):
        assert not HubServiceDay.objects.filter(park=park_a, title="贝塔服务日").exists()
        assert not HubBooking.objects.filter(hub_day__park=park_a, question="贝塔的问题").exists()
        assert HubServiceDay.objects.get(park=park_b, day_id=beta_day.pk).title == "贝塔服务日"
        assert HubServiceDay.objects.get(park=park_a, day_id=alpha_day.pk).title == "阿尔法服务日"


def test_a_mark_written_while_the_day_is_read_waits_for_its_own_delivery(in_park_a, monkeypatch):
    day = day_create()
    hubsync.day_sync_mark(day)
    read = hubsync._day_read

    def read_while_another_change_lands(the_day):
        # A change committed after the marks were noted: this delivery may not answer for it.
        hubsync.day_sync_mark(the_day)
        return read(the_day)

    monkeypatch.setattr(hubsync, "_day_read", read_while_another_change_lands)
    hubsync.day_sync_deliver(day_id=day.pk)

    assert undelivered(day) == 1


def test_the_task_delivers_in_the_park_it_was_sent_from(park_a):
    from servicedays.tasks import hub_sync_deliver

    with schema_context(park_a.schema_name):
        day = day_create()
    # Run from the hub's schema, as a worker would: the schema comes from the task's header.
    hub_sync_deliver.apply(args=(day.pk,), headers={"_schema_name": park_a.schema_name})
    assert hub_copy(park_a, day).title == day.title
