"""An appeal filed through Open311 goes the whole way: the window queue, the hub, the answer —
and the integrator reads every public step as an update, and the request as closed."""

import datetime

import pytest
from django_tenants.utils import schema_context

from appeals.models import Appeal
from appeals.services.rating import appeal_rate
from appeals.services.window import appeal_reject
from onewindow.models import Case
from onewindow.services.cases import case_answer, case_sign
from open311.selectors import OPEN311_STATUS

from ..appeals.helpers import accept, deliver_to_hub, deliver_to_parks
from ..conftest import host_client, log_in
from ..personas import user_in
from .conftest import body, filing

pytestmark = pytest.mark.django_db
UPDATE_FIELDS = {"update_id", "service_request_id", "status", "updated_datetime", "description"}


def file_one(client, key) -> str:
    return client.post("/open311/v2/requests.json", filing(key)).json()[0]["service_request_id"]


def appeal_of(number: str) -> Appeal:
    with schema_context("alpha"):
        return Appeal.objects.get(tracking_number=number)


def test_every_appeal_status_is_open_or_closed():
    assert set(OPEN311_STATUS) == set(Appeal.Status.values)
    assert set(OPEN311_STATUS.values()) == {"open", "closed"}


def test_filed_accepted_answered_then_closed_with_its_updates(alpha, key):
    number = file_one(alpha, key)
    window = host_client("alpha.localhost")
    log_in(window, "window_staff")
    assert number in window.get("/office/appeals/").content.decode()

    accept("alpha", appeal_of(number))
    deliver_to_hub("alpha")
    deliver_to_parks()
    case = Case.objects.get(tracking_number=number)
    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_answer(case=case, by=liaison, text="路灯已于今日修复。")
    deliver_to_parks()

    detail = alpha.get(f"/open311/v2/requests/{number}.json", {"api_key": key}).json()[0]
    assert detail["status"] == "closed"
    assert detail["status_notes"] == str(Appeal.Status.ANSWERED.label)
    assert detail["agency_responsible"] == "工业和信息化局"
    assert detail["expected_datetime"] is None
    answered_at = appeal_of(number).answered_at
    assert datetime.datetime.fromisoformat(detail["updated_datetime"]) == answered_at.replace(
        microsecond=0
    )

    updates = alpha.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    assert all(set(update) >= UPDATE_FIELDS for update in updates)
    assert [u["status"] for u in updates][0] == "open"
    assert updates[-1]["status"] == "closed"
    assert updates[-1]["description"].endswith("路灯已于今日修复。")
    assert {u["service_request_id"] for u in updates} == {number}
    for update in updates:
        assert datetime.datetime.fromisoformat(update["updated_datetime"]).tzinfo is not None


def test_updates_in_xml_and_by_request_id(alpha, key):
    first, second = file_one(alpha, key), file_one(alpha, key)
    accept("alpha", appeal_of(first))
    response = alpha.get(
        "/open311/v2/servicerequestupdates.xml", {"api_key": key, "service_request_id": first}
    )
    assert response.status_code == 200
    updates = body(response, "xml")
    assert [u["service_request_id"] for u in updates] == [first, first]
    assert [u["status"] for u in updates] == ["open", "open"]
    assert all(set(u) >= UPDATE_FIELDS for u in updates)
    assert second not in response.content.decode()


def test_internal_notes_are_not_updates(alpha, key):
    number = file_one(alpha, key)
    accept("alpha", appeal_of(number), note="内部备注：企业老客户")
    updates = alpha.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    assert len(updates) == 2
    assert "内部备注" not in str(updates)


def test_a_rejected_request_is_closed_with_the_reason(alpha, key):
    number = file_one(alpha, key)
    with schema_context("alpha"):
        appeal_reject(
            appeal=appeal_of(number), by=user_in("alpha", "window_staff"), reason="不属于受理范围"
        )
    closed = alpha.get("/open311/v2/requests.json", {"api_key": key, "status": "closed"}).json()
    assert [r["service_request_id"] for r in closed] == [number]
    updates = alpha.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    assert updates[-1]["status"] == "closed"
    assert updates[-1]["description"].endswith("不属于受理范围")


def test_updates_of_another_organisation_are_not_shown(alpha, key):
    from .conftest import issue_key

    file_one(alpha, issue_key(organisation="另一家服务商"))
    assert alpha.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json() == []


def test_the_enterprises_own_words_are_not_passed_to_the_integrator(alpha, key):
    number = file_one(alpha, key)
    accept("alpha", appeal_of(number))
    deliver_to_hub("alpha")
    deliver_to_parks()
    case = Case.objects.get(tracking_number=number)
    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_answer(case=case, by=liaison, text="路灯已于今日修复。")
    deliver_to_parks()
    with schema_context("alpha"):
        appeal_rate(
            appeal=appeal_of(number),
            by=user_in("alpha", "enterprise_user"),
            resolved=True,
            satisfaction=5,
            comment="只给园区看的评价：处理人员态度很好。",
        )

    updates = alpha.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    texts = "\n".join(update["description"] for update in updates)
    assert "路灯已于今日修复。" in texts  # the department's answer
    assert "只给园区看的评价" not in texts
    assert len(updates) == len({u["update_id"] for u in updates})
