"""Notices: in-app for every persona, sent outside through email and the logging SMS/WeChat
backends, and private to their recipient."""

import logging

from django.core import mail
from django_tenants.utils import schema_context

from notifications.models import Notification
from notifications.services import notifications_send, notify

from ..appeals.helpers import accept, submit
from ..conftest import host_client, log_in
from ..personas import user_in


def test_accepting_an_appeal_notifies_the_enterprise_in_app(park_a):
    appeal = accept("alpha", submit("alpha"))
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    page = client.get("/notifications/").content.decode()
    assert appeal.tracking_number in page
    assert "消息通知 (" in client.get("/appeals/").content.decode()


def test_another_enterprise_does_not_see_the_notice(park_a):
    appeal = accept("alpha", submit("alpha"))
    client = host_client("alpha.localhost")
    log_in(client, "other_enterprise_user")
    response = client.get("/notifications/")
    assert response.status_code == 200
    assert appeal.tracking_number not in response.content.decode()


def test_notices_go_out_by_email_and_the_logging_sms_and_wechat_backends(park_a, caplog):
    with schema_context("alpha"):
        user = user_in("alpha", "enterprise_user")
        user.mobile = "13800138001"
        user.save(update_fields=["mobile"])
        ids = notify(recipients=[user], title="诉求已受理", body="已派送至工业和信息化局")
        with caplog.at_level(logging.INFO, logger="parkportal.notifications"):
            notifications_send(ids=ids)
    assert mail.outbox[-1].subject == "诉求已受理"
    assert mail.outbox[-1].to == ["enterprise_user@alpha.example.cn"]
    logged = caplog.text
    assert "[sms → 13800138001] 诉求已受理" in logged
    assert "[wechat → enterprise_user] 诉求已受理" in logged


def test_marking_all_as_read(park_a):
    with schema_context("alpha"):
        notify(recipients=[user_in("alpha", "enterprise_user")], title="测试通知")
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    client.post("/notifications/read/")
    with schema_context("alpha"):
        unread = Notification.objects.filter(recipient__username="enterprise_user", read_at=None)
        assert not unread.exists()


def test_liaisons_are_notified_of_new_cases_in_the_hub(park_a):
    from ..appeals.helpers import dispatched_case

    _appeal, case = dispatched_case("alpha")
    liaison = host_client("localhost")
    log_in(liaison, "liaison")
    assert case.tracking_number in liaison.get("/notifications/").content.decode()
    other = host_client("localhost")
    log_in(other, "other_liaison")
    response = other.get("/notifications/")
    assert response.status_code == 200
    assert case.tracking_number not in response.content.decode()


def test_an_enterprise_account_is_texted_on_its_registered_number(park_a, caplog):
    with schema_context("alpha"):
        user = user_in("alpha", "enterprise_user")
        assert not user.mobile
        ids = notify(recipients=[user], title="请评价答复")
        with caplog.at_level(logging.INFO, logger="parkportal.notifications"):
            notifications_send(ids=ids)
        mobile = user.enterprise.mobile
    assert f"[sms → {mobile}] 请评价答复" in caplog.text
