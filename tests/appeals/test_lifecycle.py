"""The appeal's lifecycle, walked over its table: every allowed move works and writes one step;
every other move is refused and changes nothing; each person is offered only what they may do."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_tenants.utils import schema_context

from accounts.models import User
from appeals.lifecycle import NOT_ALLOWED, STEPS, TRANSITIONS, AppealAction, appeal_transition
from appeals.models import Appeal, AppealEvent
from notifications.models import Notification

from ..conftest import host_client, log_in
from .helpers import category, submit

S = Appeal.Status
STATUSES = list(S)

ALLOWED = [
    (action, start, to)
    for action, moves in TRANSITIONS.items()
    for start, targets in moves.items()
    for to in sorted(targets)
]
EVERY_START = [(action, start) for action in AppealAction for start in STATUSES]


def _id(value) -> str:
    return str(value)


@pytest.fixture
def appeal_in(in_park_a):
    """An appeal of park alpha's enterprise, put straight into a status (no workflow ran)."""
    owner = User.objects.get(username="enterprise_user")

    def make(status: str) -> Appeal:
        return Appeal.objects.create(
            tracking_number=f"ALFA-{uuid.uuid4().hex[:12]}",
            submission_key=uuid.uuid4(),
            enterprise=owner.enterprise,
            submitted_by=owner,
            category=category(),
            title="贷款贴息申请进度咨询",
            description="想了解审核进度。",
            contact_name="李明",
            contact_mobile="13800138001",
            window_due=timezone.localdate() + datetime.timedelta(days=3),
            status=status,
        )

    return make


def test_every_action_has_a_step_and_the_table_names_only_real_statuses():
    assert set(STEPS) == set(TRANSITIONS) == set(AppealAction)
    for moves in TRANSITIONS.values():
        assert set(moves) <= set(STATUSES)
        assert all(targets <= set(STATUSES) for targets in moves.values())


@pytest.mark.parametrize(("action", "start", "to"), ALLOWED, ids=_id)
def test_an_allowed_move_changes_the_status_and_writes_one_step(appeal_in, action, start, to):
    appeal = appeal_in(start)
    appeal_transition(appeal, action=action, to=to, actor_name="某人", note="说明")
    appeal.refresh_from_db()
    assert appeal.status == to
    event = AppealEvent.objects.get(appeal=appeal)
    assert (event.from_status, event.to_status) == (start, to)
    assert (event.actor, event.action, event.note) == (*STEPS[action], "说明")


@pytest.mark.parametrize(("action", "start"), EVERY_START, ids=_id)
def test_every_other_move_is_refused_and_changes_nothing(appeal_in, action, start):
    appeal = appeal_in(start)
    allowed = TRANSITIONS[action].get(start, frozenset())
    for to in set(STATUSES) - allowed:
        with pytest.raises(ValidationError) as refused:
            appeal_transition(appeal, action=action, to=to)
        assert refused.value.code == NOT_ALLOWED
        assert Appeal.objects.get(pk=appeal.pk).status == start
        assert not AppealEvent.objects.filter(appeal=appeal).exists()


def test_a_refusal_is_explained_in_the_readers_language(appeal_in):
    appeal = appeal_in(S.DISPATCHED)
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        appeal_transition(appeal, action=AppealAction.ACCEPT, to=S.DISPATCHED)
    assert refused.value.messages == ["该诉求当前状态为“已受理，部门办理中”，未作任何更改。"]


def test_a_stale_copy_is_checked_against_the_row_as_it_is_now(appeal_in):
    appeal = appeal_in(S.SUBMITTED)
    stale = Appeal.objects.get(pk=appeal.pk)
    appeal_transition(appeal, action=AppealAction.REJECT, to=S.REJECTED)
    with pytest.raises(ValidationError) as refused:
        appeal_transition(stale, action=AppealAction.ACCEPT, to=S.DISPATCHED)
    assert refused.value.code == NOT_ALLOWED
    assert Appeal.objects.get(pk=appeal.pk).status == S.REJECTED


WINDOW_OFFER = {
    S.SUBMITTED: {"accept", "return", "reject", "window_answer"},
}
ENTERPRISE_OFFER = {
    S.RETURNED: {"resubmit"},
    S.INFO_REQUESTED: {"reply"},
    S.ANSWERED: {"rate"},
}


@pytest.mark.parametrize("status", STATUSES, ids=_id)
def test_each_person_is_offered_what_they_may_do_now(appeal_in, status):
    appeal = appeal_in(status)

    def offered(username: str) -> set[str]:
        return set(appeal.allowed_actions(User.objects.get(username=username)))

    assert offered("window_staff") == WINDOW_OFFER.get(status, set())
    assert offered("enterprise_user") == ENTERPRISE_OFFER.get(status, set())
    assert offered("other_enterprise_user") == set()
    assert offered("park_operator") == set()


def test_nothing_is_offered_to_an_anonymous_visitor(appeal_in):
    from django.contrib.auth.models import AnonymousUser

    assert appeal_in(S.SUBMITTED).allowed_actions(AnonymousUser()) == frozenset()


def test_the_window_page_offers_triage_only_while_the_appeal_waits(park_a):
    from .helpers import accept

    window = host_client("alpha.localhost")
    log_in(window, "window_staff")
    appeal = submit("alpha")
    page = window.get(f"/office/appeals/{appeal.tracking_number}/").content.decode()
    assert f"/office/appeals/{appeal.tracking_number}/accept/" in page
    accept("alpha", appeal)
    page = window.get(f"/office/appeals/{appeal.tracking_number}/").content.decode()
    assert f"/office/appeals/{appeal.tracking_number}/accept/" not in page
    assert f"/office/appeals/{appeal.tracking_number}/reject/" not in page


def test_the_enterprise_page_offers_a_correction_only_when_returned(park_a):
    from appeals.services.window import appeal_return

    from ..personas import user_in

    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    appeal = submit("alpha")
    edit = f"/appeals/{appeal.tracking_number}/edit/"
    assert edit not in client.get(f"/appeals/{appeal.tracking_number}/").content.decode()
    with schema_context("alpha"):
        appeal_return(appeal=appeal, by=user_in("alpha", "window_staff"), reason="请补充合同")
    assert edit in client.get(f"/appeals/{appeal.tracking_number}/").content.decode()


def test_notices_link_to_the_appeal_pages(park_a):
    appeal = submit("alpha")
    with schema_context("alpha"):
        url = Notification.objects.get(
            recipient__username="window_staff", title__contains=appeal.tracking_number
        ).url
    assert "alpha.localhost" in url
    assert url.endswith(f"/office/appeals/{appeal.tracking_number}/")
