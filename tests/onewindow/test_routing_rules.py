"""Appeal categories and routing rules: park rule, then district-wide rule, then default."""

import pytest
from django.db import IntegrityError

from onewindow.models import AppealCategory, Department, RoutingRule
from onewindow.selectors import department_for
from tests.conftest import log_in


@pytest.fixture
def financing(db):
    default = Department.objects.get(short_name="工信局")
    return AppealCategory.objects.create(name="融资服务测试", default_department=default)


def test_without_rules_the_default_department_answers(financing, park_a):
    assert department_for(category=financing, park=park_a).short_name == "工信局"


def test_a_district_wide_rule_overrides_the_default(financing, park_a):
    science = Department.objects.get(short_name="科创局")
    RoutingRule.objects.create(category=financing, department=science)
    assert department_for(category=financing, park=park_a) == science


def test_a_park_rule_wins_for_that_park_only(financing, park_a, park_b):
    science = Department.objects.get(short_name="科创局")
    industry = Department.objects.get(short_name="工信局")
    RoutingRule.objects.create(category=financing, department=industry)
    RoutingRule.objects.create(category=financing, park=park_a, department=science)
    assert department_for(category=financing, park=park_a) == science
    assert department_for(category=financing, park=park_b) == industry


def test_only_one_district_wide_rule_per_category(financing):
    science = Department.objects.get(short_name="科创局")
    RoutingRule.objects.create(category=financing, department=science)
    with pytest.raises(IntegrityError, match="one_district_wide_rule_per_category"):
        RoutingRule.objects.create(category=financing, department=science)


def test_district_admins_edit_categories_and_rules(hub_client, financing):
    log_in(hub_client, "district_admin")
    response = hub_client.get("/django-admin/onewindow/appealcategory/")
    assert response.status_code == 200
    assert "融资服务测试" in response.content.decode()


def test_liaisons_are_sent_to_the_admin_login(hub_client, financing):
    log_in(hub_client, "liaison")  # not staff: the admin asks for another account
    response = hub_client.get("/django-admin/onewindow/appealcategory/")
    assert response.status_code == 302
    assert response["Location"] == (
        "/django-admin/login/?next=/django-admin/onewindow/appealcategory/"
    )


def test_park_accounts_cannot_reach_the_hub_admin(park_a_client, hub_client):
    assert log_in(hub_client, "window_staff").status_code == 200  # unknown on the hub
    assert hub_client.get("/django-admin/onewindow/appealcategory/").status_code == 302
