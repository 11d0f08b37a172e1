"""The JSON API's plumbing: token authentication, the error shape, languages, the schema."""

import pytest

from .conftest import api_client, issue_token

pytestmark = pytest.mark.django_db


def test_token_identifies_the_caller_on_its_own_park(api_as):
    response = api_as("alpha", "enterprise_user").get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json() == {
        "username": "enterprise_user",
        "full_name": "enterprise_user",
        "role": "enterprise",
        "site": "alpha",
    }


def test_hub_token_on_the_hub(api_as):
    response = api_as("public", "liaison").get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["site"] == "hub"


def test_a_park_token_means_nothing_on_another_park_or_the_hub():
    token = issue_token("alpha", "enterprise_user")
    assert api_client("alpha.localhost", token).get("/api/v1/me/").status_code == 200
    for host in ("beta.localhost", "localhost"):
        response = api_client(host, token).get("/api/v1/me/")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "token_invalid"


def test_anonymous_gets_401_in_the_one_error_shape():
    response = api_client("alpha.localhost").get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "not_authenticated"


def test_error_message_in_chinese_by_default_english_on_request():
    zh = api_client("alpha.localhost").get("/api/v1/me/").json()["error"]["message"]
    en = api_client("alpha.localhost", language="en").get("/api/v1/me/").json()["error"]["message"]
    assert en == "Authentication credentials were not provided."
    assert zh != en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)


def test_schema_is_openapi_3_per_host():
    park = api_client("alpha.localhost").get("/api/v1/schema/", {"format": "json"})
    hub = api_client("localhost").get("/api/v1/schema/", {"format": "json"})
    assert park.status_code == 200
    assert hub.status_code == 200
    assert park.json()["openapi"].startswith("3.")
    assert "/api/v1/me/" in park.json()["paths"]


def test_docs_page_uses_local_assets_only():
    response = api_client("alpha.localhost").get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "//cdn" not in html
    assert "https://" not in html
