"""Anonymous pages are cached per park; publishing shows the change on the next request."""

from django_tenants.utils import schema_context

from tests.cms import content
from tests.conftest import log_in


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
