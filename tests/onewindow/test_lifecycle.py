"""The case's lifecycle, walked over its table: every allowed move works and writes one step;
every other move is refused and changes nothing; each person is offered only what they may do."""

import itertools
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from accounts.models import User
from notifications.models import Notification
from onewindow.lifecycle import (
    EVENT_TEXT,
    NOT_ALLOWED,
    STEPS,
    TRANSITIONS,
    CaseAction,
    case_transition,
)
from onewindow.models import Case, CaseEvent, Department

from ..appeals.helpers import category, dispatched_case
from ..conftest import host_client, log_in
from ..personas import user_in

S = Case.Status
STATUSES = list(S)

ALLOWED = [
    (action, start, to)
    for action, moves in TRANSITIONS.items()
    for start, targets in moves.items()
    for to in sorted(targets)
]
EVERY_START = [(action, start) for action in TRANSITIONS for start in STATUSES]
_appeal_ids = itertools.count(800_000)


def _id(value) -> str:
    return str(value)


@pytest.fixture
def case_in(park_a):
    """A case of park alpha at 工信局, put straight into a status (no workflow ran)."""

    def make(status: str) -> Case:
        now, appeal_id = timezone.now(), next(_appeal_ids)
        return Case.objects.create(
            park=park_a,
            appeal_id=appeal_id,
            tracking_number=f"ALFA-LIFE-{appeal_id}",
            enterprise_name="阿尔法测试公司",
            enterprise_uscc="91440300MA5F000000",
            category=category(),
            department=Department.objects.get(short_name="工信局"),
            title="贷款贴息申请进度咨询",
            description="想了解审核进度。",
            submitted_at=now,
            window_due=timezone.localdate(now),
            accepted_at=now,
            due_date=timezone.localdate(now),
            status=status,
        )

    return make


def test_every_transition_writes_a_step_and_the_table_names_only_real_statuses():
    assert set(EVENT_TEXT) == set(TRANSITIONS)
    assert not set(STEPS) & set(TRANSITIONS)
    assert set(STEPS) | set(TRANSITIONS) == set(CaseAction)
    for moves in TRANSITIONS.values():
        assert set(moves) <= set(STATUSES)
        assert all(targets <= set(STATUSES) for targets in moves.values())


@pytest.mark.parametrize(("action", "start", "to"), ALLOWED, ids=_id)
def test_an_allowed_move_changes_the_status_and_writes_one_step(case_in, action, start, to):
    case = case_in(start)
    liaison = user_in("public", "liaison")
    case_transition(case, action=action, to=to, by=liaison, note="说明")
    case.refresh_from_db()
    assert case.status == to
    event = CaseEvent.objects.get(case=case)
    # A move that keeps the status (a transfer before sign-for) shows no "→ status".
    assert (event.from_status, event.to_status) == (start, to if to != start else "")
    assert (event.actor, event.action, event.note) == (liaison, EVENT_TEXT[action], "说明")


@pytest.mark.parametrize(("action", "start"), EVERY_START, ids=_id)
def test_every_other_move_is_refused_and_changes_nothing(case_in, action, start):
    case = case_in(start)
    allowed = TRANSITIONS[action].get(start, frozenset())
    for to in set(STATUSES) - allowed:
        with pytest.raises(ValidationError) as refused:
            case_transition(case, action=action, to=to)
        assert refused.value.code == NOT_ALLOWED
        assert Case.objects.get(pk=case.pk).status == start
        assert not CaseEvent.objects.filter(case=case).exists()


def test_a_refusal_is_explained_in_the_readers_language(case_in):
    case = case_in(S.CLOSED)
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        case_transition(case, action=CaseAction.SIGN, to=S.IN_PROGRESS)
    assert refused.value.messages == ["该工单当前状态为“已办结”，未作任何更改。"]


HANDLING = {"sign", "answer", "transfer", "return", "request_extension"}
LIAISON_OFFER = {
    S.DISPATCHED: HANDLING,
    S.IN_PROGRESS: HANDLING - {"sign"} | {"request_info"},
    S.INFO_REQUESTED: {"request_extension"},
}
ADMIN_OFFER = {
    S.DISPATCHED: {"decide_extension"},
    S.IN_PROGRESS: {"decide_extension"},
    S.INFO_REQUESTED: {"decide_extension"},
    S.RETURNED: {"redispatch"},
}


@pytest.mark.parametrize("status", STATUSES, ids=_id)
def test_each_person_is_offered_what_they_may_do_now(case_in, status):
    case = case_in(status)

    def offered(username: str) -> set[str]:
        return set(case.allowed_actions(User.objects.get(username=username)))

    assert offered("liaison") == LIAISON_OFFER.get(status, set())
    assert offered("other_liaison") == set()  # another department's liaison
    assert offered("district_admin") == ADMIN_OFFER.get(status, set())


def test_the_case_page_offers_the_department_its_next_steps(park_a):
    from onewindow.services.cases import case_sign

    _appeal, case = dispatched_case("alpha")
    liaison = host_client("localhost")
    log_in(liaison, "liaison")
    page = liaison.get(f"/cases/{case.pk}/").content.decode()
    assert f"/cases/{case.pk}/sign/" in page
    assert f"/cases/{case.pk}/request-info/" not in page
    case_sign(case=case, by=user_in("public", "liaison"))
    page = liaison.get(f"/cases/{case.pk}/").content.decode()
    assert f"/cases/{case.pk}/sign/" not in page
    assert f"/cases/{case.pk}/request-info/" in page
    admin = host_client("localhost")
    log_in(admin, "district_admin")
    assert f"/cases/{case.pk}/answer/" not in admin.get(f"/cases/{case.pk}/").content.decode()


def test_a_rating_that_finds_the_case_not_answered_changes_nothing(case_in, park_a):
    from onewindow.protocol import ToHub
    from onewindow.services.inbound import hub_receive

    case = case_in(S.IN_PROGRESS)
    rating = {
        "resolved": True,
        "satisfaction": 1,
        "comment": "",
        "rated_at": timezone.now().isoformat(),
        "rehandle": False,
    }
    hub_receive(
        park=park_a, key=uuid.uuid4(), kind=ToHub.RATED, appeal_id=case.appeal_id, payload=rating
    )
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS
    assert case.satisfaction is None
    assert not case.events.exists()


def test_notices_link_to_the_hub_pages(park_a):
    from onewindow.services.cases import case_return

    _appeal, case = dispatched_case("alpha")
    case_return(case=case, by=user_in("public", "liaison"), reason="不属于本局职责")
    about_it = Notification.objects.filter(title__contains=case.tracking_number)
    liaison_url = about_it.get(recipient__username="liaison").url
    admin_url = about_it.get(recipient__username="district_admin").url
    assert liaison_url.endswith(f"/cases/{case.pk}/")
    assert admin_url.endswith("/arbitration/")
