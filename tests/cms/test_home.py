"""The park home page with real demo content: its sections, in a bounded number of queries."""

import pytest
from django_tenants.utils import schema_context

from demo.content import content_seed


@pytest.fixture
def park_a_with_demo_content(park_a):
    with schema_context(park_a.schema_name):
        content_seed(park_slug="zhonghaixin")
    return park_a


def test_home_page_shows_services_policies_news_and_the_appeal_entry(
    park_a_with_demo_content, park_a_client
):
    body = park_a_client.get("/").content.decode()
    assert "股权融资" in body
    assert "/appeals/new/" in body
    assert "/policies/" in body
    assert "/news/" in body


def test_home_page_renders_in_a_bounded_number_of_queries(
    park_a_with_demo_content, park_a_client, django_assert_max_num_queries
):
    park_a_client.get("/")  # first request fills Wagtail's per-site caches
    with django_assert_max_num_queries(30):
        response = park_a_client.get("/", HTTP_COOKIE="sessionid=bypass-the-page-cache")
    assert response.status_code == 200


def test_every_demo_page_of_the_park_renders(park_a_with_demo_content, park_a_client):
    from wagtail.models import Page

    with schema_context("alpha"):
        urls = [page.url for page in Page.objects.live().filter(depth__gte=2)]
    assert len(urls) > 20
    for url in urls:
        assert park_a_client.get(url).status_code == 200, url
