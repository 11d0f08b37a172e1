"""A policy's status follows its dates (Asia/Shanghai): in force through its expiry day."""

import datetime

import pytest

from cms.models import PolicyPage

pytestmark = pytest.mark.django_db

EFFECTIVE = datetime.date(2026, 1, 1)
EXPIRY = datetime.date(2026, 12, 31)


def policy() -> PolicyPage:
    return PolicyPage(
        title="t",
        effective_date=EFFECTIVE,
        expiry_date=EXPIRY,
        application_opens=datetime.date(2026, 3, 1),
        application_closes=datetime.date(2026, 3, 31),
    )


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (EFFECTIVE - datetime.timedelta(days=1), "not_yet_effective"),
        (EFFECTIVE, "in_force"),
        (EXPIRY, "in_force"),
        (EXPIRY + datetime.timedelta(days=1), "expired"),
    ],
)
def test_status_on_boundary_days(day, status):
    assert policy().status_on(day) == status


def test_a_policy_without_expiry_stays_in_force():
    page = policy()
    page.expiry_date = None
    assert page.status_on(datetime.date(2099, 1, 1)) == "in_force"


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (datetime.date(2026, 2, 28), False),
        (datetime.date(2026, 3, 1), True),
        (datetime.date(2026, 3, 31), True),
        (datetime.date(2026, 4, 1), False),
    ],
)
def test_application_window(day, open_):
    assert policy().application_open_on(day) is open_


def test_in_force_filter_agrees_with_status(park_a):
    from django_tenants.utils import schema_context

    from tests.cms import content

    with schema_context(park_a.schema_name):
        content.policy(
            "已失效政策", effective_date=EFFECTIVE, expiry_date=datetime.date(2026, 6, 30)
        )
        content.policy("生效中政策", effective_date=EFFECTIVE, expiry_date=EXPIRY)
        content.policy("未生效政策", effective_date=datetime.date(2026, 12, 1))
        titles = set(
            PolicyPage.objects.in_force(datetime.date(2026, 11, 27)).values_list("title", flat=True)
        )
    assert titles == {"生效中政策"}


def test_dates_in_the_wrong_order_are_refused_with_a_clear_message():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    page = policy()
    page.expiry_date = datetime.date(2025, 12, 31)
    page.application_closes = datetime.date(2026, 2, 1)
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        page.clean()
    assert set(caught.value.message_dict) == {"expiry_date", "application_closes"}


def test_library_lists_policies_in_force_before_others(park_a, park_a_client):
    from django_tenants.utils import schema_context

    from tests.cms import content

    with schema_context(park_a.schema_name):
        content.policy(
            "较新但已失效",
            effective_date=EFFECTIVE,
            expiry_date=datetime.date(2026, 6, 30),
            publish_date=datetime.date(2026, 11, 1),
        )
        content.policy(
            "较旧且生效", effective_date=EFFECTIVE, publish_date=datetime.date(2025, 12, 1)
        )
    body = park_a_client.get("/policies/").content.decode()
    assert body.index("较旧且生效") < body.index("较新但已失效")
