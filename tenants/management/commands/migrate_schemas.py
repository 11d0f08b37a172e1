"""migrate_schemas that keeps the park template schema migrated and skips parks already at its state.

A template left behind silently produces parks with missing columns, so every full run migrates
it first (creating it on the first run). A full run then compares every park's migrations,
content types and permissions with the template's in one query: a park with the same ones has
nothing to apply, and migrating it anyway costs ~0.9 s a park just to load the migration graph
and find that out. Only the parks that differ are migrated; --all-parks migrates every park.
"""

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tenants.management.commands.migrate_schemas import (
    GET_EXECUTOR_FUNCTION,
    MigrateSchemasCommand,
)
from django_tenants.utils import get_public_schema_name, get_tenant_migration_order, schema_exists

from tenants.models import Park
from tenants.schemas import clone_function_install, schemas_differing_from_template


class Command(MigrateSchemasCommand):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--all-parks",
            action="store_true",
            help="Migrate every park, also those already at the template's migration state.",
        )

    def handle(self, *args, **options):
        if options.get("schema_name") or options.get("shared"):
            super().handle(*args, **options)  # one schema, or the public schema only
            return
        if not options.get("tenant"):
            super().handle(*args, **{**options, "shared": True})
        self._template_migrate(options)
        self._parks_migrate(args, options)
        clone_function_install()  # a django-tenants upgrade may bring a new one

    def _template_migrate(self, options) -> None:
        base = settings.TENANT_BASE_SCHEMA
        if not schema_exists(base):
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE SCHEMA "{base}"')
        # The template takes exactly the step the parks take (a rollback, --fake …).
        targets = [options[name] for name in ("app_label", "migration_name") if options.get(name)]
        call_command(
            "migrate_schemas",
            *targets,
            tenant=True,
            schema_name=base,
            interactive=False,
            fake=options.get("fake", False),
            # --check and --plan change nothing, the template included.
            check_unapplied=options.get("check_unapplied", False),
            plan=options.get("plan", False),
            verbosity=options.get("verbosity", 1),
        )

    def _parks_migrate(self, args, options) -> None:
        parks = Park.objects.exclude(schema_name=get_public_schema_name())
        order = get_tenant_migration_order()
        if order is not None:
            parks = parks.order_by(*order)
        schema_names = list(parks.values_list("schema_name", flat=True))
        if self._migrates_all(options):
            due = schema_names
        else:
            due = self._differing(schema_names, verbosity=int(options.get("verbosity", 1)))
        executor = GET_EXECUTOR_FUNCTION(codename=options.get("executor"))(args, options)
        executor.run_migrations(tenants=due)

    @staticmethod
    def _migrates_all(options) -> bool:
        # A target (app, migration) may be a rollback; --plan, --check and --run-syncdb must see
        # every park (with --check the template is not migrated: a park at its state may lag too).
        names = (
            "all_parks",
            "app_label",
            "migration_name",
            "plan",
            "check_unapplied",
            "run_syncdb",
        )
        return any(options.get(name) for name in names)

    def _differing(self, schema_names: list[str], *, verbosity: int) -> list[str]:
        due = schemas_differing_from_template(schema_names)
        due_set = set(due)
        skipped = [name for name in schema_names if name not in due_set]
        if verbosity >= 1:
            self.stdout.write(
                ngettext(
                    "%(count)d park already at the template's migration state: skipped.",
                    "%(count)d parks already at the template's migration state: skipped.",
                    len(skipped),
                )
                % {"count": len(skipped)}
            )
            if skipped and verbosity >= 2:
                self.stdout.write(_("Skipped: %(parks)s") % {"parks": ", ".join(skipped)})
            if due:
                self.stdout.write(_("Parks to migrate: %(parks)s") % {"parks": ", ".join(due)})
        return due
