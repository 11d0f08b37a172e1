"""Demo service days: every park gets days that are over and days open for booking now,
consistent with each other and only once."""

import pytest
from django.db.models import F
from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.models import Appeal
from demo.parks import seed_hub
from demo.servicedays import demo_service_days_seed_park
from onewindow.models import Case, HubServiceDay
from servicedays.models import Booking, HubSyncMessage, ServiceDay, WaitlistEntry

from ..servicedays.helpers import book, enterprise_new, persona_enterprise


@pytest.fixture
def seeded(park_a):
    seed_hub()  # the district's departments, categories and a liaison for each department
    with schema_context(park_a.schema_name):
        for _ in range(3):
            enterprise_new()
    made = demo_service_days_seed_park(park=park_a, number=1)
    return park_a, made


def _counts() -> tuple[int, ...]:
    return (
        ServiceDay.objects.count(),
        Booking.objects.count(),
        WaitlistEntry.objects.count(),
        Appeal.objects.count(),
    )


def test_seeding_the_park_again_adds_nothing(seeded):
    park, made = seeded
    assert made == 6
    with schema_context(park.schema_name):
        before = _counts()
    assert demo_service_days_seed_park(park=park, number=1) == 0
    with schema_context(park.schema_name):
        assert _counts() == before


def test_an_upcoming_day_has_free_seats_the_persona_can_book_now(seeded):
    park, _made = seeded
    now = timezone.now()
    with schema_context(park.schema_name):
        upcoming = [day for day in ServiceDay.objects.published() if day.is_bookable(now)]
        assert len(upcoming) == 3
        enterprise = persona_enterprise()
        free = [
            day
            for day in upcoming
            if not day.bookings.filter(enterprise=enterprise).exists()
            and day.slots.filter(booked__lt=F("capacity")).exists()
        ]
        assert free
        slot = free[0].slots.filter(booked__lt=F("capacity")).first()
        assert book(slot, enterprise).status == Booking.Status.CONFIRMED


def test_an_upcoming_day_has_a_full_slot_with_a_waitlist(seeded):
    park, _made = seeded
    with schema_context(park.schema_name):
        entry = WaitlistEntry.objects.waiting().select_related("slot__service_day").get()
        assert entry.slot.is_full
        assert entry.slot.service_day.is_bookable(timezone.now())


def test_a_cancelled_upcoming_day_gives_its_reason_and_holds_no_seat(seeded):
    park, _made = seeded
    with schema_context(park.schema_name):
        day = ServiceDay.objects.get(status=ServiceDay.Status.CANCELLED)
        assert day.cancel_reason
        assert day.date > timezone.localdate()
        assert day.bookings.exists()
        assert not day.bookings.holding_seat().exists()
        assert not day.slots.filter(booked__gt=0).exists()


def test_past_days_are_completed_with_outcomes_and_no_shows(seeded):
    park, _made = seeded
    with schema_context(park.schema_name):
        past = ServiceDay.objects.filter(date__lt=timezone.localdate())
        assert past.count() == 2
        assert set(past.values_list("status", flat=True)) == {ServiceDay.Status.COMPLETED}
        bookings = Booking.objects.filter(service_day__in=past)
        attended = bookings.filter(status=Booking.Status.ATTENDED)
        assert attended.count() == 6
        assert not attended.filter(outcome="").exists()
        assert attended.filter(outcome=Booking.Outcome.RESOLVED).count() == 4
        assert bookings.filter(status=Booking.Status.NO_SHOW).count() == 2
        assert bookings.filter(status=Booking.Status.CANCELLED).count() == 2
        assert not bookings.filter(created_at__gt=timezone.now()).exists()


def test_the_follow_up_appeal_is_linked_both_ways_and_sent_to_its_department(seeded):
    park, _made = seeded
    with schema_context(park.schema_name):
        booking = Booking.objects.select_related("appeal").get(appeal__isnull=False)
        appeal = Appeal.objects.get(pk=booking.appeal_id)
        assert appeal.service_day_booking == booking
        assert booking.outcome == Booking.Outcome.FOLLOW_UP
        assert appeal.enterprise_id == booking.enterprise_id
        assert appeal.filed_at_window
        assert appeal.submitted_at.date() > booking.service_day.date
        assert appeal.status == Appeal.Status.DISPATCHED
        department = booking.slot.department_id
    case = Case.objects.get(park=park, appeal_id=appeal.pk)
    assert case.department_id == department


def test_no_slot_is_over_capacity_or_miscounted(seeded):
    park, _made = seeded
    with schema_context(park.schema_name):
        for day in ServiceDay.objects.all():
            for slot in day.slots.all():
                assert slot.bookings.holding_seat().count() == slot.booked <= slot.capacity


def test_the_hub_has_a_copy_of_every_demo_day(seeded):
    park, _made = seeded
    with schema_context(park.schema_name):
        days = set(ServiceDay.objects.values_list("pk", "status"))
        assert not HubSyncMessage.objects.filter(delivered_at__isnull=True).exists()
    copies = HubServiceDay.objects.filter(park=park).values_list("day_id", "status")
    assert set(copies) == days
