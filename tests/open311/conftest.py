"""Open311 fixtures: keys issued as a park operator would, clients that speak JSON or XML."""

import json
from typing import Any
from xml.etree import ElementTree

import pytest
from django.test import Client
from django_tenants.utils import schema_context

from accounts.models import User
from enterprises.models import Enterprise
from open311.keys import api_key_issue
from open311.models import ApiKey

from ..appeals.helpers import category

ORGANISATION = "园区小程序服务商"
LIST_ITEMS = {
    "services",
    "attributes",
    "values",
    "service_requests",
    "service_request_updates",
    "errors",
    "endpoints",
    "formats",
}


def issue_key(schema: str = "alpha", organisation: str = ORGANISATION) -> str:
    with schema_context(schema):
        operator = User.objects.get(username="park_operator")
        _key, text = api_key_issue(by=operator, name="小程序", organisation=organisation)
    return text


def key_row(text: str, schema: str = "alpha") -> ApiKey:
    with schema_context(schema):
        return ApiKey.objects.get(prefix=text.split("_")[1])


def uscc_of(schema: str = "alpha", username: str = "enterprise_user") -> str:
    with schema_context(schema):
        return Enterprise.objects.get(account__username=username).uscc


def open311_client(host: str = "alpha.localhost", *, language: str = "zh-hans") -> Client:
    return Client(HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE=language)


def from_xml(element: ElementTree.Element) -> Any:
    """The Spark mapping back: lists for the list elements, dicts for others, text for leaves."""
    if element.tag in LIST_ITEMS:
        return [from_xml(child) for child in element]
    if len(element):
        return {child.tag: from_xml(child) for child in element}
    return element.text or ""


def body(response, fmt: str) -> Any:
    """The answer as data: JSON parsed, XML (our own trusted output) mapped back."""
    if fmt == "json":
        assert response["Content-Type"] == "application/json; charset=utf-8"
        return json.loads(response.content)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return from_xml(ElementTree.fromstring(response.content))  # noqa: S314 - our own output


def filing(key: str, **fields: str) -> dict[str, str]:
    """A valid POST requests form for alpha's enterprise_user."""
    data = {
        "api_key": key,
        "service_code": f"{category().pk:03d}",
        "account_id": uscc_of(),
        "description": "园区东门路灯损坏，夜间通行不便。\n请尽快维修。",
        "first_name": "明",
        "last_name": "李",
        "phone": "13800138001",
        "email": "liming@example.cn",
    }
    data.update(fields)
    return data


@pytest.fixture
def key(db) -> str:
    return issue_key()


@pytest.fixture
def alpha() -> Client:
    return open311_client()


@pytest.fixture
def service(db):
    """The category the tests file under, and its service_code."""
    found = category()
    return found, f"{found.pk:03d}"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
