"""Faults between park and hub: a broker that is down, a worker killed mid-dispatch, the same
message delivered twice. A case must be delayed, never lost or duplicated."""

import contextlib
import datetime
from unittest import mock

import time_machine
from django.utils import timezone
from django_tenants.utils import schema_context
from kombu.exceptions import OperationalError

from appeals.models import Appeal, AppealEvent, OutboxMessage
from appeals.services.inbound import park_receive
from appeals.services.outbox import outbox_sweep
from onewindow.models import Case, ParkMessage
from onewindow.services import inbound
from onewindow.services.cases import case_answer
from onewindow.services.outbox import park_message_deliver

from ..personas import user_in
from .helpers import accept, deliver_to_parks, dispatched_case, submit

NOW = datetime.timedelta(0)


def cases_for(appeal) -> int:
    return Case.objects.filter(tracking_number=appeal.tracking_number).count()


def test_broker_down_at_acceptance_delays_the_case_until_the_sweep(
    park_a, django_capture_on_commit_callbacks
):
    appeal = submit("alpha")
    broken = mock.patch(
        "appeals.tasks.outbox_deliver.delay", side_effect=OperationalError("connection refused")
    )
    with broken as delay, django_capture_on_commit_callbacks(execute=True):
        accept("alpha", appeal)
    assert delay.called  # the send was tried after commit, and failed
    with schema_context("alpha"):
        assert Appeal.objects.get(pk=appeal.pk).status == Appeal.Status.DISPATCHED
        assert OutboxMessage.objects.get(appeal=appeal, kind="case.create").delivered_at is None
    assert cases_for(appeal) == 0

    swept_at = timezone.now()
    with schema_context("alpha"), time_machine.travel(swept_at, tick=False):
        # The case, and the window facts of submitting and accepting.
        assert outbox_sweep(older_than=NOW) == 3
        assert outbox_sweep(older_than=NOW) == 0
        assert OutboxMessage.objects.get(appeal=appeal, kind="case.create").delivered_at == swept_at
    assert cases_for(appeal) == 1


def test_a_worker_killed_after_the_hub_wrote_the_case_leaves_one_case(park_a):
    appeal = accept("alpha", submit("alpha"))
    real = inbound.hub_receive

    def dies_after_commit(**kwargs):
        real(**kwargs)
        raise SystemExit("worker killed")

    with schema_context("alpha"):
        from appeals.services.outbox import outbox_deliver

        # The window facts written before the case go first, as delivery would take them.
        for earlier in OutboxMessage.objects.filter(appeal=appeal, kind="window.facts"):
            assert outbox_deliver(message_id=earlier.pk)
        message = OutboxMessage.objects.get(appeal=appeal, kind="case.create")
        dies = mock.patch.object(inbound, "hub_receive", side_effect=dies_after_commit)
        with dies, contextlib.suppress(SystemExit):
            outbox_deliver(message_id=message.pk)
        message.refresh_from_db()
        assert message.delivered_at is None  # not acknowledged: it will be sent again
    assert cases_for(appeal) == 1
    swept_at = timezone.now()
    with schema_context("alpha"), time_machine.travel(swept_at, tick=False):
        assert outbox_sweep(older_than=NOW) == 1
        message.refresh_from_db()
        assert message.delivered_at == swept_at
    assert cases_for(appeal) == 1


def test_the_same_answer_delivered_twice_gives_one_answer(park_a):
    appeal, case = dispatched_case("alpha")
    deliver_to_parks()
    case_answer(case=case, by=user_in("public", "liaison"), text="已办结。")
    message = ParkMessage.objects.get(case=case, kind="answered")
    assert park_message_deliver(message_id=message.pk)
    # The acknowledgement was lost: the sweep sends it again.
    ParkMessage.objects.filter(pk=message.pk).update(delivered_at=None)
    assert park_message_deliver(message_id=message.pk)
    with schema_context("alpha"):
        assert not park_receive(
            key=message.key, kind="answered", appeal_id=case.appeal_id, payload=message.payload
        )
        answered = AppealEvent.objects.filter(appeal_id=case.appeal_id, to_status="answered")
        assert answered.count() == 1
        assert Appeal.objects.get(pk=case.appeal_id).status == Appeal.Status.ANSWERED


def test_a_park_message_for_the_hub_applies_once(park_a):
    appeal, case = dispatched_case("alpha")
    with schema_context("alpha"):
        message = OutboxMessage.objects.get(appeal=appeal, kind="case.create")
    park = case.park
    again = inbound.hub_receive(
        park=park, key=message.key, kind=message.kind, appeal_id=appeal.pk, payload=message.payload
    )
    assert again is False
    assert cases_for(appeal) == 1


def test_the_hub_case_carries_what_the_department_needs_and_no_contact_details(park_a):
    appeal = accept("alpha", submit("alpha", contact_mobile="13912345678", contact_name="陈小姐"))
    with schema_context("alpha"):
        payload = OutboxMessage.objects.get(appeal=appeal, kind="case.create").payload
    assert payload["enterprise_uscc"]
    assert payload["enterprise_name"]
    assert payload["category_id"]
    flat = str(payload)
    assert "13912345678" not in flat
    assert "陈小姐" not in flat
