"""Rating the answer, closing unrated answers, and what the enterprise reads of the hub's text."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.lifecycle import NOT_ALLOWED
from appeals.models import Appeal, OutboxMessage
from appeals.services.rating import appeal_rate, appeals_close_unrated
from onewindow.models import Case
from onewindow.services.cases import case_answer, case_request_info, case_sign

from ..conftest import host_client, log_in
from ..personas import user_in
from .helpers import deliver_to_hub, deliver_to_parks, dispatched_case, reload

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def answered(park_a):
    appeal, case = dispatched_case("alpha")
    case_answer(case=case, by=user_in("public", "liaison"), text="已答复")
    deliver_to_parks()
    return reload("alpha", appeal), case


def test_an_answer_not_rated_in_seven_days_is_closed_unrated(answered):
    appeal, case = answered
    with schema_context("alpha"):
        six_days = timezone.now() + datetime.timedelta(days=6)
        assert appeals_close_unrated(now=six_days) == 0
        eight_days = timezone.now() + datetime.timedelta(days=8)
        assert appeals_close_unrated(now=eight_days) == 1
        assert Appeal.objects.get(pk=appeal.pk).status == Appeal.Status.CLOSED_UNRATED
    deliver_to_hub("alpha")
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    assert case.satisfaction is None


def test_the_rating_period_is_configurable(answered, settings):
    appeal, _case = answered
    settings.APPEAL_RATING_DAYS = 2
    with schema_context("alpha"):
        assert appeals_close_unrated(now=timezone.now() + datetime.timedelta(days=3)) == 1


def test_an_invalid_rating_changes_nothing(answered):
    appeal, _case = answered
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    response = client.post(
        f"/appeals/{appeal.tracking_number}/rate/", {"resolved": "yes", "satisfaction": "9"}
    )
    assert response.status_code == 400
    errors = response.context["rating_form"].errors.as_data()
    assert [error.code for error in errors["satisfaction"]] == ["invalid_choice"]
    assert reload("alpha", appeal).status == Appeal.Status.ANSWERED
    with schema_context("alpha"):
        assert not OutboxMessage.objects.filter(appeal=appeal, kind="case.rated").exists()


def test_a_rating_twice_is_refused(answered):
    appeal, _case = answered
    by = user_in("alpha", "enterprise_user")
    with schema_context("alpha"):
        appeal_rate(appeal=appeal, by=by, resolved=True, satisfaction=2)
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError) as refused:
            appeal_rate(appeal=appeal, by=by, resolved=False, satisfaction=5)
        assert refused.value.code == NOT_ALLOWED
        assert Appeal.objects.get(pk=appeal.pk).satisfaction == 2


def test_a_dissatisfied_window_answer_goes_back_to_the_window(park_a):
    from appeals.services.window import appeal_answer_at_window

    from .helpers import submit

    appeal = submit("alpha")
    with schema_context("alpha"):
        appeal_answer_at_window(
            appeal=appeal, by=user_in("alpha", "window_staff"), text="请到窗口办理"
        )
        Appeal.objects.filter(pk=appeal.pk).update(window_due=datetime.date(2026, 1, 5))
        appeal.refresh_from_db()
        appeal_rate(
            appeal=appeal, by=user_in("alpha", "enterprise_user"), resolved=False, satisfaction=4
        )
        appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.SUBMITTED
    assert appeal.rehandle_count == 1
    assert appeal.window_due > timezone.localdate()  # a fresh window clock, not overdue


def test_department_text_is_shown_escaped_to_the_enterprise(park_a):
    appeal, case = dispatched_case("alpha")
    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_request_info(case=case, by=liaison, question=SCRIPT)
    deliver_to_parks()
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    page = client.get(f"/appeals/{appeal.tracking_number}/").content.decode()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page
    client.post(f"/appeals/{appeal.tracking_number}/reply/", {"text": SCRIPT})
    deliver_to_hub("alpha")
    case.refresh_from_db()
    case_answer(case=case, by=liaison, text=SCRIPT)
    deliver_to_parks()
    page = client.get(f"/appeals/{appeal.tracking_number}/").content.decode()
    assert SCRIPT not in page
    client.post(
        f"/appeals/{appeal.tracking_number}/rate/",
        {"resolved": "no", "satisfaction": "3", "comment": SCRIPT},
    )
    hub = host_client("localhost")
    log_in(hub, "liaison")
    page = hub.get(f"/cases/{case.pk}/").content.decode()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page
