"""JSON API fixtures: a client that calls the API with a personal token of a persona."""

import pytest
from django.test import Client
from django_tenants.utils import schema_context

from accounts.models import User
from accounts.tokens import token_issue


def issue_token(schema: str, username: str, *, days: int = 30) -> str:
    """A fresh personal token of `username` in `schema` (a park slug, or "public")."""
    with schema_context(schema):
        _token, raw = token_issue(user=User.objects.get(username=username), name="test", days=days)
    return raw


def api_client(host: str, token: str | None = None, *, language: str = "zh-hans") -> Client:
    headers = {"HTTP_HOST": host, "HTTP_ACCEPT_LANGUAGE": language}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return Client(**headers)


@pytest.fixture
def api_as(db):
    """`api_as("alpha", "enterprise_user")` → a Client on alpha.localhost with that persona's
    token; `api_as("public", "liaison")` → one on the hub."""

    def make(schema: str, username: str, *, language: str = "zh-hans") -> Client:
        host = "localhost" if schema == "public" else f"{schema}.localhost"
        return api_client(host, issue_token(schema, username), language=language)

    return make
