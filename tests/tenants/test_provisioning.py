"""create_park: a working park from the template schema, or nothing at all."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_context, schema_exists

from tenants.models import Domain, Park
from tenants.services import ParkSpec, park_create, park_set_active
from tests.conftest import host_client


def gamma(**overrides) -> ParkSpec:
    values = {
        "slug": "gamma",
        "name": "伽马园区",
        "domain": "gamma.localhost",
        "short_code": "GAMA",
    }
    return ParkSpec(**{**values, **overrides})


def test_create_park_command_makes_a_park_that_serves_its_own_home_page(db):
    call_command(
        "create_park", slug="gamma", name="伽马园区", domain="gamma.localhost", short_code="GAMA"
    )
    response = host_client("gamma.localhost").get("/")
    assert response.status_code == 200
    assert "<h1>伽马园区</h1>" in response.content.decode()


def test_new_park_has_its_site_on_its_hostname_and_default_groups(db):
    park = park_create(spec=gamma())
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    with schema_context(park.schema_name):
        site = Site.objects.get(is_default_site=True)
        assert site.hostname == "gamma.localhost"
        assert site.root_page.title == "伽马园区"
        assert {"窗口工作人员", "园区运营", "内容管理员"} <= set(
            Group.objects.values_list("name", flat=True)
        )


def test_failed_create_park_leaves_no_schema_and_no_rows(db):
    with (
        mock.patch("cms.services.park_site_set_up", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        park_create(spec=gamma())
    connection.set_schema_to_public()
    assert not schema_exists("gamma")
    assert not Park.objects.filter(slug="gamma").exists()
    assert not Domain.objects.filter(domain="gamma.localhost").exists()


# The slug is also the park's schema name: a taken or reserved one is refused as both.
@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"slug": "alpha"}, {"slug", "schema_name"}),
        ({"slug": "Bad Slug!"}, {"slug"}),
        ({"slug": "public"}, {"slug", "schema_name"}),
        ({"domain": "alpha.localhost"}, {"domain"}),
        ({"domain": "not a host"}, {"domain"}),
        ({"short_code": "ALFA"}, {"short_code"}),
    ],
)
def test_bad_or_taken_slug_domain_or_code_is_refused_and_creates_nothing(db, overrides, fields):
    schemas_before, parks_before = _schemas(), Park.objects.count()
    with pytest.raises(ValidationError) as caught:
        park_create(spec=gamma(**overrides))
    assert set(caught.value.message_dict) == fields
    assert _schemas() == schemas_before
    assert Park.objects.count() == parks_before


def test_create_park_command_reports_errors_clearly(db):
    with pytest.raises(CommandError) as caught:
        call_command(
            "create_park", slug="alpha", name="重复", domain="x.localhost", short_code="XXXX"
        )
    # One line per error, each led by the field it is about.
    lines = str(caught.value).splitlines()
    assert [line.split(": ")[0] for line in lines] == ["slug", "schema_name"]


def test_deactivated_park_shows_suspended_page_and_keeps_its_data(park_a):
    park_set_active(park=park_a, active=False)
    response = host_client("alpha.localhost").get("/")
    assert response.status_code == 503
    assert "暂停" in response.content.decode()
    with schema_context("alpha"):
        from accounts.models import User

        assert User.objects.filter(username="enterprise_user").exists()
    park_set_active(park=park_a, active=True)
    assert host_client("alpha.localhost").get("/").status_code == 200


def test_other_parks_keep_serving_while_one_is_suspended(park_a):
    park_set_active(park=park_a, active=False)
    assert host_client("beta.localhost").get("/").status_code == 200


def test_new_domain_routes_at_once(park_a):
    Domain.objects.create(domain="alpha-alias.localhost", tenant=park_a, is_primary=False)
    assert "阿尔法科技园" in host_client("alpha-alias.localhost").get("/").content.decode()


def _schemas() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace")
        return {row[0] for row in cursor.fetchall()}
