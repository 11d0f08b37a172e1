"""Creating a park schema by copying the template schema (TENANT_BASE_SCHEMA).

django-tenants' own path re-creates its ~4,600-line clone_schema() function before every clone
(which makes each later clone on the same connection slower) and then replays every migration
as --fake. Here the function is installed once per deploy by migrate_schemas, and the fake run is
skipped: the template's django_migrations rows are copied with its data.
"""

from django.conf import settings
from django.db import connection
from django_tenants.clone import CloneSchema

CLONE_FUNCTION = "public.clone_schema(text, text, public.cloneparms[])"


def clone_function_install() -> None:
    """(Re)install django-tenants' clone_schema() function in the public schema."""
    CloneSchema()._create_clone_schema_function()  # the function's SQL lives there


def schema_set_public() -> None:
    """Point this connection at the public schema (django-tenants' method, unknown to the stubs)."""
    connection.set_schema_to_public()  # type: ignore[attr-defined]


def _clone_function_installed() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regprocedure(%s) IS NOT NULL", [CLONE_FUNCTION])
        return cursor.fetchone()[0]


def schema_clone_from_template(schema_name: str) -> None:
    """Create `schema_name` as a copy (tables and data) of the park template schema."""
    schema_set_public()
    if not _clone_function_installed():
        clone_function_install()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT public.clone_schema(%s, %s, 'DATA')",
            [settings.TENANT_BASE_SCHEMA, schema_name],
        )
