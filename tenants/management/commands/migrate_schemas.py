"""migrate_schemas that also keeps the park template schema migrated.

A template left behind silently produces parks with missing columns, so every full run migrates
it together with the parks (creating it on the first run).
"""

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django_tenants.management.commands.migrate_schemas import MigrateSchemasCommand
from django_tenants.utils import schema_exists

from tenants.schemas import clone_function_install


class Command(MigrateSchemasCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        base = settings.TENANT_BASE_SCHEMA
        if self.sync_tenant and not options.get("schema_name"):
            if not schema_exists(base):
                with connection.cursor() as cursor:
                    cursor.execute(f'CREATE SCHEMA "{base}"')
            # The template takes exactly the step the parks took (a rollback, --fake …).
            targets = [
                options[name] for name in ("app_label", "migration_name") if options.get(name)
            ]
            call_command(
                "migrate_schemas",
                *targets,
                tenant=True,
                schema_name=base,
                interactive=False,
                fake=options.get("fake", False),
                verbosity=options.get("verbosity", 1),
            )
            clone_function_install()  # a django-tenants upgrade may bring a new one
