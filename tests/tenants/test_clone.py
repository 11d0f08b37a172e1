"""A park schema cloned from the template is the template: same tables, keys, indexes, rows."""

from django.conf import settings
from django.db import connection
from django_tenants.utils import schema_context, schema_exists

from tenants.schemas import schema_clone_from_template, template_extras
from tenants.services import ParkSpec, park_create

TEMPLATE = settings.TENANT_BASE_SCHEMA


def catalog(schema: str) -> dict[str, list[tuple]]:
    """Everything the clone must reproduce, with the schema's own name taken out of definitions."""
    queries = {
        "columns": """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), a.attcollation,
                rank() OVER (PARTITION BY c.relname ORDER BY a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = %(schema)s::regnamespace AND c.relkind = 'r'
                AND a.attnum > 0 AND NOT a.attisdropped""",
        "constraints": """
            SELECT c.relname, k.conname, k.contype,
                replace(pg_get_constraintdef(k.oid), %(prefix)s, '')
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = %(schema)s::regnamespace""",
        "indexes": """
            SELECT c.relname, replace(pg_get_indexdef(c.oid), %(prefix)s, '')
            FROM pg_class c
            WHERE c.relnamespace = %(schema)s::regnamespace AND c.relkind = 'i'""",
        "identities": """
            SELECT c.relname, a.attname, pg_sequence_last_value(
                pg_get_serial_sequence(format('%%I.%%I', %(schema)s, c.relname), a.attname)
                ::regclass)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = %(schema)s::regnamespace AND a.attidentity <> ''""",
    }
    params = {"schema": schema, "prefix": f"{schema}."}
    with connection.cursor() as cursor:
        found = {}
        for name, query in queries.items():
            cursor.execute(query, params)
            found[name] = sorted(cursor.fetchall(), key=repr)
        tables = sorted({table for table, *_ in found["columns"]})
        found["rows"] = [(table, _rows(cursor, schema, table)) for table in tables]
    return found


def _rows(cursor, schema: str, table: str) -> list[tuple]:
    cursor.execute(f'SELECT * FROM "{schema}"."{table}" ORDER BY 1')  # noqa: S608 - catalog names
    return cursor.fetchall()


def test_the_template_holds_only_what_the_fast_clone_copies(db):
    assert template_extras() == []


def test_a_clone_has_the_template_s_tables_keys_indexes_sequences_and_rows(db):
    schema_clone_from_template("zeta")
    template, clone = catalog(TEMPLATE), catalog("zeta")
    assert len(template["indexes"]) > 100
    assert any(rows for _table, rows in template["rows"])
    for part in template:
        assert clone[part] == template[part], part


def test_a_new_park_takes_the_next_ids_after_the_template_s(db):
    from django.contrib.auth.models import Permission

    with schema_context(TEMPLATE):
        template_last = Permission.objects.order_by("-id").values_list("id", flat=True).first()
    park = park_create(spec=ParkSpec("zeta", "泽塔园区", "zeta.localhost", "ZETA"))
    with schema_context(park.schema_name):
        added = Permission.objects.create(codename="zeta_only", name="zeta", content_type_id=1)
    assert added.id > template_last


def test_a_template_with_a_view_is_cloned_by_django_tenants_clone_schema(db):
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE VIEW "{TEMPLATE}".page_titles AS SELECT 1 AS one')
    assert "relation of kind v" in template_extras()

    park = park_create(spec=ParkSpec("zeta", "泽塔园区", "zeta.localhost", "ZETA"))

    assert schema_exists(park.schema_name)
    with connection.cursor() as cursor:
        cursor.execute('SELECT one FROM "zeta".page_titles')
        assert cursor.fetchone() == (1,)
