"""The template schema parks are cloned from: migrated, and free of accounts and sessions."""

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_tenants.utils import schema_context


def tenant_app_labels() -> set[str]:
    from django.apps import apps

    return {
        config.label for config in apps.get_app_configs() if config.name in settings.TENANT_APPS
    }


def test_template_schema_holds_no_users_or_sessions(db):
    with connection.cursor() as cursor:
        for table in ("accounts_user", "django_session"):
            cursor.execute(f'SELECT count(*) FROM "{settings.TENANT_BASE_SCHEMA}".{table}')  # noqa: S608
            assert cursor.fetchone()[0] == 0


def test_template_schema_has_every_tenant_migration_applied(db):
    with schema_context(settings.TENANT_BASE_SCHEMA):
        loader = MigrationLoader(connection)
        applied = set(loader.applied_migrations)
    expected = {key for key in loader.disk_migrations if key[0] in tenant_app_labels()}
    assert {"wagtailcore", "cms", "accounts"} <= {app for app, _name in expected}
    assert expected - applied == set()


def test_a_new_park_has_every_tenant_migration_recorded(db):
    from tenants.services import ParkSpec, park_create

    park = park_create(spec=ParkSpec("delta", "德尔塔园区", "delta.localhost", "DLTA"))
    with schema_context(park.schema_name):
        loader = MigrationLoader(connection)
        applied = set(loader.applied_migrations)
    expected = {key for key in loader.disk_migrations if key[0] in tenant_app_labels()}
    assert expected - applied == set()
