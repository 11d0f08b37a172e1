"""Proactive-service figures: counted in the park, written hourly into the hub for the district,
shown on the park's dashboard (live) and the district's (from the hub's rows)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_tenants.utils import schema_context

from accounts.models import User
from cms.models import Industry, Qualification
from enterprises.models import Enterprise
from onewindow.models import ParkProactiveFigures
from proactive import tasks
from proactive.models import OutreachOutcome, PolicyMatch
from proactive.services import figures, matching, outreach, visits

from ..appeals.helpers import category
from ..cms.content import policy
from ..conftest import host_client, log_in
from .test_matching import fill, software_policy

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
EARLY_DECEMBER = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI)  # in Q4 2026

EXPECTED = {
    "profiles": 2,
    "matches": 4,
    "enterprises_matched": 2,
    "outreach_done": 3,
    "applied": 2,
    "granted": 1,
    "visits": 2,
    "visits_due": 2,
    "visited": 1,
    "visit_appeals": 1,
}


@pytest.fixture(autouse=True)
def _no_other_parks_figures(db):
    """The hub starts with no park's figures in each test (rolled back with the test): the demo
    parks a browser test seeded report theirs too."""
    ParkProactiveFigures.objects.all().delete()


def staff(username: str = "window_staff") -> User:
    return User.objects.get(username=username)


def persona(username: str) -> Enterprise:
    return Enterprise.objects.get(account__username=username)


def contact(page, username: str, outcome: str) -> None:
    outreach.outreach_record(
        policy=page, enterprise=persona(username), outcome=outcome, note="", by=staff()
    )


def visit(username: str, on: datetime.date, items=()):
    return visits.visit_record(
        enterprise=persona(username),
        visited_on=on,
        visitor=staff("park_operator"),
        met_with="张总经理",
        summary="",
        items=list(items),
        by=staff("park_operator"),
    )


def file_first_item(visit_row) -> None:
    item = visit_row.items.first()
    fields = {**visits.visit_item_defaults(item), "category": category()}
    visits.visit_item_file(item=item, by=staff(), **fields)


def small_data_set() -> None:
    """In the current park: two profiles; four matches of two enterprises (and two near misses,
    not counted); outreach with three contacts made and one still pending; this quarter two visits
    to one enterprise, one item filed as an appeal; last quarter's visit and appeal not counted."""
    fill("enterprise_user")  # a small software company
    fill("other_enterprise_user", code="39", headcount=400, revenue=5000)  # a medium factory
    software = software_policy()
    wider = policy("软件企业扶持（含中型）", enterprise_sizes=["small", "micro", "medium"])
    wider.industries.set([Industry.objects.get(code="I")])
    wider.save_revision().publish()
    general = policy("普惠政策", min_years_since_founding=1)  # both were founded in 2019
    high_tech = policy("高企奖励", min_years_since_founding=1)  # a qualification short: near
    high_tech.qualifications.set([Qualification.objects.get_or_create(name="高新技术企业")[0]])
    high_tech.save_revision().publish()
    matching.matches_refresh()
    assert PolicyMatch.objects.filter(verdict="near").count() == 2
    contact(software, "enterprise_user", OutreachOutcome.CONTACTED)
    contact(general, "enterprise_user", OutreachOutcome.APPLIED)
    contact(general, "other_enterprise_user", OutreachOutcome.GRANTED)
    outreach.outreach_assign(
        policy=wider, enterprise=persona("enterprise_user"), assignee=staff(), by=staff()
    )
    file_first_item(visit("enterprise_user", datetime.date(2026, 11, 20), ["融资难", "用地紧张"]))
    visit("enterprise_user", datetime.date(2026, 12, 1))
    file_first_item(visit("other_enterprise_user", datetime.date(2026, 9, 20), ["人才公寓"]))


def counted(row) -> dict[str, int]:
    return {name: getattr(row, name) for name in figures.REPORTED}


@time_machine.travel(EARLY_DECEMBER, tick=False)
def test_the_park_figures_count_the_small_data_set(park_a):
    with schema_context("alpha"):
        small_data_set()
        result = figures.park_figures()
    assert counted(result) == EXPECTED
    assert (result.period_start, result.period_end) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
    )


@time_machine.travel(EARLY_DECEMBER, tick=False)
def test_another_park_counts_only_its_own(park_a, park_b):
    with schema_context("alpha"):
        small_data_set()
    with schema_context("beta"):
        result = figures.park_figures()
    assert counted(result) == {**dict.fromkeys(EXPECTED, 0), "visits_due": 2}


@time_machine.travel(EARLY_DECEMBER, tick=False)
def test_the_report_writes_one_hub_row_per_park(park_a, park_b):
    with schema_context("alpha"):
        small_data_set()
        figures.figures_report()
        figures.figures_report()
    row = ParkProactiveFigures.objects.get(park=park_a)
    assert counted(row) == EXPECTED
    assert row.counted_at == EARLY_DECEMBER
    tasks.figures_report()  # beat: every active park
    assert ParkProactiveFigures.objects.filter(park=park_a).count() == 1
    assert counted(ParkProactiveFigures.objects.get(park=park_b))["visits_due"] == 2


# --- The dashboards -------------------------------------------------------------------------


def client_for(username: str, host: str):
    client = host_client(host)
    log_in(client, username)
    return client


def table_figures(table) -> dict[str, object]:
    return {row[0].text: row[1].value for row in table.rows}


@time_machine.travel(EARLY_DECEMBER, tick=False)
@pytest.mark.parametrize("username", ["window_staff", "park_operator"])
def test_the_park_dashboard_shows_the_live_figures(park_a, username):
    with schema_context("alpha"):
        small_data_set()
    response = client_for(username, "alpha.localhost").get("/office/analytics/")
    assert response.status_code == 200
    table = response.context["board"].tables["proactive"]
    assert [row[1].value for row in table.rows[: len(EXPECTED)]] == list(EXPECTED.values())
    coverage = table.rows[-1][1].value
    assert (coverage.numerator, coverage.denominator) == (1, 2)
    assert 'id="proactive"' in response.content.decode()


@pytest.mark.parametrize("username", ["enterprise_user", "content_manager"])
def test_others_in_the_park_do_not_see_the_park_dashboard(park_a, username):
    response = client_for(username, "alpha.localhost").get("/office/analytics/")
    assert response.status_code == 403


@time_machine.travel(EARLY_DECEMBER, tick=False)
def test_the_district_dashboard_shows_each_parks_reported_figures_and_totals(park_a, park_b):
    with schema_context("alpha"):
        small_data_set()
        figures.figures_report()
    with schema_context("beta"):
        figures.figures_report()
    response = client_for("district_admin", "localhost").get("/analytics/")
    assert response.status_code == 200
    table = response.context["board"].tables["proactive_parks"]
    assert len(table.rows) == 3  # each park, then the totals
    assert {row[0].text for row in table.rows[:2]} == {park_a.name, park_b.name}
    totals = table.rows[-1]
    assert [cell.value for cell in totals[1:-1]] == [
        EXPECTED[name] + (2 if name == "visits_due" else 0) for name in figures.REPORTED
    ]
    assert totals[-1].text == "2026-12-05 10:00"
    assert 'id="proactive_parks"' in response.content.decode()
    export = client_for("district_admin", "localhost").get(
        "/analytics/?export=proactive_parks&format=csv"
    )
    assert export.status_code == 200


def test_the_district_table_is_empty_before_any_park_reports(park_a):
    response = client_for("district_admin", "localhost").get("/analytics/")
    assert response.context["board"].tables["proactive_parks"].rows == []


def test_a_liaison_does_not_see_the_district_dashboard(park_a):
    assert client_for("liaison", "localhost").get("/analytics/").status_code == 403
