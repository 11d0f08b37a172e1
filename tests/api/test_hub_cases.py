"""A liaison's cases (工单) through the hub's JSON API, on cases that came the real way: filed in
park alpha, accepted by its window, delivered to the hub."""

import pytest
from django_tenants.utils import schema_context

from accounts.models import User
from appeals.models import Appeal
from appeals.services.journey import appeal_reply_info
from onewindow.models import Case, Department, ExtensionRequest
from onewindow.services.cases import case_answer, case_request_info, case_sign

from ..appeals import files
from ..appeals.helpers import deliver_to_hub, deliver_to_parks, dispatched_case
from ..personas import user_in
from .conftest import api_client, issue_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(park_a) -> Case:
    _appeal, case = dispatched_case("alpha", uploads=[files.pdf("贷款合同.pdf")])
    deliver_to_parks()
    return case


@pytest.fixture
def liaison(api_as):
    return api_as("public", "liaison")


def url(case: Case, action: str = "") -> str:
    return f"/api/v1/cases/{case.pk}/" + (f"{action}/" if action else "")


def error_code(response) -> str:
    return response.json()["error"]["code"]


def test_a_liaison_lists_their_department_s_cases_with_the_page_s_filters(case, liaison):
    listed = liaison.get("/api/v1/cases/").json()

    assert listed["count"] == 1
    assert listed["results"][0]["tracking_number"] == case.tracking_number
    assert listed["results"][0]["status"] == "dispatched"
    assert listed["results"][0]["url"] == f"http://localhost{url(case)}"
    for query, count in [
        ({"status": "dispatched"}, 1),
        ({"status": "closed"}, 0),
        ({"q": case.tracking_number}, 1),
        ({"q": "没有这个标题"}, 0),
        ({"overdue": "true"}, 0),
    ]:
        assert liaison.get("/api/v1/cases/", query).json()["count"] == count, query


def test_an_unknown_status_filter_is_a_400_not_an_empty_list(case, liaison):
    response = liaison.get("/api/v1/cases/", {"status": "lost"})

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["status"][0]["code"] == "invalid_choice"


def test_another_department_sees_neither_the_case_nor_its_files(case, api_as):
    other = api_as("public", "other_liaison")
    attachment = case.attachments.get()

    assert other.get("/api/v1/cases/").json()["count"] == 0
    for path in (url(case), url(case, f"files/{attachment.pk}")):
        response = other.get(path)
        assert response.status_code == 404
        assert error_code(response) == "not_found"
    assert error_code(other.post(url(case, "sign"))) == "not_found"


def test_the_detail_holds_what_the_case_page_shows(case, liaison):
    detail = liaison.get(url(case)).json()

    assert detail["park"]["name"] == "阿尔法科技园"
    assert detail["category"]["name"] == "融资服务"
    assert detail["department"]["short_name"] == "工信局"
    assert detail["title"] == case.title
    assert detail["description"] == case.description
    assert detail["due_date"] == case.due_date.isoformat()
    assert detail["window_due"] == case.window_due.isoformat()
    assert detail["allowed_actions"] == sorted(case.allowed_actions(user_in("public", "liaison")))
    assert detail["allowed_actions"] == [
        "answer",
        "request_extension",
        "return",
        "sign",
        "transfer",
    ]
    assert [f["name"] for f in detail["attachments"]] == ["贷款合同.pdf"]
    assert [step["action"] for step in detail["timeline"]] == ["派单至工业和信息化局"]
    assert detail["pending_extension"] is None


def test_the_enterprise_s_file_downloads_with_the_token(case, liaison):
    attachment = liaison.get(url(case)).json()["attachments"][0]

    response = liaison.get(attachment["url"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == files.PDF
    assert liaison.get(url(case, "files/999999")).status_code == 404


def test_a_district_admin_reads_every_case_but_acts_on_none_as_a_liaison(case, api_as):
    admin = api_as("public", "district_admin")

    assert admin.get("/api/v1/cases/").json()["count"] == 1
    detail = admin.get(url(case)).json()
    assert detail["allowed_actions"] == sorted(
        case.allowed_actions(user_in("public", "district_admin"))
    )
    file_url = detail["attachments"][0]["url"]
    assert admin.get(file_url).status_code == 200
    for action in ("sign", "answer", "request-info", "transfer", "return", "extension"):
        response = admin.post(url(case, action), {"reason": "x", "text": "x"})
        assert response.status_code == 403, action
        assert error_code(response) == "permission_denied"
    case.refresh_from_db()
    assert case.status == Case.Status.DISPATCHED


def test_anonymous_callers_get_401(case):
    for path in ("/api/v1/cases/", url(case), "/api/v1/departments/"):
        response = api_client("localhost").get(path)
        assert response.status_code == 401
        assert error_code(response) == "not_authenticated"
    assert api_client("localhost").post(url(case, "sign")).status_code == 401


def test_a_park_token_means_nothing_on_the_hub(case):
    for username in ("window_staff", "park_operator", "enterprise_user"):
        hub = api_client("localhost", issue_token("alpha", username))
        response = hub.get("/api/v1/cases/")
        assert response.status_code == 401
        assert error_code(response) == "token_invalid"


def test_the_whole_journey_of_a_case_through_the_api(case, liaison):
    signed = liaison.post(url(case, "sign"))
    assert signed.status_code == 200
    assert signed.json()["case"]["status"] == "in_progress"
    assert signed.json()["message"] == "已签收。"

    asked = liaison.post(
        url(case, "request-info"), {"question": "请补充贷款合同"}, content_type="application/json"
    )
    assert asked.json()["case"]["status"] == "info_requested"
    _enterprise_replies(case, "合同已上传")
    assert liaison.get(url(case)).json()["status"] == "in_progress"

    extension = liaison.post(url(case, "extension"), {"days": 3, "reason": "需现场核查"})
    assert extension.status_code == 200
    assert liaison.get(url(case)).json()["pending_extension"]["days"] == 3

    answered = liaison.post(
        url(case, "answer"), {"text": "已协调银行放款。", "attachments": [files.pdf("答复.pdf")]}
    )
    assert answered.status_code == 200
    assert answered.json()["case"]["status"] == "answered"
    detail = liaison.get(url(case)).json()
    assert detail["answers"][0]["text"] == "已协调银行放款。"
    assert [f["name"] for f in detail["answers"][0]["attachments"]] == ["答复.pdf"]
    assert liaison.get(detail["answers"][0]["attachments"][0]["url"]).status_code == 200
    assert detail["allowed_actions"] == []
    assert [step["to_status"] for step in detail["timeline"]] == [
        "",  # dispatched
        "in_progress",
        "info_requested",
        "in_progress",
        "",  # the extension request moves no status
        "answered",
    ]
    assert ExtensionRequest.objects.get(case=case).status == ExtensionRequest.Status.WITHDRAWN
    deliver_to_parks()
    with schema_context("alpha"):
        appeal = Appeal.objects.get(pk=case.appeal_id)
        assert appeal.status == Appeal.Status.ANSWERED
        assert appeal.answer == "已协调银行放款。"


def _enterprise_replies(case: Case, text: str) -> None:
    deliver_to_parks()
    with schema_context("alpha"):
        appeal = Appeal.objects.get(pk=case.appeal_id)
        appeal_reply_info(appeal=appeal, by=User.objects.get(username="enterprise_user"), text=text)
    deliver_to_hub("alpha")


def _in_progress(case: Case) -> None:
    case_sign(case=case, by=user_in("public", "liaison"))


def _info_requested(case: Case) -> None:
    _in_progress(case)
    case_request_info(case=case, by=user_in("public", "liaison"), question="请补充材料")


def _answered(case: Case) -> None:
    case_answer(case=case, by=user_in("public", "liaison"), text="已答复。")


@pytest.mark.parametrize(
    ("state", "action", "body"),
    [
        (_in_progress, "sign", {}),
        (_answered, "answer", {"text": "再答复一次"}),
        (lambda case: None, "request-info", {"question": "请补充"}),
        (_info_requested, "transfer", {"department": "other", "reason": "属科技项目"}),
        (_info_requested, "return", {"reason": "不属于本局职责"}),
        (_answered, "extension", {"days": 2, "reason": "需核查"}),
    ],
)
def test_every_action_in_the_wrong_status_is_refused_and_changes_nothing(
    case, liaison, state, action, body
):
    state(case)
    case.refresh_from_db()
    before = (case.status, case.events.count())
    if body.get("department") == "other":
        body["department"] = Department.objects.get(short_name="科创局").pk

    response = liaison.post(url(case, action), body)

    assert response.status_code == 400
    assert error_code(response) == "wrong_status"
    case.refresh_from_db()
    assert (case.status, case.events.count()) == before


def test_a_transfer_hands_the_case_to_the_other_department(case, liaison, api_as):
    target = Department.objects.get(short_name="科创局")

    response = liaison.post(url(case, "transfer"), {"department": target.pk, "reason": "科技项目"})

    assert response.status_code == 200
    assert response.json()["case"]["department"]["id"] == target.pk
    assert liaison.get(url(case)).status_code == 404
    assert api_as("public", "other_liaison").get(url(case)).status_code == 200


def test_a_transfer_needs_another_active_department_from_the_form(case, liaison):
    own = Department.objects.get(short_name="工信局")

    to_own = liaison.post(url(case, "transfer"), {"department": own.pk, "reason": "x"})
    unknown = liaison.post(url(case, "transfer"), {"department": 10**30, "reason": "x"})

    assert error_code(to_own) == "department"
    assert unknown.status_code == 400
    assert unknown.json()["error"]["fields"]["department"][0]["code"] == "invalid_choice"


def test_a_return_sends_the_case_to_the_district(case, liaison):
    response = liaison.post(url(case, "return"), {"reason": "不属于本局职责"})

    assert response.status_code == 200
    assert response.json()["case"]["status"] == "returned"
    assert response.json()["message"] == "已退回区级平台重新派单。"


def test_extension_requests_are_checked_as_on_the_page(case, liaison):
    too_long = liaison.post(url(case, "extension"), {"days": 31, "reason": "x"})
    first = liaison.post(url(case, "extension"), {"days": 3, "reason": "需核查"})
    second = liaison.post(url(case, "extension"), {"days": 2, "reason": "需核查"})

    assert too_long.json()["error"]["fields"]["days"][0]["code"] == "max_value"
    assert first.status_code == 200
    assert second.status_code == 400
    assert error_code(second) == "pending"


def test_an_answer_is_validated_by_the_page_s_form_and_upload_checks(case, liaison):
    empty = liaison.post(url(case, "answer"), {"text": ""})
    disguised = liaison.post(
        url(case, "answer"), {"text": "答复", "attachments": [files.upload("a.pdf", files.EXE)]}
    )

    assert empty.json()["error"]["fields"]["text"][0]["code"] == "required"
    assert error_code(disguised) == "file_type"
    case.refresh_from_db()
    assert case.status == Case.Status.DISPATCHED


def test_a_body_that_is_not_an_object_is_a_400(case, liaison):
    as_list = liaison.post(url(case, "return"), ["x"], content_type="application/json")
    broken = liaison.post(url(case, "return"), "{", content_type="application/json")

    assert as_list.status_code == 400
    assert error_code(as_list) == "parse_error"
    assert broken.status_code == 400
    assert error_code(broken) == "parse_error"


def test_a_huge_case_id_is_a_404(liaison):
    assert liaison.get(f"/api/v1/cases/{10**30}/").status_code == 404


def test_liaisons_see_the_active_departments_to_transfer_to(liaison):
    Department.objects.create(name="已撤销局", short_name="撤销局", is_active=False)

    response = liaison.get("/api/v1/departments/")

    assert response.status_code == 200
    active = Department.objects.filter(is_active=True).order_by("name", "id")
    assert [d["name"] for d in response.json()["results"]] == [d.name for d in active]
    assert "已撤销局" not in {d["name"] for d in response.json()["results"]}
