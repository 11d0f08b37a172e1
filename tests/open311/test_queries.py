"""GET requests, GET requests/<id>, GET tokens/<token>: what an integrator sees of its requests."""

import datetime
import uuid

import pytest
import time_machine
from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.models import Appeal
from open311 import selectors
from open311.models import Submission

from ..appeals.helpers import submit
from .conftest import body, filing, issue_key

pytestmark = pytest.mark.django_db
FORMATS = ["json", "xml"]
FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


def file_one(client, key, **fields) -> str:
    response = client.post("/open311/v2/requests.json", filing(key, **fields))
    assert response.status_code == 201
    return response.json()[0]["service_request_id"]


def ids_of(response) -> list[str]:
    assert response.status_code == 200
    return [row["service_request_id"] for row in response.json()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_requests_list_every_field_typed_with_w3c_datetimes(alpha, key, service, fmt):
    number = file_one(alpha, key, address_string="东门", lat="22.7", long="114.2")
    response = alpha.get(f"/open311/v2/requests.{fmt}", {"api_key": key})
    assert response.status_code == 200
    (row,) = body(response, fmt)
    assert set(row) == FIELDS
    assert row["service_request_id"] == number
    assert row["status"] == "open"
    assert row["status_notes"] == "待受理"
    assert row["service_code"] == service[1]
    assert row["service_name"] == "融资服务"
    assert row["address"] == "东门"
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        moment = datetime.datetime.fromisoformat(row[name])
        assert moment.tzinfo is not None
        assert moment.utcoffset() == datetime.timedelta(hours=8)
    if fmt == "json":
        assert row["lat"] == 22.7
        assert row["long"] == 114.2
        assert row["agency_responsible"] is None
    else:
        assert float(row["lat"]) == 22.7
        assert row["agency_responsible"] == ""


def test_status_notes_in_english_on_request(alpha, key):
    file_one(alpha, key)
    english = alpha.get(
        "/open311/v2/requests.json", {"api_key": key}, HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert english[0]["status_notes"] == "Awaiting acceptance"


def test_reads_need_a_valid_key(alpha, key):
    for path in ("requests.json", "servicerequestupdates.json", "requests/ALFA-20260101-0001.json"):
        assert alpha.get(f"/open311/v2/{path}").status_code == 403
        assert alpha.get(f"/open311/v2/{path}", {"api_key": "o311_00000000_x"}).status_code == 403


def test_an_organisation_sees_only_its_own_requests(alpha, key):
    mine = file_one(alpha, key)
    theirs = file_one(alpha, issue_key(organisation="另一家服务商"))
    submit("alpha")  # filed on the site: not any integrator's
    assert ids_of(alpha.get("/open311/v2/requests.json", {"api_key": key})) == [mine]
    replacement = issue_key()  # a new key of the same organisation sees what the old one filed
    assert ids_of(alpha.get("/open311/v2/requests.json", {"api_key": replacement})) == [mine]
    detail = alpha.get(f"/open311/v2/requests/{theirs}.json", {"api_key": key})
    assert detail.status_code == 404


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_request_by_id(alpha, key, fmt):
    number = file_one(alpha, key)
    response = alpha.get(f"/open311/v2/requests/{number}.{fmt}", {"api_key": key})
    assert response.status_code == 200
    (row,) = body(response, fmt)
    assert row["service_request_id"] == number
    missing = alpha.get(f"/open311/v2/requests/ALFA-20200101-0001.{fmt}", {"api_key": key})
    assert missing.status_code == 404
    assert str(body(missing, fmt)[0]["code"]) == "404"


def test_ids_override_the_other_filters(alpha, key):
    first, second = file_one(alpha, key), file_one(alpha, key)
    params = {
        "api_key": key,
        "service_request_id": f"{first}, {second.lower()},bogus",
        "status": "closed",
        "start_date": "2001-01-01T00:00:00Z",
    }
    assert sorted(ids_of(alpha.get("/open311/v2/requests.json", params))) == [first, second]


def test_filters_by_status_and_service_code(alpha, key, service):
    number = file_one(alpha, key)
    get = lambda **p: ids_of(alpha.get("/open311/v2/requests.json", {"api_key": key, **p}))  # noqa: E731
    assert get(status="open") == [number]
    assert get(status="closed") == []
    assert get(status="open,closed") == [number]
    assert get(service_code=service[1]) == [number]
    assert get(service_code="999,abc") == []


@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "yesterday"},
        {"end_date": "2026-13-01T00:00:00Z"},
        {"start_date": "2026-03-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        {"end_date": "0001-01-02T00:00:00+00:00"},
        {"start_date": "9999-12-30T00:00:00+00:00"},
        {"status": "pending"},
    ],
)
@pytest.mark.parametrize("path", ["requests", "servicerequestupdates"])
def test_bad_dates_and_statuses_are_400(alpha, key, params, path):
    if path == "servicerequestupdates" and "status" in params:
        return  # the updates take no status filter
    response = alpha.get(f"/open311/v2/{path}.xml", {"api_key": key, **params})
    assert response.status_code == 400
    assert body(response, "xml")[0]["code"] == "400"


def test_by_default_the_most_recent_90_days(alpha, key):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC), tick=False):
        old = file_one(alpha, key)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC), tick=False):
        recent = file_one(alpha, key)
    with time_machine.travel(datetime.datetime(2026, 4, 10, 10, tzinfo=datetime.UTC), tick=False):
        assert ids_of(alpha.get("/open311/v2/requests.json", {"api_key": key})) == [recent]
        since = {"api_key": key, "start_date": "2026-01-01T00:00:00+08:00"}
        assert ids_of(alpha.get("/open311/v2/requests.json", since)) == [recent, old]
        until = {"api_key": key, "end_date": "2026-01-31T00:00:00+08:00"}
        assert ids_of(alpha.get("/open311/v2/requests.json", until)) == [old]


def test_at_most_the_limit_newest_first(alpha, key, monkeypatch):
    numbers = [file_one(alpha, key) for _ in range(3)]
    monkeypatch.setattr(selectors, "MAX_RESULTS", 2)
    assert ids_of(alpha.get("/open311/v2/requests.json", {"api_key": key})) == numbers[:0:-1]


def test_the_default_limit_is_1000_requests(alpha, key):
    """Bulk rows: 1001 submissions filed in one go (the intake's path is exercised above)."""
    number = file_one(alpha, key)
    with schema_context("alpha"):
        template = Appeal.objects.get(tracking_number=number)
        submission = Submission.objects.get(appeal=template)
        now = timezone.now()
        copies = Appeal.objects.bulk_create(
            [
                Appeal(
                    tracking_number=f"ALFA-20261201-{index:05d}",
                    submission_key=uuid.uuid4(),
                    enterprise=template.enterprise,
                    submitted_by=template.submitted_by,
                    category=template.category,
                    title="t",
                    description="d",
                    contact_name="c",
                    contact_mobile="13800138001",
                    submitted_at=now - datetime.timedelta(minutes=index + 1),
                    window_due=template.window_due,
                )
                for index in range(1000)
            ]
        )
        Submission.objects.bulk_create(
            [
                Submission(
                    appeal=a, api_key=submission.api_key, organisation=submission.organisation
                )
                for a in copies
            ]
        )
    listed = ids_of(alpha.get("/open311/v2/requests.json", {"api_key": key}))
    assert len(listed) == 1000
    assert listed[0] == number
    assert "ALFA-20261201-00999" not in listed


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_token_names_its_request(alpha, key, fmt):
    number = file_one(alpha, key)
    with schema_context("alpha"):
        token = str(Submission.objects.get(appeal__tracking_number=number).token)
    response = alpha.get(f"/open311/v2/tokens/{token}.{fmt}", {"api_key": key})
    assert response.status_code == 200
    assert body(response, fmt) == [{"service_request_id": number, "token": token}]
    for unknown in ("12345", "00000000-0000-0000-0000-000000000000"):
        missing = alpha.get(f"/open311/v2/tokens/{unknown}.{fmt}", {"api_key": key})
        assert missing.status_code == 404
    other = issue_key(organisation="另一家服务商")
    assert alpha.get(f"/open311/v2/tokens/{token}.json", {"api_key": other}).status_code == 404
