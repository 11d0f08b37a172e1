"""Anonymous pages are cached per park; publishing shows the change on the next request."""

from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django_tenants.utils import schema_context
from wagtail.models import Site

from cms.cache import content_generation
from enterprises.models import Enterprise
from tests.cms import content
from tests.conftest import host_client, log_in


def test_second_anonymous_request_is_served_from_the_cache(park_a_client):
    assert park_a_client.get("/")["X-Page-Cache"] == "miss"
    assert park_a_client.get("/")["X-Page-Cache"] == "hit"


def test_a_published_change_is_visible_on_the_next_request(park_a, park_a_client):
    park_a_client.get("/")
    with schema_context(park_a.schema_name):
        home = content.home()
        home.featured_focus = "全新的特色定位"
        home.save_revision().publish()
    assert "全新的特色定位" in park_a_client.get("/").content.decode()


def test_an_unpublished_page_disappears_on_the_next_request(park_a, park_a_client):
    with schema_context(park_a.schema_name):
        page = content.news("即将撤下的动态")
        url = page.url
    assert park_a_client.get(url).status_code == 200
    with schema_context(park_a.schema_name):
        page.unpublish()
    assert park_a_client.get(url).status_code == 404


def test_cached_pages_never_cross_parks(park_a_client, park_b_client):
    park_a_client.get("/")
    park_a_client.get("/")
    body = park_b_client.get("/").content.decode()
    assert "贝塔创新园" in body
    assert "阿尔法科技园" not in body


def test_publishing_on_park_a_leaves_park_b_cache_alone(park_a, park_b_client):
    park_b_client.get("/")
    with schema_context(park_a.schema_name):
        content.news("阿尔法新闻")
    assert park_b_client.get("/")["X-Page-Cache"] == "hit"


def test_logged_in_users_are_never_served_cached_pages(park_a_client):
    park_a_client.get("/")
    log_in(park_a_client, "enterprise_user")
    response = park_a_client.get("/")
    assert "X-Page-Cache" not in response
    assert "enterprise_user" in response.content.decode()


def test_each_language_has_its_own_cached_page(park_a_client):
    zh = park_a_client.get("/").content.decode()
    park_a_client.get("/lang/en/?next=/")
    en = park_a_client.get("/").content.decode()
    assert '<html lang="zh-hans">' in zh
    assert '<html lang="en">' in en


def _messages_cookie(text: str) -> str:
    """The cookie Django's cookie message storage writes for one flash message."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies[CookieStorage.cookie_name].value


def test_a_flash_message_is_shown_to_its_visitor_and_never_to_the_next(park_a_client, park_b):
    park_a_client.get("/")  # the home page is in the cache
    park_a_client.cookies[CookieStorage.cookie_name] = _messages_cookie("阿尔法企业：决定已记录。")
    with_message = park_a_client.get("/")
    assert "阿尔法企业：决定已记录。" in with_message.content.decode()
    assert "X-Page-Cache" not in with_message
    fresh = host_client("alpha.localhost").get("/")
    assert "阿尔法企业：决定已记录。" not in fresh.content.decode()


def test_a_logged_out_staff_members_leftover_message_is_not_cached(park_a_client, in_park_a):
    enterprise = Enterprise.objects.get(contact_name="enterprise_user")
    log_in(park_a_client, "window_staff")
    # An unreadable decision: the window is told so in a flash message, read on the next page.
    park_a_client.post(f"/office/enterprises/{enterprise.pk}/verify/", {})
    park_a_client.post("/accounts/logout/")
    connection.set_schema_to_public()
    assert CookieStorage.cookie_name in park_a_client.cookies
    leftover = park_a_client.get("/")
    assert "无法识别审核结果" in leftover.content.decode()
    assert "X-Page-Cache" not in leftover
    fresh = host_client("alpha.localhost").get("/")
    assert fresh["X-Page-Cache"] == "miss"
    assert 'class="messages"' not in fresh.content.decode()


def test_a_page_that_used_the_visitors_csrf_token_is_not_cached(park_a_client):
    park_a_client.get("/track/")
    assert "csrftoken" in park_a_client.cookies
    for _ in range(2):
        assert "X-Page-Cache" not in park_a_client.get("/track/")


def _cached_page_keys(park) -> list[str]:
    with schema_context(park.schema_name):
        return cache.keys("cms:page:*")


def test_query_parameters_a_page_does_not_declare_fill_no_cache_entries(park_a, park_a_client):
    for value in range(1, 4):
        response = park_a_client.get(f"/?a={value}")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in park_a_client.get("/?a=1")
    assert _cached_page_keys(park_a) == []


def test_the_policy_filters_and_pages_are_cached_each_under_its_own_key(park_a, park_a_client):
    with schema_context(park_a.schema_name):
        content.policy("研发费用加计扣除")
    assert park_a_client.get("/policies/?level=national&page=1")["X-Page-Cache"] == "miss"
    # The same parameters in another order are the same page.
    assert park_a_client.get("/policies/?page=1&level=national")["X-Page-Cache"] == "hit"
    assert park_a_client.get("/policies/?level=park")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in park_a_client.get("/policies/?level=park&utm_source=x")
    assert "X-Page-Cache" not in park_a_client.get("/policies/?q=研发")
    assert len(_cached_page_keys(park_a)) == 2


def test_a_park_stores_no_more_pages_than_the_cap(park_a, park_a_client, park_b_client, settings):
    settings.PAGE_CACHE_MAX_ENTRIES = 2
    with schema_context(park_a.schema_name):
        content.news("第一条动态")
    assert park_a_client.get("/news/?page=1")["X-Page-Cache"] == "miss"
    assert park_a_client.get("/news/?page=2")["X-Page-Cache"] == "miss"
    over = park_a_client.get("/news/?page=3")
    assert over.status_code == 200
    assert "X-Page-Cache" not in over
    assert "X-Page-Cache" not in park_a_client.get("/news/?page=3")
    assert park_a_client.get("/news/?page=1")["X-Page-Cache"] == "hit"
    assert len(_cached_page_keys(park_a)) == 2
    # The cap is per park.
    assert park_b_client.get("/")["X-Page-Cache"] == "miss"


def test_a_change_to_the_parks_site_is_a_content_change(park_a):
    # The navigation's shared URLs are built from the site's host and root page.
    with schema_context(park_a.schema_name):
        before = content_generation()
        site = Site.objects.get(is_default_site=True)
        site.site_name = "天安云谷（新）"
        site.save()
        assert content_generation() != before
