"""migrate_schemas with nothing to apply skips the parks at the template's state, and only them."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from django_tenants.utils import schema_context

from cms.models import Industry

# The latest migration of the park apps, a data migration that can run again: a park "behind"
# is one whose record of it is gone.
LATEST = ("cms", "0005_gbt4754_industries")


def migrate_schemas(capsys, *args) -> str:
    with translation.override("en"):
        call_command("migrate_schemas", *args, interactive=False)
    return capsys.readouterr().out


def migrated(output: str, schema: str) -> bool:
    """Whether the run migrated `schema` (django-tenants prefixes each of its lines with it)."""
    return f":{schema}] === Starting migration" in output


def test_a_run_with_nothing_to_apply_migrates_no_park(db, capsys):
    output = migrate_schemas(capsys)
    assert "parks already at the template's migration state: skipped." in output
    assert "Parks to migrate" not in output
    assert migrated(output, "park_template")
    assert not migrated(output, "alpha")
    assert not migrated(output, "beta")


def test_a_park_missing_a_migration_gets_it_and_the_others_are_skipped(db, capsys):
    # Park alpha as if created before the migration that loaded the industry classification.
    with schema_context("alpha"):
        Industry.objects.filter(code="97").delete()
        forget(LATEST)

    output = migrate_schemas(capsys)

    assert "Parks to migrate: alpha\n" in output
    assert migrated(output, "alpha")
    assert "Applying cms.0005_gbt4754_industries... OK" in output
    assert not migrated(output, "beta")
    with schema_context("alpha"):
        assert Industry.objects.get(code="97").name == "国际组织（97）"
    assert recorded("alpha")


def test_a_park_missing_a_permission_is_migrated_and_gets_it_back(db, capsys):
    with schema_context("beta"):
        Permission.objects.filter(codename="view_parksettings").delete()

    output = migrate_schemas(capsys)

    assert "Parks to migrate: beta\n" in output
    assert migrated(output, "beta")
    assert not migrated(output, "alpha")
    with schema_context("beta"):
        assert Permission.objects.filter(codename="view_parksettings").exists()


def test_all_parks_migrates_every_park(db, capsys):
    output = migrate_schemas(capsys, "--all-parks")
    assert "already at the template's migration state" not in output
    assert migrated(output, "alpha")
    assert migrated(output, "beta")


def test_a_target_migration_is_taken_by_every_park_and_the_template(db, capsys):
    output = migrate_schemas(capsys, *LATEST)
    assert "already at the template's migration state" not in output
    for schema in ("park_template", "alpha", "beta"):
        assert migrated(output, schema)


def forget(migration: tuple[str, str]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = %s AND name = %s", list(migration)
        )


def forget_latest_migration(schema: str) -> None:
    with schema_context(schema):
        forget(LATEST)


def recorded(schema: str) -> bool:
    with schema_context(schema), connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM django_migrations WHERE app = %s AND name = %s", list(LATEST)
        )
        return cursor.fetchone() == (1,)


def test_check_changes_nothing_not_even_the_template(db, capsys):
    # A release's pre-flight `--check` with a migration not yet applied anywhere.
    for schema in ("park_template", "alpha", "beta"):
        forget_latest_migration(schema)
    with pytest.raises(SystemExit) as exited:
        migrate_schemas(capsys, "--check")
    assert exited.value.code == 1
    assert not recorded("park_template")
    assert not recorded("alpha")


def test_check_finds_a_park_behind_even_when_the_template_is_not(db, capsys):
    forget_latest_migration("beta")
    with pytest.raises(SystemExit) as exited:
        migrate_schemas(capsys, "--check")
    assert exited.value.code == 1
    assert not recorded("beta")
    assert recorded("park_template")


def test_check_passes_when_every_schema_is_migrated(db, capsys):
    migrate_schemas(capsys, "--check")
