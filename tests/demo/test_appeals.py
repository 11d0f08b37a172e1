"""Demo appeals: a park gets appeals in every state of the journey, consistent and only once."""

import uuid

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.models import Appeal, AppealEvent, OutboxMessage
from demo.appeals import demo_appeals_seed_park
from demo.appeals.texts import KEY_NAMESPACE
from demo.parks import seed_hub
from onewindow.models import Case, CaseArrival, CaseEvent, ExtensionRequest, ParkMessage

COUNT = 20


def demo_appeals(park):
    """The demo's appeals of the park (tests with a real server may have committed others)."""
    keys = [uuid.uuid5(KEY_NAMESPACE, f"{park.schema_name}/{index}") for index in range(COUNT)]
    return Appeal.objects.filter(submission_key__in=keys)


@pytest.fixture
def seeded(park_a):
    seed_hub()  # the district's categories, departments and a liaison for each department
    made = demo_appeals_seed_park(park=park_a, number=1, count=COUNT)
    return park_a, made


def test_the_demo_park_has_appeals_in_every_state(seeded):
    park, made = seeded
    today = timezone.localdate()
    with schema_context(park.schema_name):
        appeals = demo_appeals(park)
        assert made == COUNT == appeals.count()
        assert set(appeals.values_list("status", flat=True)) == set(Appeal.Status.values)
        assert appeals.window_overdue(today).exists()
        assert appeals.at_window().filter(window_due__gte=today).exists()
        assert appeals.filter(status=Appeal.Status.DISPATCHED, rehandle_count__gt=0).exists()
        assert appeals.filter(status=Appeal.Status.CLOSED, rehandle_count__gt=0).exists()
        assert appeals.filter(status=Appeal.Status.CLOSED, sent_to_hub=False).exists()
    cases = Case.objects.filter(park=park)
    assert set(cases.values_list("status", flat=True)) == set(Case.Status.values)
    assert cases.filter(is_overdue=True, status=Case.Status.IN_PROGRESS).exists()
    assert ExtensionRequest.objects.filter(case__park=park, status="pending").exists()
    assert CaseArrival.objects.filter(case__park=park, kind=CaseArrival.Kind.TRANSFER).exists()


def test_demo_appeals_agree_with_their_cases_and_lie_in_the_past(seeded):
    park, _made = seeded
    now = timezone.now()
    cases = {case.appeal_id: case for case in Case.objects.filter(park=park)}
    assert not ParkMessage.objects.filter(park=park, delivered_at__isnull=True).exists()
    assert not CaseEvent.objects.filter(case__park=park, at__gt=now).exists()
    with schema_context(park.schema_name):
        assert not OutboxMessage.objects.filter(delivered_at__isnull=True).exists()
        assert not AppealEvent.objects.filter(at__gt=now).exists()
        sent = demo_appeals(park).filter(sent_to_hub=True)
        demo_ids = set(demo_appeals(park).values_list("pk", flat=True))
        assert set(sent.values_list("pk", flat=True)) == set(cases) & demo_ids
        for appeal in sent:
            assert appeal.department_due == cases[appeal.pk].due_date
            assert appeal.tracking_number == cases[appeal.pk].tracking_number
            times = list(appeal.events.order_by("pk").values_list("at", flat=True))
            assert times == sorted(times)
            assert appeal.submitted_at <= appeal.accepted_at <= cases[appeal.pk].dispatched_at


def test_seeding_the_park_again_adds_nothing(seeded):
    park, _made = seeded
    cases = Case.objects.filter(park=park).count()
    assert demo_appeals_seed_park(park=park, number=1, count=COUNT) == 0
    assert Case.objects.filter(park=park).count() == cases
    with schema_context(park.schema_name):
        assert demo_appeals(park).count() == COUNT
