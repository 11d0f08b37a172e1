"""The dashboards, their drill-down and exports, and who may see them.

The data: park alpha has two cases at 工信局 (one answered, one not), park beta one answered case
at 工信局 — all submitted today, through the real workflows.
"""

import csv
import io
import re
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from accounts.models import User
from analytics.dashboard import district_dashboard
from analytics.scope import Scope, period_bounds
from onewindow.models import Case, Department, WindowRecord
from onewindow.services.cases import case_answer
from tests.appeals.helpers import deliver_to_hub, deliver_to_parks, dispatched_case
from tests.conftest import host_client, log_in
from tests.personas import user_in

FORMULA = '=HYPERLINK("http://evil.example","点我")'


@pytest.fixture
def data(park_a, park_b):
    Case.objects.all().delete()  # cases committed by server tests; rolled back afterwards
    WindowRecord.objects.all().delete()
    liaison = user_in("public", "liaison")
    _appeal, answered = dispatched_case("alpha")
    case_answer(case=answered, by=liaison, text="已答复：按政策办理。")
    _appeal, open_case = dispatched_case("alpha", title=FORMULA)
    _appeal, in_beta = dispatched_case("beta")
    case_answer(case=in_beta, by=liaison, text="已答复。")
    deliver_to_parks()
    for schema in ("alpha", "beta"):
        deliver_to_hub(schema)
    return {"answered": answered, "open": open_case, "beta": in_beta}


def client_for(host: str, username: str):
    client = host_client(host)
    log_in(client, username)
    return client


def this_year() -> Scope:
    start, end = period_bounds("year", timezone.localdate())
    return Scope(period="year", start=start, end=end)


def cases_listed(response) -> set[str]:
    return set(re.findall(r"(?:ALFA|BETA)-\d{8}-\d{4}", response.content.decode()))


def test_the_district_admin_sees_every_park_and_department(data):
    response = client_for("localhost", "district_admin").get("/analytics/")

    assert response.status_code == 200
    board = response.context["board"]
    assert board.headline.volume == 3
    assert str(board.headline.on_time) == "100.0%"  # both answers on the day they came
    parks = [row[0].text for row in board.tables["parks"].rows]
    assert sorted(parks) == ["贝塔创新园", "阿尔法科技园"]
    assert [row[1].text for row in board.tables["departments"].rows] == ["工业和信息化局"]


def test_the_filter_by_park_is_in_the_url_and_narrows_every_figure(data, park_a):
    client = client_for("localhost", "district_admin")

    response = client.get(f"/analytics/?period=year&park={park_a.pk}")

    board = response.context["board"]
    assert board.headline.volume == 2
    assert str(board.headline.on_time) == "100.0%"
    assert [row[0].text for row in board.tables["windows"].rows] == ["阿尔法科技园"]


def test_the_on_time_rate_of_a_department_drills_down_to_exactly_its_answers(data):
    client = client_for("localhost", "district_admin")
    board = client.get("/analytics/").context["board"]
    row = board.tables["departments"].rows[0]
    on_time = row[2 + 3]  # rank, name, then volume, response rate, on-time rate

    response = client.get(on_time.href)

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2
    assert cases_listed(response) == {
        data["answered"].tracking_number,
        data["beta"].tracking_number,
    }


def test_a_rate_without_cases_shows_a_dash(data):
    client = client_for("localhost", "district_admin")

    response = client.get("/analytics/?period=year&at=2020-06-01")

    assert response.context["board"].headline.volume == 0
    assert [cell.text for _label, cell in response.context["board"].kpis][1:] == ["—"] * 6 + ["—"]


def test_a_bad_custom_period_is_explained_and_the_default_is_shown(data):
    client = client_for("localhost", "district_admin")

    response = client.get("/analytics/?period=custom&start=2026-05-01&end=2026-04-01")

    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["__all__"][0].code == "period"
    assert 'role="alert"' in response.content.decode()
    assert response.context["scope"].period == "year"


@pytest.mark.parametrize(
    "query",
    [
        "period=year&at=9999-12-31",
        "period=month&at=0001-01-01",
        "period=custom&start=0001-01-01&end=0001-02-01",
    ],
)
def test_a_period_far_from_today_is_explained_not_a_server_error(data, query):
    client = client_for("localhost", "district_admin")

    response = client.get(f"/analytics/?{query}")

    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["__all__"][0].code == "period"
    assert response.context["scope"].period == "year"


@pytest.mark.parametrize("path", ["/analytics/", "/analytics/report/", "/analytics/?export=parks"])
def test_liaisons_get_no_district_dashboard(data, path):
    assert client_for("localhost", "liaison").get(path).status_code == 403


def test_a_liaison_sees_their_department_against_the_district(data):
    response = client_for("localhost", "liaison").get("/analytics/department/")

    assert response.status_code == 200
    table = response.context["board"].tables["department"]
    assert table.headers[1:] == ["本部门", "全区（所有部门）"]
    assert table.rows[0][1].text == "3"  # 工信局 received all three


def test_a_liaison_s_drill_down_never_lists_another_department_s_cases(data):
    other = Department.objects.get(short_name="工信局")
    client = client_for("localhost", "other_liaison")  # 科创局

    response = client.get(f"/analytics/cases/?metric=volume&department={other.pk}")

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert cases_listed(response) == set()
    assert client.get("/analytics/cases/?metric=window_accepted").status_code == 404


def test_the_liaison_of_the_department_sees_its_cases(data):
    response = client_for("localhost", "liaison").get("/analytics/cases/?metric=volume")

    assert response.context["page"].paginator.count == 3


def test_park_staff_see_only_their_park(data, park_b):
    client = client_for("alpha.localhost", "window_staff")

    page = client.get("/office/analytics/")
    drill = client.get(f"/office/analytics/cases/?metric=volume&park={park_b.pk}")

    assert page.status_code == 200
    assert page.context["board"].headline.volume == 2
    assert [row[0].text for row in page.context["board"].tables["windows"].rows] == ["阿尔法科技园"]
    assert cases_listed(drill) == {data["answered"].tracking_number, data["open"].tracking_number}


def test_the_park_operator_sees_the_park_dashboard(data):
    response = client_for("alpha.localhost", "park_operator").get("/office/analytics/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/office/analytics/",
        "/office/analytics/cases/?metric=volume",
        "/office/analytics/?export=staff&format=csv",
    ],
)
def test_enterprises_get_no_dashboard_and_no_export(data, path):
    assert client_for("alpha.localhost", "enterprise_user").get(path).status_code == 403


def test_the_hub_dashboard_needs_a_login(data):
    response = host_client("localhost").get("/analytics/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_department_table_exports_as_xlsx_with_the_figures_on_screen(data):
    client = client_for("localhost", "district_admin")
    shown = client.get("/analytics/").context["board"].tables["departments"]

    response = client.get("/analytics/?" + urlencode({"export": "departments", "format": "xlsx"}))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == shown.headers
    for cells, exported in zip(shown.rows, rows[1:], strict=True):
        assert [_as_shown(value, cell) for value, cell in zip(exported, cells, strict=True)] == [
            cell.text for cell in cells
        ]


def _as_shown(value, cell) -> str:
    """An exported value written the way the page writes it (rates in per cent)."""
    if value == "—" or value is None:
        return "—"
    if cell.text.endswith("%"):
        return f"{value:.1f}%"
    if isinstance(cell.value, float):
        return f"{value:.1f}"
    return str(value)


def test_the_parks_table_exports_as_csv(data):
    client = client_for("localhost", "district_admin")

    response = client.get("/analytics/?export=parks&format=csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "园区"
    assert sorted((row[0], row[1]) for row in rows[1:]) == [
        ("贝塔创新园", "1"),
        ("阿尔法科技园", "2"),
    ]


def test_a_formula_in_an_appeal_title_comes_out_inert(data):
    client = client_for("localhost", "district_admin")

    response = client.get("/analytics/cases/?metric=volume&export=cases&format=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[3].value for row in sheet.iter_rows(min_row=2)]
    assert "'" + FORMULA in titles
    assert all(row[3].data_type == "s" for row in sheet.iter_rows(min_row=2))
    csv_response = client.get("/analytics/cases/?metric=volume&export=cases&format=csv")
    assert "'" + FORMULA.replace('"', '""') in csv_response.content.decode("utf-8-sig")


def test_an_unknown_table_or_figure_is_not_found(data):
    client = client_for("localhost", "district_admin")

    assert client.get("/analytics/?export=salaries").status_code == 404
    assert client.get("/analytics/?export=parks&format=pdf").status_code == 404
    assert client.get("/analytics/cases/?metric=bonus").status_code == 404


def test_the_figures_are_sql_aggregates_whatever_the_number_of_cases(
    data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        district_dashboard(this_year())


def test_the_case_page_explains_its_appraisal_facts(data):
    client = client_for("localhost", "district_admin")

    response = client.get(f"/cases/{data['answered'].pk}/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "考核要素" in text
    assert response.context["facts"].on_time is True
    assert response.context["facts"].handling_days == 0


def test_the_window_staff_member_is_credited(data):
    with schema_context("alpha"):
        staff = User.objects.get(username="window_staff")
    records = WindowRecord.objects.filter(park__slug="alpha")

    assert set(records.values_list("staff_id", "outcome")) == {(staff.pk, "accepted")}


def test_the_park_s_list_links_to_the_window_page_only_for_window_staff(data):
    path = "/office/analytics/cases/?metric=volume"
    number = data["answered"].tracking_number

    staff = client_for("alpha.localhost", "window_staff").get(path).content.decode()
    operator = client_for("alpha.localhost", "park_operator").get(path).content.decode()

    assert f'href="/office/appeals/{number}/"' in staff
    assert number in operator
    assert f'href="/office/appeals/{number}/"' not in operator
