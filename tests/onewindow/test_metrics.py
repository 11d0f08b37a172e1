"""Appeal metrics on a small data set whose every figure is computed by hand below.

March 2026 has no public holiday: Mon 2 … Fri 6, 9 … 13, 16 … 20, 23 … 27, 30, 31 are the
working days. 工信局 = GXJ, 科创局 = KCJ. "sign-for by" is the first working day after arrival.

Park alpha, submitted in March:
  C1 融资  window ok.  GXJ dispatch 3/2 signed 3/3 (by 3/3 ok). Answer 3/5, due 3/9: early.
         Rated resolved, 非常满意 (1), for GXJ. Handling 3/2→3/5 = 3 days.
  C2 融资  window late (accepted 3/4, due 3/3). GXJ dispatch 3/4 signed 3/6 (by 3/5: late).
         Answer 3/13, due 3/11: late. Unrated. Handling 3/4→3/13 = 7.
  C3 融资  window ok. GXJ dispatch 3/3 signed 3/3. Approved extension: due 3/10 → 3/17.
         Answer 3/17, due in force 3/17: on time, not early. Rated not resolved, 基本满意 (3).
         Handling 3/3→3/17 = 10.
  C4 融资  window ok. GXJ dispatch 3/4 signed 3/5 (by 3/5 ok). First answer 3/6, due 3/11:
         early. Rated 不满意 → re-handled; second answer 3/20 after its due 3/16 (late, but
         only the first answer counts). Last rating resolved, 满意 (2). Handling 3/4→3/6 = 2.
  C5 科技  window ok. GXJ dispatch 3/5 signed 3/5 ok; GXJ transfers it: KCJ arrival 3/6
         signed 3/10 (by 3/9: late). KCJ answers 3/11, due 3/12 (running clock): early.
         Rated not resolved, 不满意 (4), for KCJ. Handling from the dispatch 3/5→3/11 = 4.
  C6 科技  window ok. KCJ dispatch 3/9, never signed, returned 3/10 (by 3/10: failed).
         GXJ re-dispatch 3/12 signed 3/13 (by 3/13 ok). Answer 3/16, due 3/19: early.
         Rated resolved, 满意 (2), for GXJ. New clock: handling 3/12→3/16 = 2.
  C7 融资  window ok. KCJ dispatch 3/31, not signed yet (by 4/1): not counted as of 3/31.
Elsewhere: C8 park beta in March (all good, GXJ); C9 park alpha submitted 2026-04-01 00:30
Shanghai time (still 3/31 in UTC).

The cases are written row by row here, then their facts computed (`case_facts_rebuild`), as
`manage.py rebuild_facts` does; tests/onewindow/test_facts.py drives the real workflows.

Alpha, March, as of 3/31:
                      all               GXJ                       KCJ
  volume              7                 6 (C1-C6)                 3 (C5, C6, C7)
  window on time      6/7 (C2 late)     — (the window's, not a department's)
  response            5/8 (a2,a6,a7 ✗)  5/6 (C2 late)             0/2 (C5 late, C6 unsigned)
  return              1/9               0/6                       1/3 (C6)
  on time             5/6 (C2 late)     4/5 (C1 C2 C3 C4 C6)      1/1 (C5)
  early completion    4/6 (C1 C4 C5 C6) 3/5 (C1 C4 C6)            1/1
  resolution          3/5 (C1 C4 C6)    3/4 (rated C1 C3 C4 C6)   0/1 (C5)
  satisfaction        4/5 (C5 is 4)     4/4                       0/1
  re-handling         1/5 (C4)          1/4                       0/1
  transfers per case  1/7               1/6 (GXJ made it)         0/3
  transfer rate       1/9               1/6 (GXJ's arrival of C5) 0/3
  handling days       28/6              24/5 (3+7+10+2+2)         4/1
"""

import datetime
import types
from zoneinfo import ZoneInfo

import pytest

from accounts.models import User
from core.rates import Rate
from onewindow.facts import case_facts_rebuild
from onewindow.metrics import AppealMetrics, appeal_metrics, metrics_by
from onewindow.models import Case, CaseAnswer, CaseArrival, Department, ExtensionRequest
from tests.appeals.helpers import category

SHANGHAI = ZoneInfo("Asia/Shanghai")
MARCH = {"period_start": datetime.date(2026, 3, 1), "period_end": datetime.date(2026, 3, 31)}
END_OF_MARCH = datetime.date(2026, 3, 31)
DISPATCH, REDISPATCH, TRANSFER = (
    CaseArrival.Kind.DISPATCH,
    CaseArrival.Kind.REDISPATCH,
    CaseArrival.Kind.TRANSFER,
)


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def on(month: int, day: int) -> datetime.date:
    return datetime.date(2026, month, day)


def make_case(
    park, number: int, *, department, category, submitted, accepted, window_due, due, **fields
) -> Case:
    return Case.objects.create(
        park=park,
        appeal_id=number,
        tracking_number=f"METRIC-{number}",
        enterprise_name="深圳示例科技有限公司",
        enterprise_uscc="91440300MA5F000000",
        category=category,
        department=department,
        title="厂房租金补贴申请",
        description="想了解厂房租金补贴的申请条件。",
        submitted_at=submitted,
        window_due=window_due,
        accepted_at=accepted,
        dispatched_at=fields.pop("dispatched_at", accepted),
        due_date=due,
        **fields,
    )


def arrive(case, department, kind, arrived, signed=None, returned=None) -> CaseArrival:
    return CaseArrival.objects.create(
        case=case,
        department=department,
        kind=kind,
        arrived_at=arrived,
        signed_at=signed,
        returned_at=returned,
    )


def answer(case, department, answered, due) -> CaseAnswer:
    return CaseAnswer.objects.create(
        case=case, department=department, text="已答复。", answered_at=answered, due_date=due
    )


def rated(resolved: bool, level: int, when, department) -> dict:
    """The last rating, as the hub stores it on the case."""
    return {
        "status": Case.Status.CLOSED,
        "resolved": resolved,
        "satisfaction": level,
        "rated_at": when,
        "rated_department": department,
    }


def early_and_very_satisfied(d) -> None:  # C1
    case = make_case(
        d.alpha,
        1,
        department=d.gxj,
        category=d.fin,
        submitted=at(3, 2, 9),
        accepted=at(3, 2, 11),
        window_due=on(3, 3),
        due=on(3, 9),
        **rated(True, 1, at(3, 6), d.gxj),
    )
    arrive(case, d.gxj, DISPATCH, at(3, 2, 11), signed=at(3, 3, 9))
    answer(case, d.gxj, at(3, 5, 16), on(3, 9))


def late_everywhere_and_unrated(d) -> None:  # C2
    case = make_case(
        d.alpha,
        2,
        department=d.gxj,
        category=d.fin,
        submitted=at(3, 2, 9),
        accepted=at(3, 4),
        window_due=on(3, 3),
        due=on(3, 11),
        status=Case.Status.ANSWERED,
    )
    arrive(case, d.gxj, DISPATCH, at(3, 4), signed=at(3, 6, 9))
    answer(case, d.gxj, at(3, 13), on(3, 11))


def answered_on_the_extended_due_date(d) -> None:  # C3
    case = make_case(
        d.alpha,
        3,
        department=d.gxj,
        category=d.fin,
        submitted=at(3, 3, 9),
        accepted=at(3, 3),
        window_due=on(3, 4),
        due=on(3, 17),
        **rated(False, 3, at(3, 18), d.gxj),
    )
    arrive(case, d.gxj, DISPATCH, at(3, 3), signed=at(3, 3, 15))
    ExtensionRequest.objects.create(
        case=case,
        department=d.gxj,
        requested_by=User.objects.get(username="liaison"),
        days=5,
        reason="需要现场核查。",
        requested_at=at(3, 9),
        status=ExtensionRequest.Status.APPROVED,
        decided_by=User.objects.get(username="district_admin"),
        decided_at=at(3, 9, 15),
        new_due_date=on(3, 17),
    )
    answer(case, d.gxj, at(3, 17, 17), on(3, 17))


def rehandled_then_satisfied(d) -> None:  # C4
    # 不满意 on 3/9 sent it back (new due 3/16); 满意 on 3/23 is the last rating.
    case = make_case(
        d.alpha,
        4,
        department=d.gxj,
        category=d.fin,
        submitted=at(3, 4, 9),
        accepted=at(3, 4),
        window_due=on(3, 5),
        due=on(3, 16),
        rehandle_count=1,
        **rated(True, 2, at(3, 23), d.gxj),
    )
    arrive(case, d.gxj, DISPATCH, at(3, 4), signed=at(3, 5, 9))
    answer(case, d.gxj, at(3, 6), on(3, 11))
    answer(case, d.gxj, at(3, 20), on(3, 16))


def transferred_by_gxj_to_kcj(d) -> None:  # C5
    case = make_case(
        d.alpha,
        5,
        department=d.kcj,
        category=d.tech,
        submitted=at(3, 5, 9),
        accepted=at(3, 5, 9, 30),
        window_due=on(3, 6),
        due=on(3, 12),
        **rated(False, 4, at(3, 12), d.kcj),
    )
    arrive(case, d.gxj, DISPATCH, at(3, 5), signed=at(3, 5, 11))
    arrive(case, d.kcj, TRANSFER, at(3, 6), signed=at(3, 10, 9))
    answer(case, d.kcj, at(3, 11), on(3, 12))


def returned_by_kcj_then_redispatched_to_gxj(d) -> None:  # C6
    case = make_case(
        d.alpha,
        6,
        department=d.gxj,
        category=d.tech,
        submitted=at(3, 9, 9),
        accepted=at(3, 9, 9, 30),
        dispatched_at=at(3, 12),
        window_due=on(3, 10),
        due=on(3, 19),
        **rated(True, 2, at(3, 17), d.gxj),
    )
    arrive(case, d.kcj, DISPATCH, at(3, 9), returned=at(3, 10, 9))
    arrive(case, d.gxj, REDISPATCH, at(3, 12), signed=at(3, 13, 9))
    answer(case, d.gxj, at(3, 16), on(3, 19))


def just_arrived(d) -> None:  # C7
    case = make_case(
        d.alpha,
        7,
        department=d.kcj,
        category=d.fin,
        submitted=at(3, 31, 8),
        accepted=at(3, 31, 9),
        window_due=on(4, 1),
        due=on(4, 8),
    )
    arrive(case, d.kcj, DISPATCH, at(3, 31, 9))


def in_park_beta(d) -> None:  # C8
    case = make_case(
        d.beta,
        8,
        department=d.gxj,
        category=d.fin,
        submitted=at(3, 10, 9),
        accepted=at(3, 10),
        window_due=on(3, 11),
        due=on(3, 17),
        **rated(True, 1, at(3, 13), d.gxj),
    )
    arrive(case, d.gxj, DISPATCH, at(3, 10), signed=at(3, 10, 14))
    answer(case, d.gxj, at(3, 12), on(3, 17))


def submitted_just_after_march(d) -> None:  # C9: 00:30 in Shanghai is still 3/31 in UTC
    case = make_case(
        d.alpha,
        9,
        department=d.gxj,
        category=d.fin,
        submitted=at(4, 1, 0, 30),
        accepted=at(4, 1, 9),
        window_due=on(4, 2),
        due=on(4, 9),
    )
    arrive(case, d.gxj, DISPATCH, at(4, 1, 9), signed=at(4, 1, 10))


@pytest.fixture
def data(park_a, park_b):
    # Tests that run real servers (the worker journey, the browser tests) commit cases of their
    # own; inside this test's transaction (rolled back afterwards) only the hand-made set is left.
    Case.objects.all().delete()
    gxj = Department.objects.get(short_name="工信局")
    kcj = Department.objects.get(short_name="科创局")
    d = types.SimpleNamespace(
        alpha=park_a,
        beta=park_b,
        gxj=gxj,
        kcj=kcj,
        fin=category("融资服务", department=gxj),
        tech=category("科技项目", department=kcj),
    )
    early_and_very_satisfied(d)
    late_everywhere_and_unrated(d)
    answered_on_the_extended_due_date(d)
    rehandled_then_satisfied(d)
    transferred_by_gxj_to_kcj(d)
    returned_by_kcj_then_redispatched_to_gxj(d)
    just_arrived(d)
    in_park_beta(d)
    submitted_just_after_march(d)
    case_facts_rebuild()
    return d


def alpha_in_march(data, **filters) -> AppealMetrics:
    return appeal_metrics(park=data.alpha, as_of=END_OF_MARCH, **MARCH, **filters)


def test_a_rate_without_a_denominator_is_shown_as_a_dash_never_zero():
    assert Rate(0, 0).value is None
    assert str(Rate(0, 0)) == "—"
    assert str(Rate(0, 3)) == "0.0%"
    assert str(Rate(6, 25)) == "24.0%"
    assert str(Rate(1, 3)) == "33.3%"


def test_the_park_figures_match_the_hand_computation(data):
    metrics = alpha_in_march(data)

    assert metrics.volume == 7
    assert metrics.window_on_time == Rate(6, 7)
    assert metrics.response_rate == Rate(5, 8)
    assert metrics.return_rate == Rate(1, 9)
    assert metrics.on_time == Rate(5, 6)
    assert metrics.early_completion == Rate(4, 6)
    assert metrics.resolution == Rate(3, 5)
    assert metrics.satisfaction == Rate(4, 5)
    assert metrics.rehandling == Rate(1, 5)
    assert metrics.transfer_rate == Rate(1, 9)
    assert metrics.transfers_per_case == pytest.approx(1 / 7)
    assert metrics.average_handling_days == pytest.approx(28 / 6)


def test_each_department_is_credited_with_its_own_arrivals_answers_and_ratings(data):
    gxj = alpha_in_march(data, department=data.gxj)
    kcj = alpha_in_march(data, department=data.kcj)

    assert (gxj.volume, kcj.volume) == (6, 3)
    assert (gxj.response_rate, kcj.response_rate) == (Rate(5, 6), Rate(0, 2))
    assert (gxj.return_rate, kcj.return_rate) == (Rate(0, 6), Rate(1, 3))
    assert (gxj.on_time, kcj.on_time) == (Rate(4, 5), Rate(1, 1))
    assert (gxj.early_completion, kcj.early_completion) == (Rate(3, 5), Rate(1, 1))
    assert (gxj.resolution, kcj.resolution) == (Rate(3, 4), Rate(0, 1))
    assert (gxj.satisfaction, kcj.satisfaction) == (Rate(4, 4), Rate(0, 1))
    assert (gxj.rehandling, kcj.rehandling) == (Rate(1, 4), Rate(0, 1))
    assert (gxj.transfer_rate, kcj.transfer_rate) == (Rate(1, 6), Rate(0, 3))
    assert gxj.transfers_per_case == pytest.approx(1 / 6)
    assert kcj.transfers_per_case == 0.0
    assert gxj.average_handling_days == pytest.approx(24 / 5)
    assert kcj.average_handling_days == pytest.approx(4.0)


def test_the_window_rate_is_never_credited_to_a_department(data):
    metrics = alpha_in_march(data, department=data.kcj)

    assert metrics.window_on_time == Rate(0, 0)
    assert str(metrics.window_on_time) == "—"


def test_an_unsigned_arrival_counts_only_once_its_sign_for_day_is_over(data):
    # C7 reached KCJ on 3/31 and must be signed for by 4/1.
    on_the_day = appeal_metrics(department=data.kcj, as_of=on(4, 1), **MARCH)
    after_it = appeal_metrics(department=data.kcj, as_of=on(4, 2), **MARCH)

    assert on_the_day.response_rate == Rate(0, 2)
    assert after_it.response_rate == Rate(0, 3)


def test_the_period_is_the_local_month_of_submission(data):
    # C9 was submitted at 00:30 on 1 April in Shanghai, still 31 March in UTC.
    assert alpha_in_march(data).volume == 7
    assert appeal_metrics(park=data.alpha).volume == 8
    assert appeal_metrics(**MARCH).volume == 8  # with C8 of park beta


def test_a_scope_without_appeals_shows_dashes(data):
    metrics = appeal_metrics(
        period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 1, 31)
    )

    assert metrics.volume == 0
    assert {str(metrics.on_time), str(metrics.satisfaction), str(metrics.response_rate)} == {"—"}
    assert metrics.transfers_per_case is None
    assert metrics.average_handling_days is None


def test_the_category_filter_keeps_that_category_only(data):
    metrics = alpha_in_march(data, category=data.tech)  # C5 and C6

    assert metrics.volume == 2
    assert metrics.on_time == Rate(2, 2)
    assert metrics.satisfaction == Rate(1, 2)


def test_rows_per_department_match_the_department_filter(data):
    rows = metrics_by("department", park=data.alpha, as_of=END_OF_MARCH, **MARCH)

    assert [row.label for row in rows] == ["工业和信息化局", "科技创新局"]
    assert rows[0].metrics == alpha_in_march(data, department=data.gxj)
    assert rows[1].metrics == alpha_in_march(data, department=data.kcj)


def test_rows_per_park_category_and_month(data):
    parks = {row.label: row.metrics for row in metrics_by("park", **MARCH)}
    categories = {
        row.label: row.metrics for row in metrics_by("category", park=data.alpha, **MARCH)
    }
    months = metrics_by("month", park=data.alpha)

    assert {name: m.volume for name, m in parks.items()} == {"阿尔法科技园": 7, "贝塔创新园": 1}
    assert parks["贝塔创新园"].satisfaction == Rate(1, 1)
    assert {name: m.volume for name, m in categories.items()} == {"融资服务": 5, "科技项目": 2}
    assert categories["融资服务"].on_time == Rate(3, 4)  # C1, C3, C4 on time; C2 late
    assert [(row.key, row.label, row.metrics.volume) for row in months] == [
        (on(3, 1), "2026-03", 7),
        (on(4, 1), "2026-04", 1),
    ]


def test_rows_by_park_credit_the_filtered_department(data):
    rows = metrics_by("park", department=data.kcj, as_of=END_OF_MARCH, **MARCH)

    assert [(row.label, row.metrics.volume) for row in rows] == [("阿尔法科技园", 3)]
    assert rows[0].metrics.return_rate == Rate(1, 3)


def test_the_queries_do_not_grow_with_the_number_of_cases(data, django_assert_num_queries):
    # one aggregate over the cases' facts, one over the arrivals'
    with django_assert_num_queries(2):
        appeal_metrics(**MARCH)
    # arrivals by department, first answers by department, last ratings by department, labels
    with django_assert_num_queries(4):
        metrics_by("department", **MARCH)


def test_an_unknown_dimension_is_refused():
    with pytest.raises(ValueError, match="weekday"):
        metrics_by("weekday")
