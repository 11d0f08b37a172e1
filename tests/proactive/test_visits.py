"""Regular visits (走访): coverage by the plan's period, recording a visit, and a raised item filed
into the window as an appeal once, linked both ways, by the window only."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tenants.utils import schema_context

from accounts.models import User
from appeals.models import Appeal
from enterprises.models import Enterprise
from proactive.models import Visit, VisitItem, VisitPlan
from proactive.services import visits

from ..appeals.helpers import category
from ..conftest import host_client, log_in
from ..servicedays.helpers import enterprise_new

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
MID_MAY = datetime.datetime(2026, 5, 15, 10, 0, tzinfo=SHANGHAI)


def staff(username: str = "window_staff") -> User:
    return User.objects.get(username=username)


def persona(username: str = "enterprise_user") -> Enterprise:
    return Enterprise.objects.get(account__username=username)


def visit(enterprise: Enterprise, on: datetime.date, items=(), visitor: str = "park_operator"):
    return visits.visit_record(
        enterprise=enterprise,
        visited_on=on,
        visitor=staff(visitor),
        met_with="张总经理",
        summary="了解企业经营情况",
        items=list(items),
        by=staff(visitor),
    )


def client_for(username: str, host: str = "alpha.localhost"):
    client = host_client(host)
    log_in(client, username)
    return client


def error_codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


@pytest.mark.parametrize(
    ("today", "months", "start", "end"),
    [
        ("2026-05-15", 1, "2026-05-01", "2026-05-31"),
        ("2026-02-28", 1, "2026-02-01", "2026-02-28"),
        ("2026-05-15", 3, "2026-04-01", "2026-06-30"),
        ("2026-12-31", 3, "2026-10-01", "2026-12-31"),
        ("2026-07-01", 6, "2026-07-01", "2026-12-31"),
        ("2026-06-30", 6, "2026-01-01", "2026-06-30"),
        ("2026-01-01", 12, "2026-01-01", "2026-12-31"),
    ],
)
def test_the_period_is_the_calendar_month_quarter_half_or_year_holding_today(
    today, months, start, end
):
    found = visits.period_containing(datetime.date.fromisoformat(today), months)
    assert found == (datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))


@time_machine.travel(MID_MAY, tick=False)
def test_coverage_counts_the_verified_enterprises_visited_in_the_period(in_park_a):
    pending = enterprise_new("待审核企业")
    pending.status = Enterprise.Status.PENDING
    pending.save(update_fields=["status"])
    due = Enterprise.objects.verified().count()
    visit(persona("enterprise_user"), datetime.date(2026, 4, 1))  # this quarter
    visit(persona("enterprise_user"), datetime.date(2026, 5, 2))  # counted once
    visit(persona("other_enterprise_user"), datetime.date(2026, 3, 31))  # last quarter

    coverage = visits.visit_coverage(datetime.date(2026, 5, 15))
    assert (coverage.due, coverage.visited) == (due, 1)
    assert (coverage.period_start, coverage.period_end) == (
        datetime.date(2026, 4, 1),
        datetime.date(2026, 6, 30),
    )
    assert persona("enterprise_user") not in visits.enterprises_not_visited(coverage)
    assert persona("other_enterprise_user") in visits.enterprises_not_visited(coverage)
    assert pending not in visits.enterprises_not_visited(coverage)

    visits.visit_plan_set(period_months=VisitPlan.Period.YEAR, by=staff("park_operator"))
    assert visits.visit_coverage(datetime.date(2026, 5, 15)).visited == 2
    visits.visit_plan_set(period_months=VisitPlan.Period.MONTH, by=staff("park_operator"))
    assert visits.visit_coverage(datetime.date(2026, 5, 15)).visited == 1
    assert visits.visit_coverage(datetime.date(2026, 6, 1)).visited == 0


@time_machine.travel(MID_MAY, tick=False)
def test_the_visits_page_shows_coverage_and_who_is_still_due(park_a):
    with schema_context("alpha"):
        visit(persona("enterprise_user"), datetime.date(2026, 5, 2))
        due = Enterprise.objects.verified().count()
    response = client_for("window_staff").get("/office/visits/")
    assert response.status_code == 200
    coverage = response.context["coverage"]
    assert (coverage.visited, coverage.due) == (1, due)
    names = [enterprise.name for enterprise in response.context["page"]]
    assert "阿尔法科技园other_enterprise_user公司" in names
    assert "阿尔法科技园enterprise_user公司" not in names
    assert response.context["plan_form"] is None  # the plan is the operators'


def test_only_park_operators_set_the_visit_plan(park_a):
    refused = client_for("window_staff").post("/office/visits/plan/", {"period_months": "1"})
    assert refused.status_code == 403
    operator = client_for("park_operator")
    assert operator.post("/office/visits/plan/", {"period_months": "7"}).status_code == 400
    assert operator.post("/office/visits/plan/", {"period_months": "1"}).status_code == 302
    with schema_context("alpha"):
        assert VisitPlan.objects.get(pk=1).period_months == 1
        with pytest.raises(PermissionDenied):
            visits.visit_plan_set(period_months=3, by=staff("window_staff"))


@time_machine.travel(MID_MAY, tick=False)
def test_a_visit_is_recorded_with_its_raised_items(park_a):
    with schema_context("alpha"):
        enterprise = persona()
    response = client_for("park_operator").post(
        "/office/visits/new/",
        {
            "enterprise": enterprise.pk,
            "visited_on": "2026-05-14",
            "visitor": "",  # the form starts with the current user; here it was cleared
            "met_with": "张总经理",
            "summary": "企业扩产计划",
            "item_1": "厂房扩建需要办理规划许可\n希望园区协调",
            "item_2": "  ",
            "item_3": "招聘应届生的补贴政策",
        },
    )
    assert response.status_code == 400
    assert [e.code for e in response.context["form"].errors.as_data()["visitor"]] == ["required"]
    with schema_context("alpha"):
        operator = staff("park_operator")
    blank = client_for("park_operator").get("/office/visits/new/")
    assert blank.status_code == 200
    assert blank.context["form"]["visitor"].value() == operator.pk  # the current user
    assert blank.context["form"]["visited_on"].value() == datetime.date(2026, 5, 15)
    response = client_for("park_operator").post(
        "/office/visits/new/",
        {
            "enterprise": enterprise.pk,
            "visited_on": "2026-05-14",
            "visitor": operator.pk,
            "met_with": "张总经理",
            "summary": "企业扩产计划",
            "item_1": "厂房扩建需要办理规划许可\n希望园区协调",
            "item_2": "  ",
            "item_3": "招聘应届生的补贴政策",
        },
    )
    assert response.status_code == 302
    with schema_context("alpha"):
        recorded = Visit.objects.get()
        assert response["Location"] == reverse("proactive_office:visit", args=[recorded.pk])
        assert (recorded.enterprise, recorded.visitor) == (enterprise, operator)
        assert [item.text for item in recorded.items.all()] == [
            "厂房扩建需要办理规划许可\n希望园区协调",
            "招聘应届生的补贴政策",
        ]


@time_machine.travel(MID_MAY, tick=False)
def test_a_visit_cannot_be_dated_in_the_future_nor_made_by_a_non_staff_visitor(in_park_a):
    with pytest.raises(ValidationError) as refused:
        visits.visit_record(
            enterprise=persona(),
            visited_on=datetime.date(2026, 5, 16),
            visitor=persona().account,
            met_with="张总",
            summary="",
            items=[],
            by=staff(),
        )
    assert error_codes(refused.value) == {"visited_on": ["future"], "visitor": ["not_staff"]}
    pending = enterprise_new()
    pending.status = Enterprise.Status.PENDING
    pending.save(update_fields=["status"])
    with pytest.raises(ValidationError) as refused:
        visit(pending, datetime.date(2026, 5, 15))
    assert error_codes(refused.value) == {"enterprise": ["not_verified"]}
    with pytest.raises(PermissionDenied):
        visits.visit_record(
            enterprise=persona(),
            visited_on=datetime.date(2026, 5, 15),
            visitor=staff(),
            met_with="张总",
            summary="",
            items=[],
            by=persona().account,
        )
    assert not Visit.objects.exists()


@time_machine.travel(MID_MAY, tick=False)
def test_the_visit_form_refuses_a_future_date(park_a):
    with schema_context("alpha"):
        enterprise, visitor = persona(), staff()
    response = client_for("window_staff").post(
        "/office/visits/new/",
        {
            "enterprise": enterprise.pk,
            "visited_on": "2026-05-16",
            "visitor": visitor.pk,
            "met_with": "张总",
        },
    )
    assert response.status_code == 400
    assert [e.code for e in response.context["form"].errors.as_data()["visited_on"]] == ["future"]
    with schema_context("alpha"):
        assert not Visit.objects.exists()


def raised_item(text: str = "厂房扩建需要办理规划许可\n希望园区协调工信局") -> VisitItem:
    recorded = visit(persona(), datetime.date(2026, 5, 14), items=[text])
    return recorded.items.get()


@time_machine.travel(MID_MAY, tick=False)
def test_a_raised_item_becomes_an_appeal_once_linked_both_ways(park_a):
    with schema_context("alpha"):
        item = raised_item()
        defaults = visits.visit_item_defaults(item)
    window = client_for("window_staff")
    url = f"/office/visits/items/{item.pk}/appeal/"
    form = window.get(url).context["form"]
    assert form.initial == defaults
    assert defaults["title"] == "厂房扩建需要办理规划许可"
    assert defaults["description"].startswith("厂房扩建需要办理规划许可\n希望园区协调工信局\n\n")
    assert "2026-05-14" in defaults["description"]
    assert "park_operator" in defaults["description"]  # who raised it: the visitor
    assert (defaults["contact_name"], defaults["contact_mobile"]) == (
        persona_in_a("contact_name"),
        persona_in_a("mobile"),
    )
    data = {**defaults, "category": category_in_a()}
    with schema_context("alpha"):
        # Live-server tests commit appeals of their own: count this test's.
        existing = set(Appeal.objects.values_list("pk", flat=True))
    first = window.post(url, data)
    again = window.post(url, data)
    with schema_context("alpha"):
        appeal = Appeal.objects.exclude(pk__in=existing).get()
        item.refresh_from_db()
        assert item.appeal == appeal
        assert appeal.visit_item == item
        assert appeal.filed_at_window
        assert (appeal.title, appeal.description) == (defaults["title"], defaults["description"])
        assert appeal.enterprise == persona()
    detail = reverse("appeals:window_detail", args=[appeal.tracking_number])
    assert (first.status_code, first["Location"]) == (302, detail)
    assert (again.status_code, again["Location"]) == (302, detail)  # the same appeal
    assert appeal.tracking_number in window.get("/office/appeals/").content.decode()
    page = window.get(detail).content.decode()
    assert f'href="/office/visits/{item.visit_id}/"' in page
    assert "2026-05-14" in page
    mine = client_for("enterprise_user").get(f"/appeals/{appeal.tracking_number}/")
    assert mine.status_code == 200
    assert "2026-05-14" in mine.content.decode()
    assert "/office/visits/" not in mine.content.decode()
    visit_page = window.get(f"/office/visits/{item.visit_id}/").content.decode()
    assert appeal.tracking_number in visit_page


@time_machine.travel(MID_MAY, tick=False)
def test_filing_twice_through_the_service_returns_the_same_appeal(in_park_a):
    item = raised_item()
    fields = {**visits.visit_item_defaults(item), "category": category()}
    before = Appeal.objects.count()  # live-server tests commit appeals of their own
    first = visits.visit_item_file(item=item, by=staff(), **fields)
    second = visits.visit_item_file(item=item, by=staff(), **fields)
    assert first == second
    assert Appeal.objects.count() == before + 1


@time_machine.travel(MID_MAY, tick=False)
def test_only_the_window_files_a_raised_item(park_a):
    with schema_context("alpha"):
        before = Appeal.objects.count()  # live-server tests commit appeals of their own
        item = raised_item()
        fields = {**visits.visit_item_defaults(item), "category": category()}
        for username in ("park_operator", "content_manager", "enterprise_user"):
            with pytest.raises(PermissionDenied):
                visits.visit_item_file(item=item, by=staff(username), **fields)
    url = f"/office/visits/items/{item.pk}/appeal/"
    data = {**fields, "category": fields["category"].pk}
    for username in ("park_operator", "enterprise_user", "content_manager"):
        client = client_for(username)
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403
    assert host_client("alpha.localhost").get(url).status_code == 302  # to the login page
    with schema_context("alpha"):
        assert Appeal.objects.count() == before
        item.refresh_from_db()
        assert item.appeal is None


@time_machine.travel(MID_MAY, tick=False)
def test_another_parks_staff_cannot_see_the_visit(park_a, park_b):
    with schema_context("alpha"):
        item = raised_item()
    other = client_for("window_staff", host="beta.localhost")
    assert other.get(f"/office/visits/{item.visit_id}/").status_code == 404
    assert other.get(f"/office/visits/items/{item.pk}/appeal/").status_code == 404
    assert other.get("/office/visits/").context["recent"].count() == 0


def test_enterprises_and_visitors_without_an_account_stay_out(park_a):
    enterprise = client_for("enterprise_user")
    for url in ("/office/visits/", "/office/visits/new/"):
        assert enterprise.get(url).status_code == 403
        response = host_client("alpha.localhost").get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def persona_in_a(field: str) -> str:
    with schema_context("alpha"):
        return getattr(persona(), field)


def category_in_a() -> int:
    with schema_context("alpha"):
        return category().pk
