"""Following one's appeals (诉求) through the JSON API: the list, the detail with its public
timeline, the files — each enterprise sees its own and nothing else."""

import pytest
from django_tenants.utils import schema_context

from appeals.models import Appeal

from ..appeals import files
from ..appeals.helpers import accept, deliver_to_hub, deliver_to_parks, submit
from .conftest import api_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture
def enterprise(api_as):
    return api_as("alpha", "enterprise_user")


def detail_url(appeal: Appeal, tail: str = "") -> str:
    return f"/api/v1/appeals/{appeal.tracking_number}/{tail}"


def test_the_list_shows_only_the_callers_own_appeals_newest_first(enterprise, park_a):
    older = submit("alpha", title="较早的诉求")
    newer = submit("alpha", title="较新的诉求")
    submit("alpha", username="other_enterprise_user", title="别家的诉求")
    response = enterprise.get("/api/v1/appeals/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    numbers = [item["tracking_number"] for item in body["results"]]
    assert numbers == [newer.tracking_number, older.tracking_number]


def test_the_list_filters_by_status(enterprise, park_a):
    waiting = submit("alpha", title="待受理")
    accept("alpha", submit("alpha", title="已受理"))
    response = enterprise.get("/api/v1/appeals/", {"status": "submitted"})
    assert [item["tracking_number"] for item in response.json()["results"]] == [
        waiting.tracking_number
    ]


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"status": "nonsense"}, 400, "invalid_choice"),
        ({"page": "999999999999"}, 404, "not_found"),
        ({"page": "abc"}, 404, "not_found"),
    ],
)
def test_bad_list_parameters_are_refused_not_crashed(enterprise, park_a, params, status, code):
    response = enterprise.get("/api/v1/appeals/", params)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_the_detail_has_status_public_timeline_files_and_allowed_actions(enterprise, park_a):
    appeal = accept(
        "alpha", submit("alpha", uploads=[files.pdf()]), note="企业曾多次来电，优先处理"
    )
    deliver_to_hub("alpha")
    deliver_to_parks()
    response = enterprise.get(detail_url(appeal))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "dispatched"
    assert body["status_label"] == "已受理，部门办理中"
    assert body["category"]["name"] == "融资服务"
    assert body["department"]["short_name"] == "工信局"
    assert body["allowed_actions"] == []
    assert [step["action"] for step in body["timeline"]] == [
        "已提交",
        "已受理并推送至区级平台",
        "已分派至工业和信息化局办理",
    ]
    assert "企业曾多次来电，优先处理" not in response.content.decode()
    (attachment,) = body["attachments"]
    assert attachment["download_url"] == (
        f"http://alpha.localhost/api/v1/appeals/{appeal.tracking_number}"
        f"/attachments/{attachment['id']}/"
    )


def test_labels_and_timeline_in_english_on_request(api_as, park_a):
    appeal = accept("alpha", submit("alpha"))
    body = api_as("alpha", "enterprise_user", language="en").get(detail_url(appeal)).json()
    assert body["status_label"] == "Being handled by the department"
    assert [step["action"] for step in body["timeline"]] == [
        "Submitted",
        "Accepted and sent to the district",
    ]


def test_another_enterprises_appeal_is_not_found(api_as, park_a):
    appeal = submit("alpha", uploads=[files.pdf()])
    with schema_context("alpha"):
        pk = appeal.attachments.get().pk
    client = api_as("alpha", "other_enterprise_user")
    for url in (detail_url(appeal), detail_url(appeal, f"attachments/{pk}/")):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_an_appeal_of_another_park_is_not_found(api_as, park_a, park_b):
    appeal = submit("alpha")
    response = api_as("beta", "enterprise_user").get(detail_url(appeal))
    assert response.status_code == 404


@pytest.mark.parametrize("username", ["window_staff", "park_operator"])
def test_park_staff_do_not_use_the_enterprise_detail(api_as, park_a, username):
    appeal = submit("alpha")
    response = api_as("alpha", username).get(detail_url(appeal))
    assert response.status_code == 403


def test_anonymous_callers_get_401(park_a):
    appeal = submit("alpha", uploads=[files.pdf()])
    client = api_client("alpha.localhost")
    assert client.get(detail_url(appeal)).status_code == 401
    assert client.get(detail_url(appeal, "attachments/1/")).status_code == 401


def test_the_enterprise_downloads_its_file(enterprise, park_a):
    appeal = submit("alpha", uploads=[files.pdf()])
    url = enterprise.get(detail_url(appeal)).json()["attachments"][0]["download_url"]
    response = enterprise.get(url, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == files.PDF


@pytest.mark.parametrize(("username", "status"), [("window_staff", 200), ("park_operator", 404)])
def test_files_follow_the_sites_rule_for_staff(api_as, park_a, username, status):
    appeal = submit("alpha", uploads=[files.pdf()])
    with schema_context("alpha"):
        pk = appeal.attachments.get().pk
    assert api_as("alpha", username).get(detail_url(appeal, f"attachments/{pk}/")).status_code == (
        status
    )


@pytest.mark.parametrize(
    "tail",
    [
        "attachments/99999999999999999999999/",
        "attachments/0/",
    ],
)
def test_missing_files_are_not_found(enterprise, park_a, tail):
    appeal = submit("alpha")
    response = enterprise.get(detail_url(appeal, tail), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "number", ["ALFA-20260101-0001", "nonsense", "ALFA-2026%00-0001", "x" * 300]
)
def test_unknown_or_malformed_tracking_numbers_are_not_found(enterprise, park_a, number):
    for tail in ("", "attachments/1/"):
        response = enterprise.get(f"/api/v1/appeals/{number}/{tail}")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
