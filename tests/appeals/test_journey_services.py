"""The journey through the services: park window → hub → department → back → rating."""

from django_tenants.utils import schema_context

from appeals.models import Appeal, AppealEvent
from appeals.services.journey import appeal_reply_info
from appeals.services.rating import appeal_rate
from onewindow.models import Case, CaseArrival
from onewindow.services.cases import case_answer, case_request_info, case_sign

from ..personas import user_in
from .helpers import deliver_to_hub, deliver_to_parks, dispatched_case, reload, submit


def test_a_submitted_appeal_gets_a_tracking_number_and_a_long_secret(park_a):
    appeal = submit("alpha")
    assert appeal.tracking_number.startswith("ALFA-")
    assert len(appeal.secret) == 43  # 32 random bytes, URL-safe base64 without padding
    assert appeal.status == Appeal.Status.SUBMITTED


def test_the_same_form_submitted_twice_makes_one_appeal(park_a):
    import uuid

    key = uuid.uuid4()
    first = submit("alpha", submission_key=key)
    second = submit("alpha", submission_key=key)
    assert first.pk == second.pk
    with schema_context("alpha"):
        assert Appeal.objects.filter(submission_key=key).count() == 1


def test_tracking_numbers_count_up_within_a_day(park_a):
    first, second = submit("alpha"), submit("alpha")
    assert int(second.tracking_number[-4:]) == int(first.tracking_number[-4:]) + 1


def test_the_whole_journey_through_services(park_a):
    appeal, case = dispatched_case("alpha")
    assert case.department.short_name == "工信局"
    assert case.enterprise_uscc
    assert case.status == Case.Status.DISPATCHED
    assert reload("alpha", appeal).department_due == case.due_date

    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_request_info(case=case, by=liaison, question="请补充贷款合同扫描件。")
    deliver_to_parks()
    appeal = reload("alpha", appeal)
    assert appeal.status == Appeal.Status.INFO_REQUESTED

    with schema_context("alpha"):
        appeal_reply_info(appeal=appeal, by=user_in("alpha", "enterprise_user"), text="已补充。")
    deliver_to_hub("alpha")
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS
    assert case.paused_on is None

    case_answer(case=case, by=liaison, text="贴息资金已于11月拨付。")
    deliver_to_parks()
    appeal = reload("alpha", appeal)
    assert appeal.status == Appeal.Status.ANSWERED
    assert appeal.answer == "贴息资金已于11月拨付。"

    with schema_context("alpha"):
        appeal_rate(
            appeal=appeal, by=user_in("alpha", "enterprise_user"), resolved=True, satisfaction=1
        )
    deliver_to_hub("alpha")
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    assert case.satisfaction == 1
    assert case.resolved
    assert case.rated_department == case.department
    assert CaseArrival.objects.filter(case=case).count() == 1


def test_dissatisfied_sends_the_case_back_to_the_department(park_a):
    appeal, case = dispatched_case("alpha")
    liaison = user_in("public", "liaison")
    case_answer(case=case, by=liaison, text="请咨询银行。")
    deliver_to_parks()
    with schema_context("alpha"):
        appeal_rate(
            appeal=reload("alpha", appeal),
            by=user_in("alpha", "enterprise_user"),
            resolved=False,
            satisfaction=5,
            comment="答非所问",
        )
    deliver_to_hub("alpha")
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS
    assert case.rehandle_count == 1
    assert reload("alpha", appeal).status == Appeal.Status.DISPATCHED


def test_internal_notes_stay_off_the_enterprise_timeline(park_a):
    from .helpers import accept

    appeal = accept("alpha", submit("alpha"), note="企业曾多次来电，优先处理")
    with schema_context("alpha"):
        public = list(
            AppealEvent.objects.filter(appeal=appeal, is_public=True).values_list("note", flat=True)
        )
        internal = AppealEvent.objects.filter(appeal=appeal, is_public=False)
        assert internal.count() == 1
    assert "企业曾多次来电，优先处理" not in public


def test_timeline_steps_are_shown_in_the_readers_language(park_a):
    from django.utils import translation

    appeal, _case = dispatched_case("alpha")
    deliver_to_parks()
    with schema_context("alpha"):
        events = list(Appeal.objects.get(pk=appeal.pk).events.all())
    with translation.override("en"):
        english = [event.action_text for event in events]
    with translation.override("zh-hans"):
        chinese = [event.action_text for event in events]
    assert "Sent to 工业和信息化局" in english
    assert "Accepted and sent to the district" in english
    assert "已受理并推送至区级平台" in chinese
