"""The appraisal facts (考核要素) the workflows keep on every case, against a count by hand.

Each case is played through the real services (window → hub → department → park → rating) on a
travelling clock, Asia/Shanghai times. Category 融资服务: window 1 working day, department 5.
工信局 = GXJ (liaison), 科创局 = KCJ (other_liaison). "Sign by" is the first working day after
the arrival; "due" the 5th working day after the (re-)dispatch; the start day never counts.

The calendar (chinesecalendar; the first test checks it): 1–5 May 2026 is the May Day holiday and
Sat 9 May a make-up working day (调休). Working days: Mon 4/27 4/28 4/29 Thu 4/30 | Wed 5/6 5/7
5/8 Sat 5/9 | Mon 5/11 … Fri 5/15 | 5/18 … 5/22 | 5/25 5/26 ….

J1 paused across May Day. Submitted Mon 4/27 09:00, accepted 10:00 (window due 4/28: on time).
   Dispatched 4/27 10:00 to GXJ, due 4/28 4/29 4/30 5/6 5/7 → 5/7; signed 11:00 (by 4/28 ✓).
   Info asked Thu 4/30, the enterprise replied Wed 5/6: paused = working days 5/1 … 5/6 =
   {5/6} = 1 (5/1–5/5 are holidays), so the due date moves 5/7 + 1 working day = Fri 5/8.
   Answered Fri 5/8 15:00 = the moved due date: on time, not early (late without the pause).
   Handling = working days 4/28 4/29 4/30 5/6 5/7 5/8 = 6, minus 1 paused = 5.
   Rated resolved, 满意 (2), for GXJ.
J2 extension. Submitted Wed 5/6 09:00, accepted 09:30; due 5/7 5/8 5/9 5/11 5/12 → 5/12;
   signed Thu 5/7 09:00 (by 5/7 ✓). Extension of 2 days approved Mon 5/11: 5/13 5/14 → 5/14.
   Answered Thu 5/14 16:00 on the extended due date: on time, not early. Handling 5/7 5/8 5/9
   5/11 5/12 5/13 5/14 = 7 (the 调休 Saturday counts). Closed unrated on 5/22 (rated_at None).
J3 transfer. Submitted Mon 5/11 09:00, accepted 09:30; GXJ due 5/12 … 5/15 5/18 → 5/18;
   GXJ signs 10:00 (by 5/12 ✓) and transfers it to KCJ Tue 5/12 10:00 (sign by 5/13); KCJ signs
   Thu 5/14 (✗ late) and answers Fri 5/15 10:00, due 5/18 kept: on time and early, credited to
   KCJ. Handling from the dispatch 5/11: 5/12 5/13 5/14 5/15 = 4. transfers 1; GXJ's arrival
   transferred_out. Rated not resolved, 基本满意 (3), for KCJ.
J4 退单 and re-dispatch. Submitted Tue 5/12 09:00, accepted 09:30; GXJ (sign by 5/13) returns it
   unsigned Wed 5/13 15:00 (signed_in_time None, counted as not in time). The district admin
   re-dispatches it to KCJ Mon 5/18 10:00: a new clock, due 5/19 … 5/22 5/25 → 5/25; KCJ signs
   14:00 (by 5/19 ✓), answers Wed 5/20 10:00: early. Handling from the re-dispatch: 5/19 5/20
   = 2 (from the first dispatch it would be 6). Rated resolved, 非常满意 (1), for KCJ.
J5 重办. Submitted Tue 4/28 09:00, accepted 09:30; due 4/29 4/30 5/6 5/7 5/8 → 5/8; signed
   10:00. First answer Wed 4/29 16:00: on time, early, handling 1. Rated 不满意 (4) Thu 4/30:
   re-handled, new due 4/30 + 5 = 5/11. Second answer Tue 5/12 (after 5/11, but only the first
   answer counts). Last rating Wed 5/13 resolved, 满意 (2), for GXJ; rehandle_count 1.
J6 late everywhere. Submitted Thu 4/30 09:00, window due 5/6, accepted Thu 5/7 09:00 (window
   late). Due 5/8 5/9 5/11 5/12 5/13 → 5/13; sign by 5/8, signed Mon 5/11 (✗). Answered Fri 5/15
   10:00: late. Handling 5/8 5/9 5/11 5/12 5/13 5/14 5/15 = 7. Left unrated.
J7 waiting. Submitted Tue 5/19 09:00, accepted 09:30, not signed (sign by 5/20): no answer yet.
J8 park beta. Submitted Wed 5/6 10:00, accepted 11:00, due 5/12; signed 14:00 ✓; answered Thu
   5/7 10:00 (early, handling 1); rated resolved, 非常满意 (1).
Plus, in alpha, two appeals the window closed itself (one rejected, one answered and rated):
window records only, no case.

      window clock start  paused due    answered  on time early handling transfers rated
  J1  ✓      4/27 10:00   1      5/8    GXJ 5/8   ✓       ✗     5        0         2 ✓ GXJ
  J2  ✓      5/6  09:30   0      5/14   GXJ 5/14  ✓       ✗     7        0         —
  J3  ✓      5/11 09:30   0      5/18   KCJ 5/15  ✓       ✓     4        1         3 ✗ KCJ
  J4  ✓      5/18 10:00   0      5/25   KCJ 5/20  ✓       ✓     2        0         1 ✓ KCJ
  J5  ✓      4/28 09:30   0      5/8    GXJ 4/29  ✓       ✓     1        0         2 ✓ GXJ ↺1
  J6  ✗      5/7  09:00   0      5/13   GXJ 5/15  ✗       ✗     7        0         —
  J7  ✓      5/19 09:30   0      —      —         —       —     —        0         —

Alpha, submitted April–May, as of 5/31:
                      all                GXJ                        KCJ
  volume              7                  7 (every case arrived)     2 (J3, J4)
  window on time      6/7 (J6)           — (the window's)           —
  response            5/9                4/7 (J4 unsigned, J6, J7)  1/2 (J3 late)
  return              1/9                1/7 (J4)                   0/2
  transfer rate       1/9                1/7 (J3)                   0/2
  on time             5/6 (J6 late)      3/4 (J1 J2 J5; J6 late)    2/2
  early completion    3/6 (J3 J4 J5)     1/4 (J5)                   2/2
  resolution          3/4 (J1 J4 J5)     2/2 (rated J1 J5)          1/2 (J4)
  satisfaction        4/4                2/2                        2/2
  re-handling         1/4 (J5)           1/2                        0/2
  transfers per case  1/7                1/7                        0/2
  handling days       26/6 (5+7+4+2+1+7) 20/4 (5+7+1+7)             6/2 (4+2)
Without taking the pause out, J1 would count 6 and the average 27/6.
"""

import datetime
import types
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_tenants.utils import schema_context

from accounts.models import User
from appeals.facts import window_facts_rebuild
from appeals.models import Appeal, Satisfaction
from appeals.services.journey import appeal_reply_info
from appeals.services.rating import appeal_close_unrated, appeal_rate
from appeals.services.window import appeal_answer_at_window, appeal_reject
from core.rates import Rate
from core.workdays import WorkingCalendar
from onewindow.facts import case_facts_rebuild
from onewindow.metrics import appeal_metrics
from onewindow.models import AppealCategory, Case, CaseArrival, Department, WindowRecord
from onewindow.services.cases import (
    case_answer,
    case_redispatch,
    case_request_info,
    case_return,
    case_sign,
    case_transfer,
)
from onewindow.services.extensions import extension_approve, extension_request

from ..appeals.helpers import accept, deliver_to_hub, deliver_to_parks, reload, submit
from ..personas import user_in

SHANGHAI = ZoneInfo("Asia/Shanghai")
APRIL_AND_MAY = {
    "period_start": datetime.date(2026, 4, 1),
    "period_end": datetime.date(2026, 5, 31),
}
END_OF_MAY = datetime.date(2026, 5, 31)
DISPATCH, REDISPATCH, TRANSFER = (
    CaseArrival.Kind.DISPATCH,
    CaseArrival.Kind.REDISPATCH,
    CaseArrival.Kind.TRANSFER,
)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def on(month: int, day: int) -> datetime.date:
    return datetime.date(2026, month, day)


def travel(moment: datetime.datetime):
    return time_machine.travel(moment, tick=False)


# The steps of a journey, each at its moment, each message delivered as the worker would.


def dispatched(schema: str, submitted, accepted, title: str) -> tuple[Appeal, Case]:
    with travel(submitted):
        appeal = submit(schema, title=title)
    with travel(accepted):
        appeal = accept(schema, appeal)
        deliver_to_hub(schema)
        deliver_to_parks()
    return appeal, Case.objects.get(tracking_number=appeal.tracking_number)


def sign(case: Case, when, username: str = "liaison") -> None:
    with travel(when):
        case_sign(case=case, by=user_in("public", username))
        deliver_to_parks()


def answer(case: Case, when, username: str = "liaison") -> None:
    with travel(when):
        case_answer(case=case, by=user_in("public", username), text="已协调办理，请查收答复。")
        deliver_to_parks()


def rate(appeal: Appeal, when, *, resolved: bool, level: int, schema: str = "alpha") -> None:
    with travel(when):
        with schema_context(schema):
            enterprise = User.objects.get(username="enterprise_user")
            appeal_rate(appeal=appeal, by=enterprise, resolved=resolved, satisfaction=level)
        deliver_to_hub(schema)


@pytest.fixture
def d(park_a, park_b):
    # Server tests commit appeals and cases of their own; inside this test's transaction
    # (rolled back afterwards) only the journeys below are left.
    Case.objects.all().delete()
    WindowRecord.objects.all().delete()
    for schema in ("alpha", "beta"):
        with schema_context(schema):
            Appeal.objects.all().delete()
    AppealCategory.objects.filter(name="融资服务").update(
        window_deadline_days=1, department_deadline_days=5
    )
    return types.SimpleNamespace(
        alpha=park_a,
        beta=park_b,
        gxj=Department.objects.get(short_name="工信局"),
        kcj=Department.objects.get(short_name="科创局"),
        liaison=user_in("public", "liaison"),
        admin=user_in("public", "district_admin"),
    )


def paused_across_may_day(d) -> tuple[Appeal, Case]:  # J1
    appeal, case = dispatched("alpha", at(4, 27), at(4, 27, 10), "贷款贴息资金拨付进度")
    sign(case, at(4, 27, 11))
    with travel(at(4, 30, 10)):
        case_request_info(case=case, by=d.liaison, question="请补充贷款合同扫描件。")
        deliver_to_parks()
    with travel(at(5, 6, 9)):
        with schema_context("alpha"):
            enterprise = User.objects.get(username="enterprise_user")
            appeal_reply_info(appeal=appeal, by=enterprise, text="合同扫描件已上传。")
        deliver_to_hub("alpha")
    answer(case, at(5, 8, 15))
    rate(appeal, at(5, 11), resolved=True, level=Satisfaction.SATISFIED)
    return appeal, case


def extended_then_closed_unrated(d) -> tuple[Appeal, Case]:  # J2
    appeal, case = dispatched("alpha", at(5, 6), at(5, 6, 9, 30), "厂房租金补贴申请条件")
    sign(case, at(5, 7))
    with travel(at(5, 11, 10)):
        extension = extension_request(case=case, by=d.liaison, days=2, reason="需现场核查厂房。")
    with travel(at(5, 11, 14)):
        extension_approve(extension=extension, by=d.admin, note="同意延期。")
        deliver_to_parks()
    answer(case, at(5, 14, 16))
    with travel(at(5, 22)):
        with schema_context("alpha"):
            assert appeal_close_unrated(appeal=appeal, now=at(5, 22))
        deliver_to_hub("alpha")
    return appeal, case


def transferred_to_kcj(d) -> tuple[Appeal, Case]:  # J3
    appeal, case = dispatched("alpha", at(5, 11), at(5, 11, 9, 30), "高新技术企业认定辅导")
    sign(case, at(5, 11, 10))
    with travel(at(5, 12, 10)):
        case_transfer(case=case, by=d.liaison, department=d.kcj, reason="属科技创新局职责。")
        deliver_to_parks()
    sign(case, at(5, 14), "other_liaison")
    answer(case, at(5, 15, 10), "other_liaison")
    rate(appeal, at(5, 18), resolved=False, level=Satisfaction.FAIRLY_SATISFIED)
    return appeal, case


def returned_then_redispatched(d) -> tuple[Appeal, Case]:  # J4
    appeal, case = dispatched("alpha", at(5, 12), at(5, 12, 9, 30), "研发费用加计扣除备案")
    with travel(at(5, 13, 15)):
        case_return(case=case, by=d.liaison, reason="不属于本局职责。")
        deliver_to_parks()
    with travel(at(5, 18, 10)):
        case_redispatch(case=case, by=d.admin, department=d.kcj, note="改派科创局。")
        deliver_to_parks()
    sign(case, at(5, 18, 14), "other_liaison")
    answer(case, at(5, 20, 10), "other_liaison")
    rate(appeal, at(5, 21), resolved=True, level=Satisfaction.VERY_SATISFIED)
    return appeal, case


def rehandled_then_satisfied(d) -> tuple[Appeal, Case]:  # J5
    appeal, case = dispatched("alpha", at(4, 28), at(4, 28, 9, 30), "技改项目补贴申报材料")
    sign(case, at(4, 28, 10))
    answer(case, at(4, 29, 16))
    rate(appeal, at(4, 30), resolved=False, level=Satisfaction.DISSATISFIED)
    answer(case, at(5, 12, 10))
    rate(appeal, at(5, 13), resolved=True, level=Satisfaction.SATISFIED)
    return appeal, case


def late_everywhere_and_unrated(d) -> tuple[Appeal, Case]:  # J6
    appeal, case = dispatched("alpha", at(4, 30), at(5, 7), "专精特新企业奖励发放")
    sign(case, at(5, 11))
    answer(case, at(5, 15, 10))
    return appeal, case


def waiting_for_sign_for(d) -> tuple[Appeal, Case]:  # J7
    return dispatched("alpha", at(5, 19), at(5, 19, 9, 30), "人才住房租赁补贴咨询")


def answered_in_park_beta(d) -> tuple[Appeal, Case]:  # J8
    appeal, case = dispatched("beta", at(5, 6, 10), at(5, 6, 11), "融资担保费补贴申请")
    sign(case, at(5, 6, 14))
    answer(case, at(5, 7, 10))
    rate(appeal, at(5, 8), resolved=True, level=Satisfaction.VERY_SATISFIED, schema="beta")
    return appeal, case


def closed_at_the_window(d) -> None:
    staff = user_in("alpha", "window_staff")
    with travel(at(5, 6, 10)):
        rejected = submit("alpha", title="个人社保转移咨询")
    with travel(at(5, 6, 11)), schema_context("alpha"):
        appeal_reject(appeal=rejected, by=staff, reason="不属于企业诉求受理范围。")
    with travel(at(5, 7, 10)):
        answered = submit("alpha", title="园区停车位申请流程")
    with travel(at(5, 7, 11)), schema_context("alpha"):
        appeal_answer_at_window(appeal=answered, by=staff, text="请到物业服务中心登记。")
    rate(answered, at(5, 8), resolved=True, level=Satisfaction.SATISFIED)


JOURNEYS = (
    paused_across_may_day,
    extended_then_closed_unrated,
    transferred_to_kcj,
    returned_then_redispatched,
    rehandled_then_satisfied,
    late_everywhere_and_unrated,
    waiting_for_sign_for,
    answered_in_park_beta,
)


@pytest.fixture
def everything(d):
    cases = [journey(d)[1] for journey in JOURNEYS]
    closed_at_the_window(d)
    # The window facts the parks wrote after the last delivery (the answers reaching them).
    deliver_to_hub("alpha")
    deliver_to_hub("beta")
    d.cases = cases
    return d


def facts(case: Case) -> dict:
    """The case's stored facts, as the case page and the dashboards read them."""
    case.refresh_from_db()
    department = case.answered_department
    return {
        "submitted_on": case.submitted_on,
        "window_on_time": case.window_on_time,
        "clock_started_at": case.clock_started_at,
        "paused_days": case.paused_days,
        "first_answer_due": case.first_answer_due,
        "answered_department": department.short_name if department else None,
        "on_time": case.on_time,
        "early": case.early,
        "handling_days": case.handling_days,
        "transfers": case.transfers,
    }


def arrivals(case: Case) -> list[tuple]:
    """(department, kind, sign by, signed in time, transferred out, returned) per arrival."""
    return [
        (
            a.department.short_name,
            a.kind,
            a.sign_by,
            a.signed_in_time,
            a.transferred_out,
            a.returned_at is not None,
        )
        for a in case.arrivals.select_related("department")
    ]


def test_the_calendar_is_the_one_counted_by_hand(db):
    calendar = WorkingCalendar.load()
    days = [on(4, 27) + datetime.timedelta(days=n) for n in range(30)]

    assert [day for day in days if calendar.is_working_day(day)] == [
        *(on(4, day) for day in (27, 28, 29, 30)),
        *(on(5, day) for day in (6, 7, 8, 9, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 25, 26)),
    ]
    assert calendar.working_days_between(on(4, 30), on(5, 6)) == 1
    assert calendar.due_after_pause(on(5, 7), on(4, 30), on(5, 6)) == on(5, 8)


def test_a_pause_across_may_day_moves_the_due_date_and_is_not_handling_time(d):
    appeal, case = paused_across_may_day(d)

    assert list(case.pauses.values_list("started_on", "ended_on", "working_days")) == [
        (on(4, 30), on(5, 6), 1)
    ]
    assert facts(case) == {
        "submitted_on": on(4, 27),
        "window_on_time": True,
        "clock_started_at": at(4, 27, 10),
        "paused_days": 1,
        "first_answer_due": on(5, 8),
        "answered_department": "工信局",
        "on_time": True,
        "early": False,
        "handling_days": 5,
        "transfers": 0,
    }
    assert case.due_date == on(5, 8)
    assert reload("alpha", appeal).department_due == on(5, 8)  # what the enterprise reads
    assert arrivals(case) == [("工信局", DISPATCH, on(4, 28), True, False, False)]
    assert (case.resolved, case.satisfaction, case.rated_department) == (True, 2, d.gxj)


def test_an_answer_on_the_extended_due_date_is_on_time_but_not_early(d):
    _appeal, case = extended_then_closed_unrated(d)

    assert facts(case) == {
        "submitted_on": on(5, 6),
        "window_on_time": True,
        "clock_started_at": at(5, 6, 9, 30),
        "paused_days": 0,
        "first_answer_due": on(5, 14),
        "answered_department": "工信局",
        "on_time": True,
        "early": False,
        "handling_days": 7,
        "transfers": 0,
    }
    assert arrivals(case) == [("工信局", DISPATCH, on(5, 7), True, False, False)]


def test_an_answer_closed_unrated_counts_for_on_time_but_not_for_the_ratings(d):
    _appeal, case = extended_then_closed_unrated(d)
    case.refresh_from_db()
    metrics = appeal_metrics(
        park=d.alpha, period_start=on(5, 6), period_end=on(5, 6), as_of=END_OF_MAY
    )

    assert (case.status, case.closed_at, case.rated_at) == (Case.Status.CLOSED, at(5, 22), None)
    assert metrics.on_time == Rate(1, 1)
    assert metrics.resolution == Rate(0, 0)
    assert metrics.satisfaction == Rate(0, 0)
    assert str(metrics.satisfaction) == "—"


def test_a_transfer_keeps_the_clock_and_credits_the_answer_to_the_receiving_department(d):
    _appeal, case = transferred_to_kcj(d)

    assert facts(case) == {
        "submitted_on": on(5, 11),
        "window_on_time": True,
        "clock_started_at": at(5, 11, 9, 30),
        "paused_days": 0,
        "first_answer_due": on(5, 18),
        "answered_department": "科创局",
        "on_time": True,
        "early": True,
        "handling_days": 4,
        "transfers": 1,
    }
    assert arrivals(case) == [
        ("工信局", DISPATCH, on(5, 12), True, True, False),
        ("科创局", TRANSFER, on(5, 13), False, False, False),
    ]
    assert case.rated_department == d.kcj


def test_the_transferring_department_is_charged_with_the_transfer(d):
    transferred_to_kcj(d)
    scope = {"park": d.alpha, "period_start": on(5, 11), "period_end": on(5, 11)}
    gxj = appeal_metrics(department=d.gxj, as_of=END_OF_MAY, **scope)
    kcj = appeal_metrics(department=d.kcj, as_of=END_OF_MAY, **scope)

    assert (gxj.transfer_rate, kcj.transfer_rate) == (Rate(1, 1), Rate(0, 1))
    assert (gxj.transfers_per_case, kcj.transfers_per_case) == (1.0, 0.0)
    assert (gxj.response_rate, kcj.response_rate) == (Rate(1, 1), Rate(0, 1))
    assert (gxj.on_time, kcj.on_time) == (Rate(0, 0), Rate(1, 1))
    assert (gxj.satisfaction, kcj.satisfaction) == (Rate(0, 0), Rate(1, 1))


def test_a_redispatch_after_a_return_starts_the_clock_that_handling_days_count(d):
    _appeal, case = returned_then_redispatched(d)

    assert facts(case) == {
        "submitted_on": on(5, 12),
        "window_on_time": True,
        "clock_started_at": at(5, 18, 10),
        "paused_days": 0,
        "first_answer_due": on(5, 25),
        "answered_department": "科创局",
        "on_time": True,
        "early": True,
        "handling_days": 2,
        "transfers": 0,
    }
    assert arrivals(case) == [
        ("工信局", DISPATCH, on(5, 13), None, False, True),
        ("科创局", REDISPATCH, on(5, 19), True, False, False),
    ]
    scope = {"park": d.alpha, "period_start": on(5, 12), "period_end": on(5, 12)}
    gxj = appeal_metrics(department=d.gxj, as_of=END_OF_MAY, **scope)
    kcj = appeal_metrics(department=d.kcj, as_of=END_OF_MAY, **scope)
    assert (gxj.return_rate, kcj.return_rate) == (Rate(1, 1), Rate(0, 1))
    # The unsigned arrival counts against GXJ once its sign-for day (5/13) is over.
    assert (gxj.response_rate, kcj.response_rate) == (Rate(0, 1), Rate(1, 1))
    assert kcj.average_handling_days == 2.0


def test_a_rehandled_case_keeps_its_first_answer_and_its_last_rating(d):
    _appeal, case = rehandled_then_satisfied(d)

    assert facts(case) == {
        "submitted_on": on(4, 28),
        "window_on_time": True,
        "clock_started_at": at(4, 28, 9, 30),
        "paused_days": 0,
        "first_answer_due": on(5, 8),
        "answered_department": "工信局",
        "on_time": True,
        "early": True,
        "handling_days": 1,
        "transfers": 0,
    }
    assert list(case.answers.values_list("answered_at", "due_date")) == [
        (at(4, 29, 16), on(5, 8)),
        (at(5, 12, 10), on(5, 11)),  # late, but only the first answer counts
    ]
    assert (case.status, case.rehandle_count) == (Case.Status.CLOSED, 1)
    assert (case.resolved, case.satisfaction, case.rated_at) == (True, 2, at(5, 13))
    assert case.rated_department == d.gxj


def test_a_late_window_a_late_sign_for_and_a_late_answer_left_unrated(d):
    _appeal, case = late_everywhere_and_unrated(d)

    assert facts(case) == {
        "submitted_on": on(4, 30),
        "window_on_time": False,
        "clock_started_at": at(5, 7),
        "paused_days": 0,
        "first_answer_due": on(5, 13),
        "answered_department": "工信局",
        "on_time": False,
        "early": False,
        "handling_days": 7,
        "transfers": 0,
    }
    assert arrivals(case) == [("工信局", DISPATCH, on(5, 8), False, False, False)]
    assert (case.status, case.rated_at) == (Case.Status.ANSWERED, None)


def test_an_unsigned_unanswered_case_has_no_answer_facts_yet(d):
    _appeal, case = waiting_for_sign_for(d)

    assert facts(case) == {
        "submitted_on": on(5, 19),
        "window_on_time": True,
        "clock_started_at": at(5, 19, 9, 30),
        "paused_days": 0,
        "first_answer_due": None,
        "answered_department": None,
        "on_time": None,
        "early": None,
        "handling_days": None,
        "transfers": 0,
    }
    assert arrivals(case) == [("工信局", DISPATCH, on(5, 20), None, False, False)]
    on_the_day = appeal_metrics(park=d.alpha, as_of=on(5, 20))
    after_it = appeal_metrics(park=d.alpha, as_of=on(5, 21))
    assert (on_the_day.response_rate, after_it.response_rate) == (Rate(0, 0), Rate(0, 1))


def test_the_district_figures_of_the_journeys_match_the_hand_count(everything):
    metrics = appeal_metrics(park=everything.alpha, as_of=END_OF_MAY, **APRIL_AND_MAY)

    assert metrics.volume == 7
    assert metrics.window_on_time == Rate(6, 7)
    assert metrics.response_rate == Rate(5, 9)
    assert metrics.return_rate == Rate(1, 9)
    assert metrics.transfer_rate == Rate(1, 9)
    assert metrics.on_time == Rate(5, 6)
    assert metrics.early_completion == Rate(3, 6)
    assert metrics.resolution == Rate(3, 4)
    assert metrics.satisfaction == Rate(4, 4)
    assert metrics.rehandling == Rate(1, 4)
    assert metrics.transfers_per_case == pytest.approx(1 / 7)
    # J1 counts 5 days, not the 6 it would without its pause.
    assert metrics.average_handling_days == pytest.approx(26 / 6)


def test_each_department_is_credited_as_counted_by_hand(everything):
    def credited(department):
        return appeal_metrics(
            park=everything.alpha, department=department, as_of=END_OF_MAY, **APRIL_AND_MAY
        )

    gxj, kcj = credited(everything.gxj), credited(everything.kcj)

    assert (gxj.volume, kcj.volume) == (7, 2)
    assert (gxj.response_rate, kcj.response_rate) == (Rate(4, 7), Rate(1, 2))
    assert (gxj.return_rate, kcj.return_rate) == (Rate(1, 7), Rate(0, 2))
    assert (gxj.transfer_rate, kcj.transfer_rate) == (Rate(1, 7), Rate(0, 2))
    assert (gxj.on_time, kcj.on_time) == (Rate(3, 4), Rate(2, 2))
    assert (gxj.early_completion, kcj.early_completion) == (Rate(1, 4), Rate(2, 2))
    assert (gxj.resolution, kcj.resolution) == (Rate(2, 2), Rate(1, 2))
    assert (gxj.satisfaction, kcj.satisfaction) == (Rate(2, 2), Rate(2, 2))
    assert (gxj.rehandling, kcj.rehandling) == (Rate(1, 2), Rate(0, 2))
    assert gxj.transfers_per_case == pytest.approx(1 / 7)
    assert kcj.transfers_per_case == 0.0
    assert gxj.average_handling_days == pytest.approx(20 / 4)
    assert kcj.average_handling_days == pytest.approx(6 / 2)


CASE_FACTS = (
    "tracking_number",
    "submitted_on",
    "window_on_time",
    "clock_started_at",
    "paused_days",
    "answered_department_id",
    "first_answer_due",
    "on_time",
    "early",
    "handling_days",
    "transfers",
    "keywords",
)
ARRIVAL_FACTS = (
    "case__tracking_number",
    "department_id",
    "kind",
    "park_id",
    "category_id",
    "submitted_on",
    "sign_by",
    "signed_in_time",
    "transferred_out",
)
WINDOW_FACTS = tuple(
    field.attname
    for field in WindowRecord._meta.concrete_fields
    if field.name not in ("id", "updated_at")
)


def stored_facts() -> dict:
    return {
        "cases": list(Case.objects.order_by("tracking_number").values(*CASE_FACTS)),
        "arrivals": list(
            CaseArrival.objects.order_by("case__tracking_number", "arrived_at").values(
                *ARRIVAL_FACTS
            )
        ),
        "windows": list(
            WindowRecord.objects.order_by("park_id", "appeal_id").values(*WINDOW_FACTS)
        ),
    }


def test_rebuilding_every_fact_gives_what_the_workflows_kept(everything):
    kept = stored_facts()
    # Forget every fact, then recompute them all, as `manage.py rebuild_facts` would.
    Case.objects.update(
        submitted_on=None,
        window_on_time=None,
        clock_started_at=None,
        paused_days=0,
        answered_department=None,
        first_answer_due=None,
        on_time=None,
        early=None,
        handling_days=None,
        transfers=0,
        keywords=[],
    )
    CaseArrival.objects.update(
        park=None,
        category=None,
        submitted_on=None,
        sign_by=None,
        signed_in_time=None,
        transferred_out=False,
    )
    WindowRecord.objects.all().delete()

    assert case_facts_rebuild() == 8
    for schema in ("alpha", "beta"):
        with schema_context(schema):
            window_facts_rebuild()

    assert stored_facts() == kept
    assert (len(kept["cases"]), len(kept["arrivals"]), len(kept["windows"])) == (8, 10, 10)
    assert all(case["keywords"] for case in kept["cases"])
