"""A signed-in visitor's park home page: the blocks every visitor sees alike are shared (per park,
content generation, language and Shanghai date), the visitor's own parts never are."""

import datetime

import pytest
import time_machine
from django_tenants.utils import schema_context

from cms.models.policies import SHANGHAI
from demo.content import content_seed
from notifications.selectors import unread_count
from notifications.services import notify
from servicedays.services.days import service_day_cancel
from tests.cms import content
from tests.conftest import host_client, log_in
from tests.personas import user_in
from tests.servicedays.helpers import day_create

# A Shanghai evening, and the next Shanghai morning (the same UTC day: 15:30 and 16:30 UTC).
EVENING = datetime.datetime(2026, 11, 27, 23, 30, tzinfo=SHANGHAI)
NEXT_MORNING = datetime.datetime(2026, 11, 28, 0, 30, tzinfo=SHANGHAI)


def _home_with_blocks() -> None:
    """The park home page shows the latest policies, upcoming service days and latest news."""
    home = content.home()
    home.body = [
        ("latest_policies", {"heading": "最新政策", "count": 5}),
        ("service_days", {"heading": "近期企业服务日"}),
        ("latest_news", {"heading": "园区动态", "count": 3}),
    ]
    home.save_revision().publish()


@pytest.fixture
def alpha_home(park_a):
    with schema_context(park_a.schema_name):
        _home_with_blocks()
    return park_a


@pytest.fixture
def signed_in(alpha_home):
    """enterprise_user of park alpha, signed in through the login form."""
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    return client


def _home(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response  # rendered for this visitor, never the anonymous copy
    return response.content.decode()


def _in_english(client):
    client.get("/lang/en/?next=/")
    return client


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_published_news_shows_on_a_signed_in_home_page_at_once_and_goes_when_unpublished(
    alpha_home, signed_in, language
):
    if language == "en":
        _in_english(signed_in)
    assert "园区开年第一讲" not in _home(signed_in)
    with schema_context("alpha"):
        news = content.news("园区开年第一讲")
    assert "园区开年第一讲" in _home(signed_in)
    with schema_context("alpha"):
        news.unpublish()
    assert "园区开年第一讲" not in _home(signed_in)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_navigation_follows_published_sections(alpha_home, signed_in, language):
    if language == "en":
        _in_english(signed_in)
    assert 'href="/news/"' not in _home(signed_in)
    with schema_context("alpha"):
        news = content.news("园区动态第一篇")
        index = news.get_parent()
    assert 'href="/news/"' in _home(signed_in)
    with schema_context("alpha"):
        index.unpublish()
    assert 'href="/news/"' not in _home(signed_in)


@pytest.mark.parametrize(("language", "empty_text"), [("zh-hans", "暂无"), ("en", "No service")])
def test_a_service_day_shows_when_published_and_goes_when_called_off(
    alpha_home, signed_in, language, empty_text
):
    if language == "en":
        _in_english(signed_in)
    assert "高新技术企业申报专场" not in _home(signed_in)
    with schema_context("alpha"):
        day = day_create(title="高新技术企业申报专场")
    assert "高新技术企业申报专场" in _home(signed_in)
    with schema_context("alpha"):
        service_day_cancel(day=day, reason="场地检修", by_name="窗口")
    body = _home(signed_in)
    assert "高新技术企业申报专场" not in body
    assert empty_text in body


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_policy_coming_into_force_shows_on_the_next_shanghai_day_without_any_change(
    alpha_home, language
):
    with time_machine.travel(EVENING, tick=False):
        client = host_client("alpha.localhost")
        log_in(client, "enterprise_user")
        if language == "en":
            _in_english(client)
        with schema_context("alpha"):
            content.policy(
                "明日生效的人才政策",
                publish_date=EVENING.date(),
                effective_date=NEXT_MORNING.date(),
            )
        assert "明日生效的人才政策" not in _home(client)
        assert "明日生效的人才政策" not in _home(client)  # from the shared rendering
    with time_machine.travel(NEXT_MORNING, tick=False):
        assert "明日生效的人才政策" in _home(client)


def test_each_language_gets_its_own_blocks(alpha_home, signed_in):
    assert "暂无" in _home(signed_in)
    english = _home(_in_english(signed_in))
    assert "No service days scheduled yet." in english
    assert "暂无" not in english


def _unread_label(count: int) -> str:
    return f"消息通知 ({count})" if count else "消息通知</a>"


def test_an_enterprise_never_sees_another_enterprises_greeting_or_notifications(alpha_home):
    first = host_client("alpha.localhost")
    second = host_client("alpha.localhost")
    log_in(first, "enterprise_user")
    log_in(second, "other_enterprise_user")
    # Live-server tests commit their notices: count from what is there, and make the two differ.
    with schema_context("alpha"):
        mine, theirs = (
            user_in("alpha", "enterprise_user"),
            user_in("alpha", "other_enterprise_user"),
        )
        notify(recipients=[mine], title="您的诉求已办结")
        while unread_count(mine) <= unread_count(theirs):
            notify(recipients=[mine], title="您的诉求已办结")
        mine_unread, theirs_unread = unread_count(mine), unread_count(theirs)
    first_body = _home(first)
    second_body = _home(second)
    assert '<span class="who">enterprise_user</span>' in first_body
    assert _unread_label(mine_unread) in first_body
    assert '<span class="who">other_enterprise_user</span>' in second_body
    assert "enterprise_user</span>" not in second_body.replace("other_enterprise_user", "")
    assert _unread_label(theirs_unread) in second_body
    assert f"消息通知 ({mine_unread})" not in second_body
    # And the other way round, once the second's page was the last one rendered.
    assert _unread_label(mine_unread) in _home(first)


def test_a_window_staff_member_and_an_enterprise_share_blocks_but_not_their_header(
    alpha_home, signed_in
):
    with schema_context("alpha"):
        content.news("园区动态：窗口延时服务")
    staff = host_client("alpha.localhost")
    log_in(staff, "window_staff")
    enterprise_body = _home(signed_in)
    staff_body = _home(staff)
    assert "园区动态：窗口延时服务" in enterprise_body
    assert "园区动态：窗口延时服务" in staff_body
    assert "/service-days/mine/" in enterprise_body
    assert "/service-days/mine/" not in staff_body
    assert "/office/enterprises/" in staff_body
    assert "/office/enterprises/" not in enterprise_body


def test_a_park_never_sees_another_parks_blocks_or_navigation(alpha_home, signed_in, park_b):
    with schema_context("alpha"):
        content.news("阿尔法园区新闻")
        content.policy("阿尔法园区专属政策")
    with schema_context("beta"):
        _home_with_blocks()
    assert "阿尔法园区新闻" in _home(signed_in)
    beta = host_client("beta.localhost")
    log_in(beta, "enterprise_user")
    beta_body = _home(beta)
    assert "阿尔法园区新闻" not in beta_body
    assert "阿尔法园区专属政策" not in beta_body
    assert 'href="/news/"' not in beta_body
    assert "贝塔创新园" in beta_body


def test_a_signed_in_enterprises_demo_home_page_renders_in_at_most_12_queries(
    park_a, django_assert_max_num_queries
):
    with schema_context(park_a.schema_name):
        content_seed(park_slug="zhonghaixin")
        day_create(title="融资对接专场")
        notify(recipients=[user_in("alpha", "enterprise_user")], title="预约成功")
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    _home(client)  # the first visitor of this content renders the shared blocks
    with django_assert_max_num_queries(12):
        body = _home(client)
    assert "融资对接专场" in body
    assert '<span class="who">enterprise_user</span>' in body
    assert "/appeals/new/" in body
