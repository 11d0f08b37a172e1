"""Private pages, suspended parks and combined filters: the cases a reviewer found open."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from tenants.services import park_set_active
from tests.cms import content
from tests.conftest import host_client, log_in


@pytest.fixture
def library(park_a):
    today = timezone.localdate()
    with schema_context(park_a.schema_name):
        open_now = content.policy(
            "高新技术申报中政策",
            application_opens=today - datetime.timedelta(days=1),
            application_closes=today + datetime.timedelta(days=5),
        )
        open_now.tags.add("科技创新")
        open_now.save_revision().publish()
        content.policy("高新技术未开放申报政策")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "高新技术", "open": "1"}, {"高新技术申报中政策"}),
        ({"q": "高新技术", "topic": "科技创新"}, {"高新技术申报中政策"}),
        (
            {"q": "高新技术", "in_force": "1", "level": "national"},
            {"高新技术申报中政策", "高新技术未开放申报政策"},
        ),
    ],
)
def test_search_combined_with_filters(library, park_a_client, params, expected):
    response = park_a_client.get("/policies/", params)
    assert response.status_code == 200
    body = response.content.decode()
    assert {t for t in ("高新技术申报中政策", "高新技术未开放申报政策") if t in body} == expected


def test_a_private_page_is_not_listed_or_found(park_a, park_a_client):
    from wagtail.models import PageViewRestriction

    with schema_context(park_a.schema_name):
        page = content.news("内部通知不对外公开")
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    for path in ("/news/", "/search/?q=内部通知", "/api/v2/pages/"):
        response = park_a_client.get(path)
        assert response.status_code == 200, path
        assert "内部通知不对外公开" not in response.content.decode(), path


def test_restricting_a_cached_page_takes_effect_on_the_next_request(park_a, park_a_client):
    from wagtail.models import PageViewRestriction

    with schema_context(park_a.schema_name):
        page = content.news("稍后设为内部的动态")
        url = page.url
    assert park_a_client.get(url).status_code == 200
    assert park_a_client.get(url)["X-Page-Cache"] == "hit"
    with schema_context(park_a.schema_name):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert park_a_client.get(url).status_code == 302  # to the login page


def test_a_suspended_park_stops_serving_its_cached_pages(park_a, park_a_client):
    park_a_client.get("/")
    assert park_a_client.get("/")["X-Page-Cache"] == "hit"
    park_set_active(park=park_a, active=False)
    assert host_client("alpha.localhost").get("/").status_code == 503


@pytest.mark.parametrize(
    "path", ["/admin/images/", "/admin/documents/", "/admin/snippets/cms/serviceprovider/"]
)
@pytest.mark.parametrize("username", ["park_operator", "content_manager"])
def test_operators_and_managers_curate_images_documents_and_providers(
    park_a_client, username, path
):
    log_in(park_a_client, username)
    assert park_a_client.get(path).status_code == 200


def test_content_managers_edit_the_park_site_settings(park_a_client):
    # Operators may not (tests/security/test_roles.py): settings go live without moderation.
    log_in(park_a_client, "content_manager")
    response = park_a_client.get("/admin/settings/cms/parksettings/", follow=True)
    assert response.status_code == 200
    assert "id_service_hours" in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/images/", "/admin/settings/cms/parksettings/"])
def test_window_staff_cannot_reach_images_or_settings(park_a_client, path):
    log_in(park_a_client, "window_staff")
    response = park_a_client.get(path)
    # Wagtail sends a user without admin access to its own login page.
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={path}"
