"""Editorial workflow: operators draft and submit, content managers approve and publish."""

import pytest
from django_tenants.utils import schema_context

from accounts.models import User
from tests.cms import content
from tests.conftest import log_in


def users(*names):
    return [User.objects.get(username=name) for name in names]


def test_a_submitted_draft_is_not_public_until_the_content_manager_approves(park_a, park_a_client):
    with schema_context(park_a.schema_name):
        page = content.news("园区原稿动态")
        url = page.url
        operator, manager = users("park_operator", "content_manager")
        page.title = "园区修改稿动态"
        page.save_revision(user=operator)
        workflow_state = page.get_workflow().start(page, operator)
    assert "园区原稿动态" in park_a_client.get(url).content.decode()
    assert "园区修改稿动态" not in park_a_client.get(url).content.decode()

    with schema_context(park_a.schema_name):
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, manager, "approve")
    assert "园区修改稿动态" in park_a_client.get(url).content.decode()


def test_operators_edit_but_cannot_publish_managers_can(park_a):
    with schema_context(park_a.schema_name):
        page = content.news("权限测试动态")
        operator, manager, window = users("park_operator", "content_manager", "window_staff")
        assert page.permissions_for_user(operator).can_edit()
        assert not page.permissions_for_user(operator).can_publish()
        assert page.permissions_for_user(manager).can_publish()
        assert not page.permissions_for_user(window).can_edit()


@pytest.mark.parametrize("username", ["park_operator", "content_manager"])
def test_wagtail_admin_is_for_operators_and_managers(park_a_client, username):
    log_in(park_a_client, username)
    assert park_a_client.get("/admin/").status_code == 200


@pytest.mark.parametrize("username", ["window_staff", "enterprise_user"])
def test_other_roles_are_sent_to_the_admin_login(park_a_client, username):
    log_in(park_a_client, username)
    response = park_a_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_wagtail_admin_speaks_chinese_by_default(park_a_client):
    log_in(park_a_client, "park_operator")
    assert "控制面板" in park_a_client.get("/admin/").content.decode()
