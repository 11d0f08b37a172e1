"""The window facts (窗口办理要素) a park sends the hub, where the district appraises its windows.

Times are Asia/Shanghai; category 融资服务 has a window deadline of 1 working day. Sat 9 May
2026 is a make-up working day (调休); 1–5 May are the May Day holiday.

- on time: submitted Mon 5/11 09:00 (window due Tue 5/12), accepted 15:30 by window_staff:
  on time, 6.5 hours.
- late: submitted Fri 5/8 17:00, window due Sat 5/9 (the 调休 Saturday is a working day),
  accepted Mon 5/11 09:00: late; 7 + 24 + 24 + 9 = 64 hours.
- 补正: submitted Tue 5/12 09:00 (due 5/13), returned at 10:00 by window_staff, resubmitted
  Wed 5/13 09:00 (the window clock starts again: due 5/14), accepted Thu 5/14 16:00 by 王芳:
  returned once, accepted on time against 5/14 (it would be late against 5/13), credited to 王芳.
- rejected Mon 5/11 11:00: no on-time figure, the rejection is the window's act.
- answered at the window Mon 5/11 10:00, rated Tue 5/12 resolved, 满意 (2): recorded.
- answered by the department and rated: the rating is the department's, not the window's.
- answered at the window Mon 5/11 10:00, rated 不满意 (4) Tue 5/12 (back to the window), then
  accepted and dispatched Wed 5/13, answered by the department and rated 满意: the window keeps
  its answer and its 不满意; the department's rating stays the department's.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_tenants.utils import schema_context

from accounts.models import Role, User
from accounts.services import user_create
from appeals.facts import window_facts_rebuild
from appeals.models import Appeal, Satisfaction
from appeals.services.intake import appeal_resubmit
from appeals.services.rating import appeal_rate
from appeals.services.window import (
    appeal_accept,
    appeal_answer_at_window,
    appeal_reject,
    appeal_return,
)
from onewindow.models import AppealCategory, Case, WindowRecord
from onewindow.services.cases import case_answer

from ..personas import PASSWORD, user_in
from .helpers import accept, category, deliver_to_hub, deliver_to_parks, submit

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def on(month: int, day: int) -> datetime.date:
    return datetime.date(2026, month, day)


def travel(moment: datetime.datetime):
    return time_machine.travel(moment, tick=False)


def record(park, appeal: Appeal) -> dict | None:
    """What the hub holds of the appeal's window handling (None: nothing yet)."""
    return (
        WindowRecord.objects.filter(park=park, appeal_id=appeal.pk)
        .values(
            "tracking_number",
            "submitted_on",
            "window_due",
            "outcome",
            "acted_at",
            "on_time",
            "hours_to_accept",
            "returned_count",
            "staff_id",
            "staff_name",
            "resolved",
            "satisfaction",
        )
        .first()
    )


def submitted(when: datetime.datetime, schema: str = "alpha") -> Appeal:
    with travel(when):
        return submit(schema)


@pytest.fixture
def staff(park_a) -> User:
    AppealCategory.objects.filter(name="融资服务").update(window_deadline_days=1)
    return user_in("alpha", "window_staff")


def test_an_appeal_accepted_on_time_is_recorded_with_who_accepted_it_and_how_fast(staff, park_a):
    appeal = submitted(at(5, 11))
    with travel(at(5, 11, 15, 30)):
        accept("alpha", appeal)
    deliver_to_hub("alpha")

    assert record(park_a, appeal) == {
        "tracking_number": appeal.tracking_number,
        "submitted_on": on(5, 11),
        "window_due": on(5, 12),
        "outcome": WindowRecord.Outcome.ACCEPTED,
        "acted_at": at(5, 11, 15, 30),
        "on_time": True,
        "hours_to_accept": 6.5,
        "returned_count": 0,
        "staff_id": staff.pk,
        "staff_name": "window_staff",
        "resolved": None,
        "satisfaction": None,
    }


def test_an_appeal_accepted_after_the_make_up_saturday_is_late(staff, park_a):
    appeal = submitted(at(5, 8, 17))
    with travel(at(5, 11)):
        accept("alpha", appeal)
    deliver_to_hub("alpha")

    found = record(park_a, appeal)
    assert (found["window_due"], found["on_time"], found["hours_to_accept"]) == (
        on(5, 9),
        False,
        64.0,
    )


def test_an_appeal_returned_for_correction_then_accepted_counts_the_return(staff, park_a):
    with schema_context("alpha"):
        wang = user_create(
            username="window_wang", password=PASSWORD, role=Role.WINDOW_STAFF, full_name="王芳"
        )
    appeal = submitted(at(5, 12))
    with travel(at(5, 12, 10)), schema_context("alpha"):
        appeal_return(appeal=appeal, by=staff, reason="请补充营业执照副本。")
    deliver_to_hub("alpha")
    returned = record(park_a, appeal)
    with travel(at(5, 13)), schema_context("alpha"):
        appeal_resubmit(
            appeal=appeal,
            by=User.objects.get(username="enterprise_user"),
            category=category(),
            title=appeal.title,
            description=appeal.description + "已补充营业执照副本。",
            contact_name=appeal.contact_name,
            contact_mobile=appeal.contact_mobile,
        )
    deliver_to_hub("alpha")
    resubmitted = record(park_a, appeal)
    with travel(at(5, 14, 16)), schema_context("alpha"):
        appeal_accept(appeal=appeal, by=wang)
    deliver_to_hub("alpha")

    assert (returned["outcome"], returned["returned_count"], returned["staff_id"]) == (
        WindowRecord.Outcome.RETURNED,
        1,
        staff.pk,
    )
    assert (resubmitted["outcome"], resubmitted["window_due"]) == (
        WindowRecord.Outcome.PENDING,
        on(5, 14),
    )
    accepted = record(park_a, appeal)
    assert accepted["outcome"] == WindowRecord.Outcome.ACCEPTED
    assert accepted["returned_count"] == 1
    assert (accepted["window_due"], accepted["on_time"]) == (on(5, 14), True)
    assert (accepted["staff_id"], accepted["staff_name"]) == (wang.pk, "王芳")


def test_a_rejection_is_the_windows_act_without_an_on_time_figure(staff, park_a):
    appeal = submitted(at(5, 11))
    with travel(at(5, 11, 11)), schema_context("alpha"):
        appeal_reject(appeal=appeal, by=staff, reason="不属于企业诉求受理范围。")
    deliver_to_hub("alpha")

    found = record(park_a, appeal)
    assert found["outcome"] == WindowRecord.Outcome.REJECTED
    assert found["acted_at"] == at(5, 11, 11)
    assert (found["on_time"], found["hours_to_accept"]) == (None, None)
    assert (found["staff_id"], found["staff_name"]) == (staff.pk, "window_staff")


def test_a_window_answer_is_recorded_then_its_rating(staff, park_a):
    appeal = submitted(at(5, 11))
    with travel(at(5, 11, 10)), schema_context("alpha"):
        appeal_answer_at_window(appeal=appeal, by=staff, text="请到物业服务中心登记。")
    deliver_to_hub("alpha")
    answered = record(park_a, appeal)
    with travel(at(5, 12)), schema_context("alpha"):
        appeal_rate(
            appeal=appeal,
            by=User.objects.get(username="enterprise_user"),
            resolved=True,
            satisfaction=Satisfaction.SATISFIED,
        )
    deliver_to_hub("alpha")

    assert (answered["outcome"], answered["acted_at"], answered["staff_id"]) == (
        WindowRecord.Outcome.ANSWERED,
        at(5, 11, 10),
        staff.pk,
    )
    assert (answered["resolved"], answered["satisfaction"]) == (None, None)
    rated = record(park_a, appeal)
    assert (rated["outcome"], rated["resolved"], rated["satisfaction"]) == (
        WindowRecord.Outcome.ANSWERED,
        True,
        2,
    )


def test_a_department_answers_rating_is_not_put_on_the_window(staff, park_a):
    with travel(at(5, 11)):
        appeal = accept("alpha", submit("alpha"))
        deliver_to_hub("alpha")
        deliver_to_parks()
    case = Case.objects.get(tracking_number=appeal.tracking_number)
    with travel(at(5, 12)):
        case_answer(case=case, by=user_in("public", "liaison"), text="已协调银行放款。")
        deliver_to_parks()
    with travel(at(5, 13)), schema_context("alpha"):
        appeal_rate(
            appeal=appeal,
            by=User.objects.get(username="enterprise_user"),
            resolved=True,
            satisfaction=Satisfaction.VERY_SATISFIED,
        )
    deliver_to_hub("alpha")

    case.refresh_from_db()
    assert (case.resolved, case.satisfaction) == (True, 1)  # the department's rating
    found = record(park_a, appeal)
    assert found["outcome"] == WindowRecord.Outcome.ACCEPTED
    assert (found["resolved"], found["satisfaction"]) == (None, None)


def test_a_dissatisfied_window_answer_stays_on_the_window_after_a_dispatch(staff, park_a):
    appeal = submitted(at(5, 11))
    enterprise = user_in("alpha", "enterprise_user")
    with travel(at(5, 11, 10)), schema_context("alpha"):
        appeal_answer_at_window(appeal=appeal, by=staff, text="请到物业服务中心登记。")
    with travel(at(5, 12)), schema_context("alpha"):
        appeal_rate(
            appeal=appeal, by=enterprise, resolved=False, satisfaction=Satisfaction.DISSATISFIED
        )
    with travel(at(5, 13)):
        accept("alpha", appeal)
        deliver_to_hub("alpha")
        deliver_to_parks()
    case = Case.objects.get(tracking_number=appeal.tracking_number)
    with travel(at(5, 14)):
        case_answer(case=case, by=user_in("public", "liaison"), text="已协调银行放款。")
        deliver_to_parks()
    with travel(at(5, 15)), schema_context("alpha"):
        appeal_rate(
            appeal=appeal, by=enterprise, resolved=True, satisfaction=Satisfaction.SATISFIED
        )
    deliver_to_hub("alpha")

    found = WindowRecord.objects.get(park=park_a, appeal_id=appeal.pk)
    assert found.outcome == WindowRecord.Outcome.ACCEPTED
    assert found.answered_at_window is True
    assert (found.resolved, found.satisfaction) == (False, 4)
    case.refresh_from_db()
    assert (case.resolved, case.satisfaction) == (True, 2)


def test_the_hub_learns_a_parks_window_facts_only_on_delivery_and_only_for_that_park(
    staff, park_a, park_b
):
    theirs = submitted(at(5, 11, 8), schema="beta")
    deliver_to_hub("beta")
    before = WindowRecord.objects.filter(park=park_b).values().get(appeal_id=theirs.pk)
    ours = submitted(at(5, 11))

    assert record(park_a, ours) is None  # written in the park, not yet delivered
    deliver_to_hub("alpha")
    assert record(park_a, ours)["outcome"] == WindowRecord.Outcome.PENDING
    with travel(at(5, 11, 10)):
        accept("alpha", ours)
    assert record(park_a, ours)["outcome"] == WindowRecord.Outcome.PENDING
    assert deliver_to_hub("alpha") == 2  # the facts of the acceptance, and the case
    assert record(park_a, ours)["outcome"] == WindowRecord.Outcome.ACCEPTED

    assert WindowRecord.objects.filter(park=park_b).values().get(appeal_id=theirs.pk) == before
    assert list(
        WindowRecord.objects.filter(tracking_number=ours.tracking_number).values_list(
            "park", flat=True
        )
    ) == [park_a.pk]


def test_rebuilding_a_selection_stores_that_selection_only(staff, park_a):
    appeal = submitted(at(5, 11))
    WindowRecord.objects.filter(park=park_a).delete()

    with schema_context("alpha"):
        assert window_facts_rebuild(Appeal.objects.filter(pk=appeal.pk)) == 1
        assert window_facts_rebuild(Appeal.objects.none()) == 0
    assert list(WindowRecord.objects.filter(park=park_a).values_list("appeal_id", flat=True)) == [
        appeal.pk
    ]
