"""The policy library's filters: level, topic, in force, application open now; pagination."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from tests.cms import content


@pytest.fixture
def library(park_a):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    with schema_context(park_a.schema_name):
        content.policy("国家级有效政策", level="national", effective_date=today - 100 * day)
        content.policy(
            "区级已失效政策",
            level="district",
            effective_date=today - 100 * day,
            expiry_date=today - day,
        )
        content.policy(
            "区级申报中政策",
            level="district",
            effective_date=today - 10 * day,
            application_opens=today - day,
            application_closes=today + 10 * day,
        )
        tagged = content.policy("园区人才政策", level="park", effective_date=today - 10 * day)
        tagged.tags.add("人才")
        tagged.save_revision().publish()


def listed(client, **params) -> set[str]:
    body = client.get("/policies/", params).content.decode()
    names = {"国家级有效政策", "区级已失效政策", "区级申报中政策", "园区人才政策"}
    return {name for name in names if name in body}


def test_level_filter(library, park_a_client):
    assert listed(park_a_client, level="district") == {"区级已失效政策", "区级申报中政策"}


def test_in_force_filter(library, park_a_client):
    assert "区级已失效政策" not in listed(park_a_client, in_force="1")


def test_application_open_filter(library, park_a_client):
    assert listed(park_a_client, open="1") == {"区级申报中政策"}


def test_topic_filter(library, park_a_client):
    assert listed(park_a_client, topic="人才") == {"园区人才政策"}


@pytest.mark.parametrize(
    "params", [{"level": "galactic"}, {"page": "999"}, {"page": "abc"}, {"topic": "无此主题"}]
)
def test_odd_filter_values_do_not_error(library, park_a_client, params):
    assert park_a_client.get("/policies/", params).status_code == 200


def test_the_library_is_paginated(park_a, park_a_client):
    with schema_context(park_a.schema_name):
        for number in range(12):
            content.policy(f"分页测试政策{number:02d}")
    first, second = park_a_client.get("/policies/"), park_a_client.get("/policies/?page=2")
    assert first.content.decode().count("分页测试政策") == 10
    assert second.content.decode().count("分页测试政策") == 2
