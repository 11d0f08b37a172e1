"""The department's work on a case in the hub, over HTTP, and the deadlines."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.models import Appeal, OutboxMessage
from appeals.services.journey import appeal_reply_info
from core.workdays import WorkingCalendar
from onewindow.models import Case, CaseArrival, Department, ExtensionRequest
from onewindow.services.deadlines import deadlines_check

from ..appeals.helpers import deliver_to_hub, deliver_to_parks, dispatched_case, reload
from ..conftest import host_client, log_in
from ..personas import user_in


def hub(username: str):
    client = host_client("localhost")
    log_in(client, username)
    return client


@pytest.fixture
def case(park_a):
    appeal, case = dispatched_case("alpha")
    deliver_to_parks()
    return case


def test_signing_for_a_case_keeps_the_clock_and_tells_the_enterprise(case):
    due = case.due_date
    liaison = hub("liaison")
    signed_at = timezone.now()
    with time_machine.travel(signed_at, tick=False):
        response = liaison.post(f"/cases/{case.pk}/sign/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS
    assert case.due_date == due
    assert case.arrivals.get().signed_at == signed_at
    deliver_to_parks()
    with schema_context("alpha"):
        actions = [
            event.action_text for event in Appeal.objects.get(pk=case.appeal_id).events.all()
        ]
    assert "工业和信息化局正在办理" in actions


def test_an_answer_reaches_the_enterprise(case):
    liaison = hub("liaison")
    liaison.post(f"/cases/{case.pk}/sign/")
    response = liaison.post(f"/cases/{case.pk}/answer/", {"text": "已协调银行放款。"})
    assert response.status_code == 302
    deliver_to_parks()
    with schema_context("alpha"):
        appeal = Appeal.objects.get(pk=case.appeal_id)
        assert appeal.status == Appeal.Status.ANSWERED
        assert appeal.answer == "已协调银行放款。"


def test_an_empty_answer_is_refused(case):
    response = hub("liaison").post(f"/cases/{case.pk}/answer/", {"text": ""})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == Case.Status.DISPATCHED


def test_a_transfer_keeps_the_running_clock(case):
    target = Department.objects.get(short_name="科创局")
    due = case.due_date
    response = hub("liaison").post(
        f"/cases/{case.pk}/transfer/", {"department": target.pk, "reason": "属科技项目"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.department == target
    assert case.due_date == due
    assert case.arrivals.filter(kind=CaseArrival.Kind.TRANSFER, department=target).exists()
    assert hub("other_liaison").get(f"/cases/{case.pk}/").status_code == 200
    assert hub("liaison").get(f"/cases/{case.pk}/").status_code == 404


def test_a_returned_case_is_redispatched_by_a_district_admin_with_a_new_clock(case):
    liaison = hub("liaison")
    returned_at = timezone.now()
    with time_machine.travel(returned_at, tick=False):
        liaison.post(f"/cases/{case.pk}/return/", {"reason": "不属于本局职责"})
    case.refresh_from_db()
    assert case.status == Case.Status.RETURNED
    admin = hub("district_admin")
    assert case.tracking_number in admin.get("/arbitration/").content.decode()
    Case.objects.filter(pk=case.pk).update(due_date=datetime.date(2026, 1, 5))
    target = Department.objects.get(short_name="科创局")
    admin.post(f"/arbitration/cases/{case.pk}/redispatch/", {"department": target.pk})
    case.refresh_from_db()
    assert case.status == Case.Status.DISPATCHED
    assert case.department == target
    assert case.due_date == WorkingCalendar.load().add_working_days(
        timezone.localdate(case.dispatched_at), case.category.department_deadline_days
    )
    assert list(case.arrivals.values_list("kind", "returned_at")) == [
        ("dispatch", returned_at),
        ("redispatch", None),
    ]


def test_an_approved_extension_moves_the_due_date(case):
    hub("liaison").post(f"/cases/{case.pk}/extension/", {"days": 3, "reason": "需现场核查"})
    extension = ExtensionRequest.objects.get(case=case)
    due = case.due_date
    hub("district_admin").post(
        f"/arbitration/extensions/{extension.pk}/decide/", {"decision": "approve"}
    )
    case.refresh_from_db()
    assert case.due_date == WorkingCalendar.load().add_working_days(due, 3)
    deliver_to_parks()
    assert reload("alpha", Appeal(pk=case.appeal_id)).department_due == case.due_date


def test_a_denial_needs_a_reason_and_keeps_the_due_date(case):
    hub("liaison").post(f"/cases/{case.pk}/extension/", {"days": 3, "reason": "需现场核查"})
    extension = ExtensionRequest.objects.get(case=case)
    admin = hub("district_admin")
    admin.post(f"/arbitration/extensions/{extension.pk}/decide/", {"decision": "deny", "note": ""})
    extension.refresh_from_db()
    assert extension.status == ExtensionRequest.Status.PENDING
    admin.post(
        f"/arbitration/extensions/{extension.pk}/decide/", {"decision": "deny", "note": "时限充足"}
    )
    extension.refresh_from_db()
    case.refresh_from_db()
    assert extension.status == ExtensionRequest.Status.DENIED
    assert case.due_date == extension.case.due_date


def test_a_second_pending_extension_is_refused(case):
    liaison = hub("liaison")
    liaison.post(f"/cases/{case.pk}/extension/", {"days": 3, "reason": "需现场核查"})
    liaison.post(f"/cases/{case.pk}/extension/", {"days": 5, "reason": "再延"})
    assert ExtensionRequest.objects.filter(case=case).count() == 1


def test_a_request_for_information_pauses_the_clock_across_holidays(case):
    """Asked on Wed 23 Sep 2026, answered on Fri 9 Oct. Working days paused (24 Sep – 9 Oct):
    24 Sep; not 25 Sep (Mid-Autumn) nor 26–27; 28, 29, 30 Sep; not 1–7 Oct (National Day);
    8, 9 Oct → 6. Due 30 Sep + 6 working days: 8, 9, 10 (make-up Saturday), 12, 13, 14 Oct."""
    liaison = hub("liaison")
    liaison.post(f"/cases/{case.pk}/sign/")
    liaison.post(f"/cases/{case.pk}/request-info/", {"question": "请补充合同"})
    Case.objects.filter(pk=case.pk).update(
        paused_on=datetime.date(2026, 9, 23), due_date=datetime.date(2026, 9, 30)
    )
    deliver_to_parks()
    with schema_context("alpha"):
        appeal = Appeal.objects.get(pk=case.appeal_id)
        assert appeal.status == Appeal.Status.INFO_REQUESTED
        appeal_reply_info(appeal=appeal, by=user_in("alpha", "enterprise_user"), text="已补充")
        OutboxMessage.objects.filter(appeal=appeal, kind="case.info_reply").update(
            payload={"text": "已补充", "replied_at": "2026-10-09T10:00:00+08:00", "attachments": []}
        )
    deliver_to_hub("alpha")
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS
    assert case.due_date == datetime.date(2026, 10, 14)


def test_reminders_and_overdue_marking_run_once(case):
    def events(action: str) -> int:
        return sum(event.action_text.startswith(action) for event in case.events.all())

    reminded_at = timezone.now()
    with time_machine.travel(reminded_at, tick=False):
        deadlines_check(today=case.due_date)
    deadlines_check(today=case.due_date)
    case.refresh_from_db()
    assert case.reminded_at == reminded_at  # the second check left the reminder alone
    assert events("催办") == 1
    later = WorkingCalendar.load().add_working_days(case.due_date, 1)
    deadlines_check(today=later)
    deadlines_check(today=later)
    case.refresh_from_db()
    assert case.is_overdue
    assert events("已超期") == 1
    from notifications.models import Notification

    titles = Notification.objects.filter(
        recipient__username="liaison", title__contains=case.tracking_number
    ).order_by("pk")
    number = case.tracking_number
    assert list(titles.values_list("title", flat=True)) == [
        f"新工单 {number}",
        f"催办提醒：工单 {number} 将于 {case.due_date} 到期",
        f"工单 {number} 已超期",
    ]


def test_an_answer_withdraws_a_pending_extension(case):
    liaison = hub("liaison")
    liaison.post(f"/cases/{case.pk}/extension/", {"days": 3, "reason": "需现场核查"})
    liaison.post(f"/cases/{case.pk}/answer/", {"text": "已答复"})
    extension = ExtensionRequest.objects.get(case=case)
    assert extension.status == ExtensionRequest.Status.WITHDRAWN
    admin = hub("district_admin")
    assert f"/cases/{case.pk}/" not in admin.get("/arbitration/").content.decode()
    due = Case.objects.get(pk=case.pk).due_date
    admin.post(f"/arbitration/extensions/{extension.pk}/decide/", {"decision": "approve"})
    assert Case.objects.get(pk=case.pk).due_date == due


def test_the_overdue_filter_lists_open_cases_only(case):
    Case.objects.filter(pk=case.pk).update(is_overdue=True)
    liaison = hub("liaison")
    assert case.tracking_number in liaison.get("/cases/?overdue=on").content.decode()
    liaison.post(f"/cases/{case.pk}/answer/", {"text": "已答复"})
    assert case.tracking_number not in liaison.get("/cases/?overdue=on").content.decode()


def test_the_park_learns_which_department_handles_the_appeal(case):
    appeal = reload("alpha", Appeal(pk=case.appeal_id))
    assert appeal.department_id == case.department_id


def test_open_cases_come_before_answered_ones(case, park_a):
    _appeal, newer = dispatched_case("alpha")
    Case.objects.filter(pk=case.pk).update(status="answered", due_date=datetime.date(2025, 1, 2))
    page = hub("liaison").get("/cases/").content.decode()
    assert page.index(newer.tracking_number) < page.index(case.tracking_number)


def test_a_transfer_or_return_withdraws_the_old_departments_extension_request(case):
    liaison = hub("liaison")
    liaison.post(f"/cases/{case.pk}/extension/", {"days": 3, "reason": "需现场核查"})
    target = Department.objects.get(short_name="科创局")
    liaison.post(f"/cases/{case.pk}/transfer/", {"department": target.pk, "reason": "属科技项目"})
    assert ExtensionRequest.objects.get(case=case).status == ExtensionRequest.Status.WITHDRAWN
    hub("other_liaison").post(f"/cases/{case.pk}/extension/", {"days": 2, "reason": "新部门核查"})
    assert ExtensionRequest.objects.filter(case=case, status="pending").count() == 1


def test_a_liaison_cannot_act_on_a_case_transferred_away_meanwhile(case):
    from django.core.exceptions import ValidationError

    from onewindow.services.cases import case_answer, case_transfer

    stale = Case.objects.get(pk=case.pk)  # the page the colleague still has open
    liaison = user_in("public", "liaison")
    case_transfer(
        case=case, by=liaison, department=Department.objects.get(short_name="科创局"), reason="转"
    )
    with pytest.raises(ValidationError) as refused:
        case_answer(case=stale, by=liaison, text="迟到的答复")
    assert refused.value.code == "department"
    assert not case.answers.exists()


def test_the_enterprise_is_told_when_its_case_is_being_reassigned(case):
    hub("liaison").post(f"/cases/{case.pk}/return/", {"reason": "不属于本局职责"})
    deliver_to_parks()
    with schema_context("alpha"):
        actions = [
            event.action_text for event in Appeal.objects.get(pk=case.appeal_id).events.all()
        ]
        assert "区级平台正在重新确定承办部门" in actions
        notes = Appeal.objects.get(pk=case.appeal_id).events.values_list("note", flat=True)
        assert "不属于本局职责" not in list(notes)  # the liaison's reason stays in the hub


def test_messages_for_one_case_reach_the_park_in_order(case):
    from onewindow.models import ParkMessage
    from onewindow.services.cases import case_answer, case_sign
    from onewindow.services.outbox import park_message_deliver

    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_answer(case=case, by=liaison, text="已办结")
    answered = ParkMessage.objects.get(case=case, kind="answered")
    assert park_message_deliver(message_id=answered.pk)  # the sign-for message goes first
    assert not ParkMessage.objects.filter(case=case, delivered_at__isnull=True).exists()
    with schema_context("alpha"):
        actions = [
            event.action_text for event in Appeal.objects.get(pk=case.appeal_id).events.all()
        ]
    assert actions.index("工业和信息化局正在办理") < actions.index("已答复")


def test_the_hub_home_shows_each_person_their_waiting_work(case):
    def waiting(short_name: str) -> int:
        return Case.objects.filter(department__short_name=short_name, status="dispatched").count()

    # The case waits at 工信局, so the liaison's count includes it; it is not pinned, as the demo
    # data the browser tests commit earlier in a full run adds cases of its own.
    assert (case.department.short_name, case.status) == ("工信局", Case.Status.DISPATCHED)
    assert f"待签收：{waiting('工信局')}" in hub("liaison").get("/").content.decode()
    assert f"待签收：{waiting('科创局')}" in hub("other_liaison").get("/").content.decode()
    returned = Case.objects.filter(status="returned").count()
    assert f"待重新派单的退单：{returned}" in hub("district_admin").get("/").content.decode()
    assert "待办事项" not in host_client("localhost").get("/").content.decode()


def test_deleting_a_park_account_never_touches_a_hub_account_with_the_same_id(case):
    from accounts.models import User
    from onewindow.models import Liaison

    same_id = 900_000 + case.pk
    hub_user = User.objects.create(id=same_id, username=f"hub-{same_id}", role="liaison")
    liaison = Liaison.objects.create(user=hub_user, department=case.department)
    hub_step = case.events.create(actor=hub_user, action="Signed for")
    with schema_context("alpha"):
        User.objects.create(id=same_id, username=f"park-{same_id}", role="enterprise").delete()
    assert Liaison.objects.filter(pk=liaison.pk).exists()
    assert User.objects.filter(pk=same_id).exists()
    assert case.events.filter(pk=hub_step.pk, actor=hub_user).exists()
