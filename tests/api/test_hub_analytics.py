"""The dashboards' figures and drill-down lists through the hub's JSON API: the same figures as
the pages (analytics.dashboard), the same lists (analytics.drilldown), for the same people.

The data: park alpha has two cases at 工信局 (one answered, one not), park beta one answered case
at 工信局 — all submitted today, through the real workflows."""

import pytest
from django.utils import timezone

from analytics.dashboard import department_scorecard, department_view, district_dashboard
from analytics.dashboard import links_for as page_links
from analytics.scope import Scope, period_bounds
from analytics.tables import Table
from onewindow.models import Case, Department, WindowRecord
from onewindow.services.cases import case_answer

from ..appeals.helpers import deliver_to_hub, deliver_to_parks, dispatched_case
from ..personas import user_in
from .conftest import api_client, issue_token

pytestmark = pytest.mark.django_db

DISTRICT = "/api/v1/analytics/district/"
DEPARTMENT = "/api/v1/analytics/department/"
DRILL = "/api/v1/analytics/cases/"


@pytest.fixture
def data(park_a, park_b):
    Case.objects.all().delete()
    WindowRecord.objects.all().delete()
    liaison = user_in("public", "liaison")
    _appeal, answered = dispatched_case("alpha")
    case_answer(case=answered, by=liaison, text="已答复：按政策办理。")
    _appeal, open_case = dispatched_case("alpha", title="尚未答复的诉求")
    _appeal, in_beta = dispatched_case("beta")
    case_answer(case=in_beta, by=liaison, text="已答复。")
    deliver_to_parks()
    for schema in ("alpha", "beta"):
        deliver_to_hub(schema)
    return {"answered": answered, "open": open_case, "beta": in_beta}


@pytest.fixture
def admin(api_as):
    return api_as("public", "district_admin")


def this_year(**filters) -> Scope:
    start, end = period_bounds("year", timezone.localdate())
    return Scope(period="year", start=start, end=end, **filters)


def shown(table: Table) -> list:
    """A table as the figures a reader sees: each cell's text and number."""
    return [[(cell.text, cell.number) for cell in row] for row in table.rows]


def as_json(table: dict) -> list:
    return [[(cell["text"], cell["number"]) for cell in row] for row in table["rows"]]


def tables(body: dict) -> dict[str, dict]:
    return {table["name"]: table for table in body["tables"]}


def test_the_district_figures_are_the_dashboard_s(data, admin):
    board = district_dashboard(this_year())

    body = admin.get(DISTRICT).json()

    assert body["scope"]["period"] == "year"
    assert [(k["label"], k["cell"]["text"]) for k in body["kpis"]] == [
        (label, cell.text) for label, cell in board.kpis
    ]
    assert list(tables(body)) == ["trend", *board.tables]
    for name, table in {"trend": board.trend, **board.tables}.items():
        assert tables(body)[name]["headers"] == table.headers, name
        assert as_json(tables(body)[name]) == shown(table), name
    assert [k["word"] for k in body["keywords"]] == [word for word, _n, _h in board.keywords]


def test_a_rate_carries_its_parts_and_both_drill_down_links(data, admin):
    body = admin.get(DISTRICT).json()
    on_time = dict((k["label"], k["cell"]) for k in body["kpis"])["按时办结率"]

    assert (on_time["numerator"], on_time["denominator"], on_time["number"]) == (2, 2, 100.0)
    assert on_time["href"].startswith("http://localhost/api/v1/analytics/cases/?period=year")
    assert "metric=on_time" in on_time["href"]
    assert on_time["page_href"].startswith("http://localhost/analytics/cases/?period=year")


def test_the_park_filter_and_the_sort_are_the_page_s(data, admin, park_a):
    scope = this_year(park=park_a.pk)
    expected = department_scorecard(
        scope, page_links("analytics:cases", scope), sort="average_handling_days"
    )

    body = admin.get(DISTRICT, {"park": park_a.pk, "sort": "average_handling_days"}).json()

    assert body["kpis"][0]["cell"]["number"] == 2
    assert as_json(tables(body)["departments"]) == shown(expected)
    assert "parks" not in tables(body)


@pytest.mark.parametrize(
    ("query", "field", "code"),
    [
        ({"period": "custom", "start": "2026-05-01", "end": "2026-04-01"}, None, "period"),
        ({"period": "custom", "start": "2026-05-01"}, None, "period"),
        ({"period": "decade"}, "period", "invalid_choice"),
        ({"at": "yesterday"}, "at", "invalid"),
        ({"park": 10**30}, "park", "invalid_choice"),
        ({"category": "x"}, "category", "invalid_choice"),
        ({"sort": "salary"}, "sort", "invalid_choice"),
        ({"period": "year", "at": "9999-12-31"}, None, "period"),
        ({"period": "custom", "start": "0001-01-01", "end": "0001-02-01"}, None, "period"),
    ],
)
def test_bad_parameters_are_a_400_never_a_quiet_default(data, admin, query, field, code):
    response = admin.get(DISTRICT, query)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    if field:
        assert error["fields"][field][0]["code"] == code


def test_liaisons_get_no_district_figures_and_admins_no_department_view(data, api_as, admin):
    for path in (DISTRICT, f"{DISTRICT}?period=month"):
        response = api_as("public", "liaison").get(path)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
    assert admin.get(DEPARTMENT).status_code == 403


def test_anonymous_and_park_tokens_get_401(data):
    park_token = issue_token("alpha", "park_operator")
    for path in (DISTRICT, DEPARTMENT, DRILL):
        assert api_client("localhost").get(path).status_code == 401
        response = api_client("localhost", park_token).get(path)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "token_invalid"


def test_a_liaison_sees_their_department_against_the_district(data, api_as):
    own = Department.objects.get(short_name="工信局")
    other = Department.objects.get(short_name="科创局")
    board = department_view(this_year(department=own.pk))

    body = api_as("public", "liaison").get(DEPARTMENT, {"department": other.pk}).json()

    assert body["department"] == {"id": own.pk, "name": own.name}
    assert body["scope"]["department"] == own.pk
    assert as_json(tables(body)["department"]) == shown(board.tables["department"])
    assert tables(body)["department"]["rows"][0][1]["text"] == "3"
    other_body = api_as("public", "other_liaison").get(DEPARTMENT).json()
    assert tables(other_body)["department"]["rows"][0][1]["text"] == "0"


def _counted(cell: dict) -> int | None:
    """How many rows a figure counts: a rate's denominator, a count itself."""
    if cell["denominator"] is not None:
        return cell["denominator"]
    if cell["number"] is not None and "." not in cell["text"]:
        return cell["number"]
    return None


def test_every_drill_down_lists_as_many_rows_as_its_figure_counts(data, admin):
    body = admin.get(DISTRICT).json()
    cells = [k["cell"] for k in body["kpis"]]
    for name in ("departments", "parks", "categories", "windows"):
        cells += [cell for row in tables(body)[name]["rows"] for cell in row if cell["href"]]
    checked = 0
    for cell in cells:
        expected = _counted(cell)
        if expected is None:
            continue
        response = admin.get(cell["href"])
        assert response.status_code == 200, cell["href"]
        assert response.json()["count"] == expected, cell["href"]
        checked += 1
    assert checked > 20


def test_the_on_time_list_holds_exactly_the_answered_cases_with_the_deciding_fact(data, admin):
    response = admin.get(DRILL, {"metric": "on_time"})

    body = response.json()
    assert (body["metric"], body["label"], body["kind"], body["column"]) == (
        "on_time",
        "按时办结率",
        "cases",
        "按时办结",
    )
    assert {row["tracking_number"] for row in body["results"]} == {
        data["answered"].tracking_number,
        data["beta"].tracking_number,
    }
    assert {row["fact"] for row in body["results"]} == {"是"}
    assert {row["department"] for row in body["results"]} == {"工业和信息化局"}


def test_a_window_figure_lists_window_records_for_admins_only(data, admin, api_as):
    windows = tables(admin.get(DISTRICT).json())["windows"]
    appeals = sum(row[1]["number"] for row in windows["rows"])

    body = admin.get(DRILL, {"metric": "window_appeals"}).json()

    assert body["kind"] == "window"
    assert body["count"] == appeals == 3
    assert {row["staff_name"] for row in body["results"]} == {"window_staff"}
    response = api_as("public", "liaison").get(DRILL, {"metric": "window_appeals"})
    assert response.status_code == 404


def test_a_liaison_s_drill_down_never_lists_another_department_s_cases(data, api_as):
    own = Department.objects.get(short_name="工信局")

    other = api_as("public", "other_liaison").get(DRILL, {"department": own.pk})
    mine = api_as("public", "liaison").get(DRILL, {"metric": "volume"})

    assert other.status_code == 200
    assert other.json()["count"] == 0
    assert mine.json()["count"] == 3


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"metric": "bonus"}, 400, "invalid_choice"),
        ({"metric": "window_appeals", "staff": "abc"}, 400, "invalid"),
        ({"keyword": "x" * 21}, 400, "max_length"),
        ({"page": 999}, 404, "not_found"),
        ({"page_size": "many"}, 200, None),
        ({"keyword": "贷款\x00"}, 400, "null_characters_not_allowed"),
    ],
)
def test_drill_down_parameters_are_checked(data, admin, query, status, code):
    response = admin.get(DRILL, query)

    assert response.status_code == status
    if code:
        assert response.json()["error"]["code"] == code


def test_a_rate_of_no_cases_is_a_dash_with_an_empty_list(data, admin):
    body = admin.get(DISTRICT, {"period": "year", "at": "2020-06-01"}).json()
    on_time = body["kpis"][3]["cell"]

    assert (on_time["text"], on_time["number"], on_time["denominator"]) == ("—", None, 0)
    assert admin.get(on_time["href"]).json()["count"] == 0
