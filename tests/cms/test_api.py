"""Wagtail API v2 per park, with the same Chinese search."""

import pytest
from django_tenants.utils import schema_context

from tests.cms import content


@pytest.fixture
def financing_service(park_a):
    with schema_context(park_a.schema_name):
        return content.service("股权融资对接服务")


def titles(response) -> set[str]:
    return {item["title"] for item in response.json()["items"]}


def test_api_lists_the_parks_own_pages(financing_service, park_a_client, park_b_client):
    assert "股权融资对接服务" in titles(park_a_client.get("/api/v2/pages/"))
    assert "股权融资对接服务" not in titles(park_b_client.get("/api/v2/pages/"))


def test_api_search_is_chinese_aware(financing_service, park_a_client):
    assert titles(park_a_client.get("/api/v2/pages/", {"search": "融资"})) == {"股权融资对接服务"}


def test_api_search_on_another_park_finds_nothing_of_park_a(financing_service, park_b_client):
    # Park B's own home page matches (its featured focus is 股权融资); park A's service does not.
    assert titles(park_b_client.get("/api/v2/pages/", {"search": "融资"})) == {"贝塔创新园"}


@pytest.mark.parametrize("query", ["", "   ", "！？"])
def test_api_search_with_empty_words_returns_nothing_without_error(park_a_client, query):
    response = park_a_client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_api_images_and_documents_endpoints_answer(park_a_client):
    assert park_a_client.get("/api/v2/images/").status_code == 200
    assert park_a_client.get("/api/v2/documents/").status_code == 200
