"""What an enterprise does to its appeal through the JSON API — rate the answer, resubmit after
补正, send the information a department asked for — through the site's forms and services,
refused with the lifecycle's code when the appeal is not where the action can be taken."""

import pytest
from django_tenants.utils import schema_context

from appeals.models import Appeal
from appeals.services.window import appeal_return
from onewindow.services.cases import case_answer, case_request_info, case_sign

from ..appeals import files
from ..appeals.helpers import deliver_to_parks, dispatched_case, reload, submit
from ..personas import user_in
from .conftest import api_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture
def enterprise(api_as):
    return api_as("alpha", "enterprise_user")


def url(appeal: Appeal, action: str = "") -> str:
    return f"/api/v1/appeals/{appeal.tracking_number}/" + (f"{action}/" if action else "")


def answered() -> Appeal:
    """An appeal the department has answered (through the hub), awaiting the rating."""
    appeal, case = dispatched_case("alpha")
    case_answer(case=case, by=user_in("public", "liaison"), text="贴息资金已于11月拨付。")
    deliver_to_parks()
    return reload("alpha", appeal)


def info_requested() -> Appeal:
    appeal, case = dispatched_case("alpha")
    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_request_info(case=case, by=liaison, question="请补充贷款合同。")
    deliver_to_parks()
    return reload("alpha", appeal)


def returned() -> Appeal:
    appeal = submit("alpha")
    with schema_context("alpha"):
        return appeal_return(
            appeal=appeal, by=user_in("alpha", "window_staff"), reason="请补充营业执照。"
        )


RATING = {"resolved": "yes", "satisfaction": 1, "comment": "很及时"}


def test_the_enterprise_rates_the_departments_answer(enterprise, park_a):
    appeal = answered()
    before = enterprise.get(url(appeal)).json()
    assert before["allowed_actions"] == ["rate"]
    assert before["answer"] == "贴息资金已于11月拨付。"
    response = enterprise.post(url(appeal, "rate"), RATING, content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "closed"
    assert body["satisfaction"] == 1
    assert body["resolved"] is True
    assert body["allowed_actions"] == []
    assert reload("alpha", appeal).rating_comment == "很及时"


def test_dissatisfied_sends_it_back_to_the_department(enterprise, park_a):
    appeal = answered()
    rating = {"resolved": "no", "satisfaction": 5}
    response = enterprise.post(url(appeal, "rate"), rating, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "dispatched"
    assert reload("alpha", appeal).rehandle_count == 1


def test_rating_before_the_answer_is_refused_with_wrong_status(enterprise, park_a):
    appeal = submit("alpha")
    response = enterprise.post(url(appeal, "rate"), RATING, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "wrong_status"
    assert reload("alpha", appeal).status == Appeal.Status.SUBMITTED


def test_the_refusal_is_in_english_on_request(api_as, park_a):
    appeal = submit("alpha")
    client = api_as("alpha", "enterprise_user", language="en")
    response = client.post(url(appeal, "rate"), RATING, content_type="application/json")
    assert response.json()["error"]["message"] == (
        "This appeal is now “Awaiting acceptance”; nothing was changed."
    )


@pytest.mark.parametrize(
    ("rating", "field", "code"),
    [
        ({"resolved": "yes", "satisfaction": 9}, "satisfaction", "invalid_choice"),
        ({"resolved": "maybe", "satisfaction": 1}, "resolved", "invalid_choice"),
        ({"satisfaction": 1}, "resolved", "required"),
    ],
)
def test_a_bad_rating_names_the_field(enterprise, park_a, rating, field, code):
    appeal = answered()
    response = enterprise.post(url(appeal, "rate"), rating, content_type="application/json")
    assert response.status_code == 400
    assert [item["code"] for item in response.json()["error"]["fields"][field]] == [code]
    assert reload("alpha", appeal).status == Appeal.Status.ANSWERED


def test_the_enterprise_corrects_and_resubmits_a_returned_appeal(enterprise, park_a):
    appeal = returned()
    assert enterprise.get(url(appeal)).json()["allowed_actions"] == ["resubmit"]
    fields = {
        "category": appeal.category_id,
        "title": "补正后的标题",
        "description": "已补充营业执照。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
        "attachments": [files.pdf()],
    }
    response = enterprise.post(url(appeal, "resubmit"), fields)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "submitted"
    assert body["title"] == "补正后的标题"
    assert [item["name"] for item in body["attachments"]] == ["营业执照.pdf"]


def test_resubmitting_an_appeal_not_returned_is_refused(enterprise, park_a):
    appeal = submit("alpha")
    response = enterprise.post(url(appeal, "resubmit"), {}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "wrong_status"


def test_a_disguised_file_on_resubmit_is_refused_and_nothing_changes(enterprise, park_a):
    appeal = returned()
    fields = {
        "category": appeal.category_id,
        "title": "补正后的标题",
        "description": "已补充。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
        "attachments": [files.upload("执照.pdf", files.EXE)],
    }
    response = enterprise.post(url(appeal, "resubmit"), fields)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_type"
    assert reload("alpha", appeal).status == Appeal.Status.RETURNED


def test_the_enterprise_sends_the_information_the_department_asked_for(enterprise, park_a):
    appeal = info_requested()
    before = enterprise.get(url(appeal)).json()
    assert before["allowed_actions"] == ["reply"]
    assert before["info_request"] == "请补充贷款合同。"
    response = enterprise.post(
        url(appeal, "reply"), {"text": "已补充贷款合同。", "attachments": [files.pdf("合同.pdf")]}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "dispatched"
    assert [item["name"] for item in response.json()["attachments"]] == ["合同.pdf"]


def test_an_empty_reply_is_refused(enterprise, park_a):
    appeal = info_requested()
    response = enterprise.post(url(appeal, "reply"), {"text": ""}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "required"
    assert reload("alpha", appeal).status == Appeal.Status.INFO_REQUESTED


def test_replying_when_nothing_was_asked_is_refused(enterprise, park_a):
    appeal = submit("alpha")
    response = enterprise.post(
        url(appeal, "reply"), {"text": "补充"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "wrong_status"


@pytest.mark.parametrize("action", ["rate", "resubmit", "reply"])
def test_another_enterprise_cannot_act_on_the_appeal(api_as, park_a, action):
    appeal = answered()
    client = api_as("alpha", "other_enterprise_user")
    response = client.post(url(appeal, action), RATING, content_type="application/json")
    assert response.status_code == 404
    assert reload("alpha", appeal).status == Appeal.Status.ANSWERED


def test_the_same_number_on_another_park_is_not_found(api_as, park_a, park_b):
    appeal = answered()
    client = api_as("beta", "enterprise_user")
    response = client.post(url(appeal, "rate"), RATING, content_type="application/json")
    assert response.status_code == 404


@pytest.mark.parametrize("username", ["window_staff", "park_operator"])
def test_park_staff_cannot_take_the_enterprises_actions(api_as, park_a, username):
    appeal = answered()
    response = api_as("alpha", username).post(
        url(appeal, "rate"), RATING, content_type="application/json"
    )
    assert response.status_code == 403
    assert reload("alpha", appeal).status == Appeal.Status.ANSWERED


def test_anonymous_callers_cannot_act(park_a):
    appeal = submit("alpha")
    response = api_client("alpha.localhost").post(
        url(appeal, "rate"), RATING, content_type="application/json"
    )
    assert response.status_code == 401
