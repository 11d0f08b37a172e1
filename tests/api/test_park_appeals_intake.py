"""Filing an appeal (诉求) through the JSON API: the site's form, checks and service, so the
API accepts and refuses exactly what the page does."""

import uuid

import pytest
from django_tenants.utils import schema_context

from accounts.services import user_create
from appeals.models import Appeal
from appeals.selectors import appeal_queue
from demo.parks import demo_uscc
from enterprises.models import Enterprise

from ..appeals import files
from ..appeals.helpers import category
from ..conftest import host_client, log_in
from .conftest import api_client, issue_token

pytestmark = pytest.mark.django_db
URL = "/api/v1/appeals/"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture
def enterprise(api_as):
    return api_as("alpha", "enterprise_user")


def appeal_fields(**overrides) -> dict:
    fields = {
        "category": category().pk,
        "title": "人才住房申请材料咨询",
        "description": "想了解人才住房申请需要准备的材料。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
    }
    fields.update(overrides)
    return fields


def titles(schema: str = "alpha") -> list[str]:
    with schema_context(schema):
        return list(Appeal.objects.values_list("title", flat=True))


def test_anyone_reads_the_categories_the_form_offers(park_a):
    active = category("政策咨询")
    retired = category("已停用类别", is_active=False)
    response = api_client("alpha.localhost").get("/api/v1/appeal-categories/")
    assert response.status_code == 200
    names = [item["name"] for item in response.json()["results"]]
    assert active.name in names
    assert retired.name not in names
    first = response.json()["results"][0]
    assert set(first) == {
        "id",
        "name",
        "description",
        "window_deadline_days",
        "department_deadline_days",
    }


def test_a_multipart_appeal_with_files_reaches_the_window_queue(enterprise):
    response = enterprise.post(
        URL,
        {**appeal_fields(), "attachments": [files.pdf(), files.upload("现场.png", files.PNG)]},
    )
    assert response.status_code == 201
    body = response.json()
    number = body["tracking_number"]
    assert response["Location"] == f"http://alpha.localhost/api/v1/appeals/{number}/"
    assert body["status"] == "submitted"
    assert body["allowed_actions"] == []
    assert [item["name"] for item in body["attachments"]] == ["营业执照.pdf", "现场.png"]
    assert [step["to_status"] for step in body["timeline"]] == [""]
    with schema_context("alpha"):
        queued = appeal_queue(query=number).get()
        assert queued.enterprise.account.username == "enterprise_user"
        assert queued.attachments.count() == 2


def test_a_json_appeal_without_a_key_is_filed_once(enterprise):
    response = enterprise.post(
        URL, appeal_fields(title="JSON 提交"), content_type="application/json"
    )
    assert response.status_code == 201
    assert titles().count("JSON 提交") == 1


def test_the_same_submission_key_answers_the_first_appeal_and_files_nothing(enterprise):
    fields = appeal_fields(title="重复提交测试", submission_key=str(uuid.uuid4()))
    first = enterprise.post(URL, fields, content_type="application/json")
    second = enterprise.post(URL, fields, content_type="application/json")
    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["tracking_number"] == first.json()["tracking_number"]
    assert titles().count("重复提交测试") == 1


def test_another_enterprises_key_never_finds_this_enterprises_appeal(enterprise, api_as):
    key = str(uuid.uuid4())
    mine = enterprise.post(URL, appeal_fields(submission_key=key), content_type="application/json")
    other = api_as("alpha", "other_enterprise_user").post(
        URL, appeal_fields(submission_key=key), content_type="application/json"
    )
    assert other.status_code == 201
    assert other.json()["tracking_number"] != mine.json()["tracking_number"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("合同.pdf", files.EXE, "file_type"),
        ("照片.png", files.PDF, "file_type"),
        ("大文件.pdf", files.PDF + b"0" * (10 * 1024 * 1024), "too_large"),
    ],
)
def test_a_refused_file_is_a_400_with_the_checks_code_and_files_nothing(
    enterprise, name, content, code
):
    response = enterprise.post(
        URL, {**appeal_fields(), "attachments": [files.upload(name, content)]}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert titles() == []


def test_more_than_five_files_are_refused(enterprise):
    uploads = [files.pdf(f"{n}.pdf") for n in range(6)]
    response = enterprise.post(URL, {**appeal_fields(), "attachments": uploads})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "too_many"
    assert titles() == []


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"description": "长" * 4001}, "description", "max_length"),
        ({"title": ""}, "title", "required"),
        ({"contact_mobile": "12345"}, "contact_mobile", "mobile"),
        ({"category": 999999}, "category", "invalid_choice"),
        ({"category": {"id": 1}}, "category", "required"),
        ({"submission_key": "not-a-uuid"}, "submission_key", "invalid"),
    ],
)
def test_bad_fields_are_named_with_the_forms_codes(enterprise, overrides, field, code):
    response = enterprise.post(URL, appeal_fields(**overrides), content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    assert [item["code"] for item in error["fields"][field]] == [code]
    assert titles() == []


def test_errors_are_in_english_on_request(api_as):
    client = api_as("alpha", "enterprise_user", language="en")
    response = client.post(URL, appeal_fields(title=""), content_type="application/json")
    assert response.json()["error"]["fields"]["title"][0]["message"] == "This field is required."


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("[1, 2]", "application/json"),
        ("{not json", "application/json"),
        ('"x"', "application/json"),
    ],
)
def test_a_body_that_is_no_object_is_a_400(enterprise, body, content_type):
    response = enterprise.post(URL, body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_an_unverified_enterprise_cannot_file_yet(park_a):
    with schema_context("alpha"):
        user = user_create(username="pending_co", password="Correct-Horse-42", role="enterprise")
        Enterprise.objects.create(
            account=user,
            name="待审核公司",
            uscc=demo_uscc(777),
            contact_name="赵",
            mobile="13900000777",
        )
    client = api_client("alpha.localhost", issue_token("alpha", "pending_co"), language="en")
    response = client.post(URL, appeal_fields(), content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "not_verified",
        "message": "Your enterprise must be verified by the park window before it can submit "
        "appeals.",
    }
    assert titles() == []


@pytest.mark.parametrize("username", ["window_staff", "park_operator", "content_manager"])
def test_park_staff_cannot_file_or_list_enterprise_appeals(api_as, username):
    client = api_as("alpha", username)
    created = client.post(URL, appeal_fields(), content_type="application/json")
    assert created.status_code == 403
    assert created.json()["error"]["code"] == "permission_denied"
    assert client.get(URL).status_code == 403
    assert titles() == []


def test_anonymous_callers_are_asked_to_authenticate(park_a):
    client = api_client("alpha.localhost")
    response = client.post(URL, appeal_fields(), content_type="application/json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert client.get(URL).status_code == 401


def test_the_api_and_the_site_form_share_one_filing_budget(enterprise, settings):
    site = host_client("alpha.localhost")
    log_in(site, "enterprise_user")
    settings.RATELIMIT_ENABLE = True
    for _ in range(30):
        assert site.post("/appeals/new/", {}).status_code == 200
    response = enterprise.post(URL, appeal_fields(), content_type="application/json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert titles() == []
