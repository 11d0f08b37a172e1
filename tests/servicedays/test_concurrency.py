"""Twenty enterprises race for the last seat of a slot, each on its own connection with real
commits: exactly one gets it, the others are offered the waitlist, the slot is never over
capacity.

pytest-django's test transaction is invisible to other connections, so everything here runs in
threads whose connections autocommit; the rows they make are named uniquely and removed at the
end.
"""

import threading

import pytest
from django.db import connections
from django_tenants.utils import schema_context

from accounts.models import User
from notifications.models import Notification
from servicedays.models import Booking, ServiceDay, ServiceDayDepartment, Slot, WaitlistEntry
from servicedays.services.common import SlotFull
from servicedays.services.waitlist import waitlist_join

from .helpers import book, day_create, enterprise_new, first_slot

pytestmark = pytest.mark.django_db

RACERS = 20


def in_alpha(work):
    """Run `work` in park alpha on a connection of its own (committed), in this thread."""
    try:
        with schema_context("alpha"):
            return work()
    finally:
        connections.close_all()


def committed(work):
    """Run `work` in a thread of its own and return what it returned."""
    result = {}

    def run():
        try:
            result["value"] = in_alpha(work)
        except BaseException as error:  # handed back to the test below
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def setup_last_seat():
    """A slot of three seats, two of them booked; twenty more enterprises to race."""
    day = day_create(seats_per_slot=3)
    slot = first_slot(day)
    for _ in range(2):
        book(slot, enterprise_new())
    return day, slot, [enterprise_new() for _ in range(RACERS)]


def race(slot, enterprises) -> list[str]:
    barrier = threading.Barrier(len(enterprises))
    outcomes = [""] * len(enterprises)

    def attempt(index, enterprise):
        def work():
            barrier.wait(timeout=30)
            try:
                book(slot, enterprise)
                return "booked"
            except SlotFull:
                waitlist_join(
                    slot=slot,
                    enterprise=enterprise,
                    by=enterprise.account,
                    topic="候补",
                    question="",
                )
                return "waitlisted"

        try:
            outcomes[index] = in_alpha(work)
        except Exception as error:
            outcomes[index] = f"error: {error!r}"

    threads = [threading.Thread(target=attempt, args=pair) for pair in enumerate(enterprises)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def cleanup(day_pk: int, enterprise_pks: list[int]) -> None:
    def work():
        from enterprises.models import Enterprise

        users = list(
            Enterprise.objects.filter(pk__in=enterprise_pks).values_list("account", flat=True)
        )
        WaitlistEntry.objects.filter(slot__service_day=day_pk).delete()
        Booking.objects.filter(service_day=day_pk).delete()
        Slot.objects.filter(service_day=day_pk).delete()
        ServiceDayDepartment.objects.filter(service_day=day_pk).delete()
        ServiceDay.objects.filter(pk=day_pk).delete()
        Notification.objects.filter(recipient__in=users).delete()
        Enterprise.objects.filter(pk__in=enterprise_pks).delete()
        User.objects.filter(pk__in=users).delete()

    committed(work)


def test_twenty_concurrent_bookings_for_the_last_seat_one_wins(park_a):
    day, slot, racers = committed(setup_last_seat)
    try:
        outcomes = race(slot, racers)
        assert outcomes.count("booked") == 1, outcomes
        assert outcomes.count("waitlisted") == RACERS - 1, outcomes
        with schema_context("alpha"):
            slot.refresh_from_db()
            assert slot.booked == slot.capacity == 3
            assert Booking.objects.holding_seat().filter(slot=slot).count() == 3
            assert WaitlistEntry.objects.waiting().filter(slot=slot).count() == RACERS - 1
    finally:
        cleanup(day.pk, sorted({e.pk for e in racers} | set(_bookers(day))))


def _bookers(day):
    with schema_context("alpha"):
        return list(Booking.objects.filter(service_day=day).values_list("enterprise", flat=True))


def test_one_enterprise_booking_two_slots_at_once_gets_only_its_one_booking(park_a):
    """The per-enterprise limit holds under concurrency: the enterprise's row lock makes the
    second request see the first booking."""

    def setup():
        day = day_create()  # one booking per enterprise
        slots = list(day.slots.order_by("starts_at")[:2])
        return day, slots, enterprise_new()

    day, slots, enterprise = committed(setup)
    barrier = threading.Barrier(2)
    outcomes = [""] * 2

    def attempt(index):
        def work():
            barrier.wait(timeout=30)
            book(slots[index], enterprise)
            return "booked"

        try:
            outcomes[index] = in_alpha(work)
        except Exception as error:
            outcomes[index] = getattr(error, "code", repr(error))

    try:
        threads = [threading.Thread(target=attempt, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(outcomes) == ["booked", "limit"], outcomes
        with schema_context("alpha"):
            assert Booking.objects.holding_seat().filter(service_day=day).count() == 1
    finally:
        cleanup(day.pk, [enterprise.pk])
