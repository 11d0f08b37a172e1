"""`manage.py seed_load`: appeals at volume in real parks, with the facts the lifecycle would
store, resumable.

The tests use the ordinary rolled-back transaction (`db`), not `transaction=True`: creating a
park's schema is transactional in PostgreSQL, and flushing the tables afterwards would also
drop the parks and personas the session seeded once.
"""

import io
import random

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import schema_exists

from onewindow.facts import CASE_FACT_FIELDS, case_facts, case_keywords
from onewindow.models import (
    Case,
    CaseAnswer,
    CaseArrival,
    CasePause,
    ExtensionRequest,
    HubBooking,
    HubServiceDay,
    WindowRecord,
)
from tenants.models import Park

pytestmark = pytest.mark.django_db

LOADED = {"tracking_number__startswith": "LOAD-"}


def seed_load() -> str:
    out = io.StringIO()
    call_command("seed_load", parks=2, appeals=400, seed=1, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def table_counts() -> dict[str, int]:
    models = (Park, WindowRecord, Case, CaseArrival, CaseAnswer, CasePause, ExtensionRequest)
    models += (HubServiceDay, HubBooking)
    return {model.__name__: model.objects.count() for model in models}


def test_every_appeal_has_a_window_record_and_every_accepted_one_a_case_in_a_real_park():
    seed_load()
    parks = Park.objects.filter(slug__in=["load01", "load02"])
    assert [p.slug for p in parks.order_by("slug")] == ["load01", "load02"]
    assert all(schema_exists(p.schema_name) and p.domains.exists() for p in parks)
    records = WindowRecord.objects.filter(**LOADED)
    assert records.count() == 400
    accepted = set(
        records.filter(outcome=WindowRecord.Outcome.ACCEPTED).values_list("park", "appeal_id")
    )
    assert 0.7 < len(accepted) / 400 < 0.95
    assert set(Case.objects.filter(**LOADED).values_list("park", "appeal_id")) == accepted
    assert HubServiceDay.objects.filter(park__in=parks).exists()


def test_every_appeal_was_submitted_in_the_last_two_years():
    seed_load()
    today = timezone.localdate()
    two_years_ago = today.replace(year=today.year - 2)
    for model in (WindowRecord, Case):
        days = list(model.objects.filter(**LOADED).values_list("submitted_on", flat=True))
        assert days
        assert all(two_years_ago < day <= today for day in days)


def test_stored_facts_are_the_ones_case_facts_computes_from_the_arrivals_answers_and_pauses():
    seed_load()
    cases = list(Case.objects.filter(**LOADED).order_by("pk"))
    # Every detour that changes a fact, plus a random sample of the rest.
    detours = [
        c
        for c in cases
        if c.transfers or c.paused_days or c.rehandle_count or c.arrivals.count() > 1
    ]
    sample = detours[:20] + random.Random(1).sample(cases, 30)
    assert any(c.transfers for c in sample)
    for case in sample:
        facts = case_facts(case)
        assert {name: getattr(case, name) for name in CASE_FACT_FIELDS} == {
            name: getattr(facts, name) for name in CASE_FACT_FIELDS
        }, case.tracking_number
        for item in facts.arrivals:
            arrival = item.arrival
            assert (arrival.sign_by, arrival.signed_in_time, arrival.transferred_out) == (
                item.sign_by,
                item.signed_in_time,
                item.transferred_out,
            ), case.tracking_number
            assert (arrival.park_id, arrival.category_id, arrival.submitted_on) == (
                case.park_id,
                case.category_id,
                case.submitted_on,
            )
        assert case.keywords == case_keywords(case.title, case.description)


def test_a_second_run_adds_nothing():
    seed_load()
    before = table_counts()
    report = seed_load()
    assert table_counts() == before
    assert "appeals: 0" in report
