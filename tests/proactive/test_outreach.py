"""Outreach by the park's staff: per policy, the enterprises that qualify or nearly do, assigned
and contacted with outcomes kept as history; the 免申即享 list exported for the department."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from accounts.models import User
from cms.models import Industry, PolicyPage
from enterprises.models import Enterprise
from proactive.models import Outreach, OutreachContact, OutreachOutcome
from proactive.services import matching, outreach
from proactive.services.profiles import profile_for, profile_save

from ..cms.content import policy
from ..conftest import host_client, log_in
from ..servicedays.helpers import enterprise_new

pytestmark = pytest.mark.django_db


def fill(enterprise: Enterprise, *, code: str, headcount: int | None, revenue: int) -> Enterprise:
    profile_save(
        profile=profile_for(enterprise),
        by=enterprise.account,
        industry=Industry.objects.get(code=code),
        founded_on=datetime.date(2019, 3, 1),
        headcount=headcount,
        revenue_band=revenue,
        assets_band=None,
        tags=[],
        qualifications=[],
    )
    matching.enterprise_rematch(enterprise_id=enterprise.pk)
    return enterprise


def persona(username: str = "enterprise_user") -> Enterprise:
    return Enterprise.objects.get(account__username=username)


def staff(username: str = "park_operator") -> User:
    return User.objects.get(username=username)


def software_policy(title: str = "软件企业扶持", **fields) -> PolicyPage:
    """For small and micro enterprises of information technology (section I)."""
    page = policy(title, enterprise_sizes=["small", "micro"], **fields)
    page.industries.set([Industry.objects.get(code="I")])
    page.save_revision().publish()
    matching.policy_rematch(policy_id=page.pk)
    return page


def park_with_matches(**policy_fields) -> PolicyPage:
    """In the current park: enterprise_user qualifies (small software company),
    other_enterprise_user nearly does (a software company that has not given its employees: its
    size is unknown), and a medium-sized factory matches neither."""
    fill(persona("enterprise_user"), code="65", headcount=40, revenue=500)
    fill(persona("other_enterprise_user"), code="65", headcount=None, revenue=500)
    fill(enterprise_new("大型制造企业"), code="39", headcount=400, revenue=5000)
    return software_policy(**policy_fields)


@pytest.fixture
def matched(park_a):
    with schema_context("alpha"):
        return park_with_matches()


def client_for(username: str, host: str = "alpha.localhost"):
    client = host_client(host)
    log_in(client, username)
    return client


def listed(response) -> list[tuple[str, str, str, str]]:
    """(the persona, verdict, missing criterion, outcome) of each row shown."""
    return [
        (
            row.enterprise.name.removeprefix("阿尔法科技园").removesuffix("公司"),
            row.verdict,
            row.missing,
            row.outcome,
        )
        for row in response.context["rows"]
    ]


def test_the_list_shows_qualifying_then_near_misses_of_this_park(matched, park_b):
    with schema_context("beta"):
        theirs = park_with_matches(title="贝塔园区软件企业扶持")
    operator = client_for("park_operator")
    overview = operator.get("/office/outreach/")
    assert overview.status_code == 200
    [row] = overview.context["rows"]
    assert (row.policy.pk, row.qualifying, row.near, row.contacted) == (matched.pk, 1, 1, 0)
    response = operator.get(f"/office/outreach/{matched.pk}/")
    assert response.status_code == 200
    assert listed(response) == [
        ("enterprise_user", "match", "", "pending"),
        ("other_enterprise_user", "near", "size", "pending"),
    ]
    page = response.content.decode()
    assert "阿尔法科技园enterprise_user公司" in page
    assert "贝塔创新园" not in page
    other = client_for("window_staff", host="beta.localhost")
    [their_row] = other.get("/office/outreach/").context["rows"]
    assert their_row.policy.title == "贝塔园区软件企业扶持"
    beta_list = other.get(f"/office/outreach/{theirs.pk}/")
    assert {row.enterprise.name for row in beta_list.context["rows"]} == {
        "贝塔创新园enterprise_user公司",
        "贝塔创新园other_enterprise_user公司",
    }


def test_staff_assign_and_record_contacts_kept_as_history(matched):
    with schema_context("alpha"):
        enterprise, operator, window = persona(), staff(), staff("window_staff")
    client = client_for("park_operator")
    base = f"/office/outreach/{matched.pk}/{enterprise.pk}"
    response = client.post(f"{base}/assign/", {"assignee": window.pk, "keep-verdict": "match"})
    assert response.status_code == 302
    assert response["Location"] == f"/office/outreach/{matched.pk}/?verdict=match#e{enterprise.pk}"
    assert client.post(f"{base}/assign/", {"assignee": operator.pk}).status_code == 302
    for outcome, note in (
        ("unreachable", "电话未接通"),
        ("contacted", "已介绍政策"),
        ("applied", ""),
    ):
        response = client.post(f"{base}/contact/", {"outcome": outcome, "note": note})
        assert response.status_code == 302
    with schema_context("alpha"):
        row = Outreach.objects.get(policy=matched, enterprise=enterprise)
        assert (row.assigned_to, row.outcome) == (operator, OutreachOutcome.APPLIED)
        history = OutreachContact.objects.filter(outreach=row).order_by("at", "id")
        assert [(c.outcome, c.note, c.by) for c in history] == [
            ("unreachable", "电话未接通", operator),
            ("contacted", "已介绍政策", operator),
            ("applied", "", operator),
        ]
    [policy_row] = client.get("/office/outreach/").context["rows"]
    assert (policy_row.contacted, policy_row.applied, policy_row.granted) == (1, 1, 0)

    mine = client.get(f"/office/outreach/{matched.pk}/", {"assigned": "me"})
    assert listed(mine) == [("enterprise_user", "match", "", "applied")]
    assert mine.context["rows"][0].assigned_to == operator
    assert len(mine.context["rows"][0].contacts) == 3
    unassigned = client.get(f"/office/outreach/{matched.pk}/", {"assigned": "none"})
    assert listed(unassigned) == [("other_enterprise_user", "near", "size", "pending")]
    pending = client.get(f"/office/outreach/{matched.pk}/", {"outcome": "pending"})
    assert [row[0] for row in listed(pending)] == ["other_enterprise_user"]
    near = client.get(f"/office/outreach/{matched.pk}/", {"verdict": "near"})
    assert [row[0] for row in listed(near)] == ["other_enterprise_user"]


def test_a_contact_on_unassigned_outreach_assigns_it_to_whoever_made_it(matched):
    with schema_context("alpha"):
        window = staff("window_staff")
        outreach.outreach_record(
            policy=matched,
            enterprise=persona("other_enterprise_user"),
            outcome="granted",
            note="",
            by=window,
        )
        row = Outreach.objects.get(policy=matched)
        assert (row.assigned_to, row.outcome) == (window, "granted")


def test_an_enterprise_that_does_not_match_cannot_be_added(matched):
    with schema_context("alpha"):
        factory = Enterprise.objects.get(name="大型制造企业")
        for work in (
            lambda: outreach.outreach_assign(
                policy=matched, enterprise=factory, assignee=staff(), by=staff()
            ),
            lambda: outreach.outreach_record(
                policy=matched, enterprise=factory, outcome="contacted", note="", by=staff()
            ),
        ):
            with pytest.raises(ValidationError) as refused:
                work()
            assert refused.value.code == "not_matched"
    client = client_for("park_operator")
    response = client.post(
        f"/office/outreach/{matched.pk}/{factory.pk}/contact/", {"outcome": "contacted"}
    )
    assert response.status_code == 400
    with schema_context("alpha"):
        assert not Outreach.objects.exists()


def test_outreach_is_assigned_to_the_parks_staff_only(matched):
    with schema_context("alpha"):
        enterprise = persona()
        for username in ("enterprise_user", "content_manager"):
            with pytest.raises(ValidationError) as refused:
                outreach.outreach_assign(
                    policy=matched, enterprise=enterprise, assignee=staff(username), by=staff()
                )
            assert [e.code for e in refused.value.error_dict["assignee"]] == ["not_staff"]
        with pytest.raises(ValidationError) as refused:
            outreach.outreach_record(
                policy=matched, enterprise=enterprise, outcome="pending", note="", by=staff()
            )
        assert [e.code for e in refused.value.error_dict["outcome"]] == ["invalid_outcome"]
        manager = staff("content_manager")
    client = client_for("park_operator")
    response = client.post(
        f"/office/outreach/{matched.pk}/{enterprise.pk}/assign/", {"assignee": manager.pk}
    )
    assert response.status_code == 400
    with schema_context("alpha"):
        assert not Outreach.objects.exists()


def test_only_the_parks_staff_work_the_outreach(matched):
    with schema_context("alpha"):
        enterprise = persona()
        for username in ("enterprise_user", "content_manager"):
            with pytest.raises(PermissionDenied):
                outreach.outreach_record(
                    policy=matched,
                    enterprise=enterprise,
                    outcome="contacted",
                    note="",
                    by=staff(username),
                )
    base = f"/office/outreach/{matched.pk}"
    for username in ("enterprise_user", "content_manager"):
        client = client_for(username)
        assert client.get("/office/outreach/").status_code == 403
        assert client.get(f"{base}/").status_code == 403
        response = client.post(f"{base}/{enterprise.pk}/contact/", {"outcome": "contacted"})
        assert response.status_code == 403
    anonymous = host_client("alpha.localhost").get(f"{base}/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    other_park = client_for("window_staff", host="beta.localhost")
    response = other_park.post(f"{base}/{enterprise.pk}/contact/", {"outcome": "contacted"})
    assert response.status_code == 404
    with schema_context("alpha"):
        assert not Outreach.objects.exists()


def test_the_export_is_only_for_policies_granted_without_application(matched):
    client = client_for("window_staff")
    for fmt in ("csv", "xlsx"):
        assert client.get(f"/office/outreach/{matched.pk}/export.{fmt}").status_code == 404
    assert "export.csv" not in client.get(f"/office/outreach/{matched.pk}/").content.decode()


def test_the_export_lists_exactly_the_qualifying_enterprises(park_a):
    with schema_context("alpha"):
        page = park_with_matches(title="软件企业免申即享补贴", no_application_needed=True)
        enterprise = persona()
    client = client_for("park_operator")
    listing = client.get(f"/office/outreach/{page.pk}/").content.decode()
    assert f"/office/outreach/{page.pk}/export.xlsx" in listing
    response = client.get(f"/office/outreach/{page.pk}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 7
    assert [row[:4] for row in rows[1:]] == [
        [enterprise.name, enterprise.uscc, enterprise.contact_name, enterprise.mobile]
    ]
    assert rows[1][4] != ""  # the industry
    response = client.get(f"/office/outreach/{page.pk}/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert [row[:2] for row in values[1:]] == [[enterprise.name, enterprise.uscc]]
    assert (
        client_for("enterprise_user").get(f"/office/outreach/{page.pk}/export.csv").status_code
        == 403
    )


def test_exported_text_never_runs_as_a_formula():
    body = outreach.table_csv(["name"], [['=HYPERLINK("x")'], ["-1"], ["普通企业"]])
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [["name"], ['\'=HYPERLINK("x")'], ["'-1"], ["普通企业"]]
