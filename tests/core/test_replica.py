"""Reads from the read replica: the dashboards, their exports and the API's public lists read
from the "replica" alias when one is configured; writes and every other page stay on the
primary; a replica that is down costs one failed connect per half-minute while the pages answer
from the primary; a park reads its own schema through the replica as through the primary."""

import csv
import datetime
import io
import logging
import re

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from cms.cache import _bump
from core import replica
from onewindow.models import Case, Department, WindowRecord
from onewindow.services.cases import case_answer
from portal.settings.services import databases
from tests.api.conftest import api_client, issue_token
from tests.appeals.helpers import deliver_to_hub, deliver_to_parks, dispatched_case
from tests.cms import content
from tests.conftest import host_client, log_in
from tests.personas import user_in

PRIMARY_URL = "postgres://postgres@db.example:5432/parkportal"

pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture
def data(park_a, park_b):
    """Two cases of park alpha (one answered), one answered case of park beta."""
    Case.objects.all().delete()  # cases committed by server tests; rolled back afterwards
    WindowRecord.objects.all().delete()
    liaison = user_in("public", "liaison")
    _appeal, answered = dispatched_case("alpha")
    case_answer(case=answered, by=liaison, text="已答复：按政策办理。")
    _appeal, open_case = dispatched_case("alpha")
    _appeal, in_beta = dispatched_case("beta")
    case_answer(case=in_beta, by=liaison, text="已答复。")
    deliver_to_parks()
    for schema in ("alpha", "beta"):
        deliver_to_hub(schema)
    return {"alpha": {answered.tracking_number, open_case.tracking_number}, "beta": in_beta}


@pytest.fixture
def header(settings):
    settings.REPLICA_READS_HEADER = True


def client_for(host: str, username: str):
    client = host_client(host)
    log_in(client, username)
    return client


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def tracking_numbers(response) -> set[str]:
    return set(re.findall(r"(?:ALFA|BETA)-\d{8}-\d{4}", response.content.decode("utf-8-sig")))


def read_on(alias: str, request):
    """The answer of `request()` and the SQL it ran on `alias`."""
    with CaptureQueriesContext(connections[alias]) as queries:
        response = request()
    return response, " ".join(query["sql"] for query in queries.captured_queries)


# --- Settings ------------------------------------------------------------------------------


def test_without_a_replica_url_there_is_no_replica_alias():
    assert set(databases(PRIMARY_URL)) == {"default"}
    assert set(databases(PRIMARY_URL, "")) == {"default"}


def test_the_replica_is_parsed_like_the_primary_with_a_short_connect_timeout():
    configured = databases(PRIMARY_URL, "postgres://reader:secret@db-replica.example:5433/pp")

    read = configured["replica"]
    assert read["ENGINE"] == configured["default"]["ENGINE"]
    assert (read["HOST"], read["PORT"], read["USER"], read["NAME"]) == (
        "db-replica.example",
        "5433",
        "reader",
        "pp",
    )
    assert read["OPTIONS"]["connect_timeout"] == 2
    assert read["TEST"] == {"MIRROR": "default"}  # no second test database


# --- Reads go to the replica ---------------------------------------------------------------


def test_the_district_dashboard_is_read_from_the_replica(mirror, data, header):
    client = client_for("localhost", "district_admin")

    response, sql = read_on("replica", lambda: client.get("/analytics/"))

    assert response.status_code == 200
    assert response["X-Read-From"] == "replica"
    assert "onewindow_case" in sql
    assert response.context["board"].headline.volume == 3


def test_an_export_is_read_from_the_replica(mirror, data):
    client = client_for("localhost", "district_admin")

    response, sql = read_on("replica", lambda: client.get("/analytics/?export=parks&format=csv"))
    _same, on_primary = read_on(
        DEFAULT_DB_ALIAS, lambda: client.get("/analytics/?export=parks&format=csv")
    )

    assert response.status_code == 200
    assert sorted((row[0], row[1]) for row in csv_rows(response)[1:]) == [
        ("贝塔创新园", "1"),
        ("阿尔法科技园", "2"),
    ]
    assert "onewindow_case" in sql
    assert "onewindow_case" not in on_primary


def test_the_api_dashboard_and_news_list_are_read_from_the_replica(mirror, data, park_a):
    with schema_context(park_a.schema_name):
        content.news("园区举办融资对接会", date=datetime.date(2026, 11, 5))
    district = api_client("localhost", issue_token("public", "district_admin"))

    board, board_sql = read_on("replica", lambda: district.get("/api/v1/analytics/district/"))
    news, news_sql = read_on("replica", lambda: api_client("alpha.localhost").get("/api/v1/news/"))

    assert board.status_code == 200
    assert "onewindow_case" in board_sql
    assert news.status_code == 200
    assert [row["title"] for row in news.json()["results"]] == ["园区举办融资对接会"]
    assert "cms_newspage" in news_sql


def test_pages_outside_the_scope_never_read_from_the_replica(mirror, data):
    liaison = api_client("localhost", issue_token("public", "liaison"))

    cases, sql = read_on("replica", lambda: liaison.get("/api/v1/cases/"))
    page, page_sql = read_on("replica", lambda: client_for("localhost", "liaison").get("/cases/"))

    assert cases.status_code == 200
    assert page.status_code == 200
    assert sql == ""
    assert page_sql == ""


def test_a_write_in_the_scope_goes_to_the_primary_and_its_transaction_reads_its_own_rows(mirror):
    primary = connections[DEFAULT_DB_ALIAS]
    with (
        CaptureQueriesContext(mirror) as on_replica,
        CaptureQueriesContext(primary) as on_primary,
        replica.replica_scope() as reading,
    ):
        Department.objects.count()
        with transaction.atomic():
            Department.objects.create(name="数据管理局", short_name="数据局")
            found = Department.objects.filter(short_name="数据局").exists()

    replica_sql = " ".join(query["sql"] for query in on_replica.captured_queries)
    primary_sql = " ".join(query["sql"] for query in on_primary.captured_queries)
    assert reading is True
    assert found is True
    assert "COUNT(*)" in replica_sql
    assert "INSERT INTO" in primary_sql
    assert "INSERT INTO" not in replica_sql
    assert '"onewindow_department"."short_name" = ' in primary_sql
    assert '"onewindow_department"."short_name" = ' not in replica_sql


def test_an_object_read_in_the_scope_is_saved_to_the_primary(mirror):
    with replica.replica_scope():
        department = Department.objects.get(short_name="工信局")
    assert department._state.db == "replica"

    department.name = "工业和信息化局（新）"
    with CaptureQueriesContext(mirror) as on_replica:
        department.save(update_fields=["name"])

    assert on_replica.captured_queries == []
    assert Department.objects.get(pk=department.pk).name == "工业和信息化局（新）"


# --- The park's schema ---------------------------------------------------------------------


def test_a_park_reads_its_own_schema_through_the_replica(mirror, park_a, park_b):
    with schema_context(park_a.schema_name):
        content.news("阿尔法动态", date=datetime.date(2026, 11, 5))
    with schema_context(park_b.schema_name):
        content.news("贝塔动态", date=datetime.date(2026, 11, 5))

    beta, _sql = read_on("replica", lambda: api_client("beta.localhost").get("/api/v1/news/"))
    alpha, sql = read_on("replica", lambda: api_client("alpha.localhost").get("/api/v1/news/"))

    assert [row["title"] for row in beta.json()["results"]] == ["贝塔动态"]
    assert [row["title"] for row in alpha.json()["results"]] == ["阿尔法动态"]
    # The test's replica shares the primary's session: prove it set the park's schema itself.
    assert 'SET search_path = "alpha","public"' in sql


def test_a_park_s_export_through_the_replica_never_shows_another_park_s_cases(mirror, data):
    beta = client_for("beta.localhost", "window_staff")
    alpha = client_for("alpha.localhost", "window_staff")
    url = "/office/analytics/cases/?metric=volume&export=cases&format=csv"

    beta_export, _sql = read_on("replica", lambda: beta.get(url))
    alpha_export, sql = read_on("replica", lambda: alpha.get(url))

    assert tracking_numbers(beta_export) == {data["beta"].tracking_number}
    assert alpha_export.status_code == 200
    assert tracking_numbers(alpha_export) == data["alpha"]
    assert "onewindow_case" in sql


# --- A replica that is down ----------------------------------------------------------------


def test_with_the_replica_down_the_pages_answer_from_the_primary(
    dead_replica, data, header, monkeypatch, caplog
):
    attempts = []
    connect = dead_replica.get_new_connection
    monkeypatch.setattr(
        dead_replica, "get_new_connection", lambda params: attempts.append(1) or connect(params)
    )
    client = client_for("localhost", "district_admin")

    with caplog.at_level(logging.WARNING, logger="core.replica"):
        first = client.get("/analytics/")
        export = client.get("/analytics/?export=parks&format=csv")
        news = api_client("alpha.localhost").get("/api/v1/news/")

    assert first.status_code == 200
    assert first["X-Read-From"] == "primary"
    assert first.context["board"].headline.volume == 3
    assert export.status_code == 200
    assert len(csv_rows(export)) == 3
    assert news.status_code == 200
    assert len(attempts) == 1  # remembered as down: the later pages did not try again
    assert len([r for r in caplog.records if r.name == "core.replica"]) == 1


def test_a_replica_down_is_tried_again_after_the_half_minute(dead_replica, data, monkeypatch):
    attempts = []
    connect = dead_replica.get_new_connection
    monkeypatch.setattr(
        dead_replica, "get_new_connection", lambda params: attempts.append(1) or connect(params)
    )
    client = client_for("localhost", "district_admin")
    now = replica.monotonic()

    client.get("/analytics/")
    monkeypatch.setattr(replica, "monotonic", lambda: now + replica.RETRY_SECONDS - 1)
    client.get("/analytics/")
    monkeypatch.setattr(replica, "monotonic", lambda: now + replica.RETRY_SECONDS + 1)
    response = client.get("/analytics/")

    assert response.status_code == 200
    assert len(attempts) == 2


@pytest.mark.parametrize("lost", [False, True], ids=["query-cancelled", "connection-lost"])
def test_a_replica_failing_during_a_page_is_read_again_from_the_primary(mirror, data, header, lost):
    def fail_once(execute, sql, params, many, context):
        if not failed and sql.startswith("SELECT"):
            failed.append(sql)
            mirror.errors_occurred = True  # as Django marks a connection an error went through
            if lost:
                mirror.connection = None
            raise OperationalError("canceling statement due to conflict with recovery")
        return execute(sql, params, many, context)

    failed: list[str] = []
    client = client_for("localhost", "district_admin")

    with mirror.execute_wrapper(fail_once):
        response = client.get("/analytics/")
    if lost:  # the fixture's shared session back, for the next page
        mirror.connection = connections[DEFAULT_DB_ALIAS].connection
    again = client.get("/analytics/")

    assert response.status_code == 200
    assert response["X-Read-From"] == "primary"
    assert response.context["board"].headline.volume == 3
    assert failed
    # A lost replica is remembered as down; a cancelled query is not.
    assert again["X-Read-From"] == ("primary" if lost else "replica")


def test_healthz_reports_the_replica_up_or_down(request, settings):
    settings.HEALTHZ_TOKEN = "a-monitoring-token"
    headers = {"X-Health-Token": "a-monitoring-token"}

    up = host_client("localhost").get("/healthz", headers=headers)
    request.getfixturevalue("dead_replica")
    down = host_client("localhost").get("/healthz", headers=headers)

    assert up.json()["replica"] == "up"
    assert down.json()["replica"] == "down"
    assert down.json()["database"] == "up"
    assert down.status_code == up.status_code  # reported, not required


def test_what_is_kept_for_every_visitor_is_computed_on_the_primary(mirror, park_a):
    """A shared cache entry (here: the park's restricted sections, behind every public list) is
    kept under the current content generation: computed from a lagging replica, it would keep
    a newly restricted section public until the next change. So it is read on the primary,
    even inside the API list's replica scope."""
    with schema_context(park_a.schema_name):
        content.news("园区举办融资对接会", date=datetime.date(2026, 11, 5))
        _bump()  # a cold shared cache: the next request computes the entry
    primary = connections[DEFAULT_DB_ALIAS]
    with CaptureQueriesContext(mirror) as on_replica, CaptureQueriesContext(primary) as on_primary:
        news = api_client("alpha.localhost").get("/api/v1/news/")
    replica_sql = " ".join(query["sql"] for query in on_replica.captured_queries)
    primary_sql = " ".join(query["sql"] for query in on_primary.captured_queries)

    assert news.status_code == 200
    assert "cms_newspage" in replica_sql
    assert "wagtailcore_pageviewrestriction" in primary_sql
    assert "wagtailcore_pageviewrestriction" not in replica_sql
