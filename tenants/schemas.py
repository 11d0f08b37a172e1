"""Park schemas and the template schema (TENANT_BASE_SCHEMA) they are copies of.

Cloning. django-tenants' clone_schema() is a ~4,600-line PL/pgSQL function that looks every
table up again in information_schema and pg_indexes, so each clone costs more the more parks
the database holds (0.64 s of server CPU with 5 parks, 0.95 s with 20, 1.3 s with 45). A
template made by migrations holds only tables, their keys, checks and indexes and the identity
sequences of their ids, so `schema_clone_from_template` copies it with one catalog query (found
through indexes, so it does not grow with the parks) that writes the DDL, and two scripts that
run it: every table LIKE the template's (columns, identities, checks) with its primary and
unique keys, the other indexes under their own names, the rows, the identity sequences set
where the template's stand, the foreign keys last. The django_migrations rows come with the
data, so no fake migrate run is needed. A template holding anything else (a view, a function,
a trigger, privileges …: `template_extras`) is copied by clone_schema() as before, which
migrate_schemas installs once per deploy.

Migration state. A full migrate_schemas run compares every park's migrations, content types and
permissions with the template's in one query (`schemas_differing_from_template`) and migrates
only the parks that differ.
"""

from collections.abc import Sequence

from django.conf import settings
from django.db import connection
from django_tenants.clone import CloneSchema
from psycopg import sql

CLONE_FUNCTION = "public.clone_schema(text, text, public.cloneparms[])"

# What the statements of _CLONE_SQL do not copy; any of it sends the clone to clone_schema().
_TEMPLATE_EXTRAS_SQL = """
WITH ns AS (SELECT oid, nspowner, nspacl FROM pg_namespace WHERE nspname = %(source)s),
members AS (
    SELECT d.classid, d.objid FROM pg_depend d JOIN ns ON d.refobjid = ns.oid
    WHERE d.refclassid = 'pg_namespace'::regclass
),
rels AS (
    SELECT c.oid, c.relkind, c.relpersistence, c.relispartition, c.reltablespace, c.relacl,
        c.relrowsecurity, c.relowner
    FROM pg_class c WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
),
rel_oids AS (SELECT array_agg(oid) AS oids FROM rels)
SELECT DISTINCT what FROM (
    SELECT 'object in ' || classid::regclass::text AS what FROM members
    WHERE classid <> 'pg_class'::regclass
    UNION ALL
    SELECT 'relation of kind ' || relkind::text FROM rels WHERE relkind NOT IN ('r', 'S')
    UNION ALL
    SELECT 'sequence of no identity column' FROM rels s WHERE s.relkind = 'S' AND NOT EXISTS (
        SELECT FROM pg_depend d
        WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype = 'i')
    UNION ALL
    SELECT 'unlogged, partitioned, owned or privileged relation' FROM rels
    WHERE relpersistence <> 'p' OR relispartition OR reltablespace <> 0 OR relacl IS NOT NULL
        OR relrowsecurity OR relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
    UNION ALL
    SELECT 'inherited table' FROM pg_inherits i, rel_oids r
    WHERE i.inhrelid = ANY(r.oids) OR i.inhparent = ANY(r.oids)
    UNION ALL
    SELECT 'trigger' FROM pg_trigger t, rel_oids r
    WHERE t.tgrelid = ANY(r.oids) AND NOT t.tgisinternal
    UNION ALL
    SELECT 'rule' FROM pg_rewrite w, rel_oids r WHERE w.ev_class = ANY(r.oids)
    UNION ALL
    SELECT 'policy' FROM pg_policy p, rel_oids r WHERE p.polrelid = ANY(r.oids)
    UNION ALL
    SELECT 'comment' FROM pg_description d, rel_oids r
    WHERE d.objoid = ANY(r.oids) AND d.classoid = 'pg_class'::regclass
    UNION ALL
    SELECT 'column privileges' FROM pg_attribute a, rel_oids r
    WHERE a.attrelid = ANY(r.oids) AND a.attacl IS NOT NULL
    UNION ALL
    SELECT 'default privileges' FROM pg_default_acl d JOIN ns ON d.defaclnamespace = ns.oid
    UNION ALL
    SELECT 'schema privileges or owner' FROM ns
    WHERE nspacl IS NOT NULL OR nspowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
) extras
"""

# The statements that copy the template, in the order they run (phase, table, object), split in
# two parts: phases 0-3 create the tables and their indexes, phases 4-6 copy the rows, set the
# identity sequences and add the foreign keys. pg_get_indexdef() and pg_get_constraintdef() name
# the template's tables with its schema (it is not on the search path); that is swapped for the
# new schema. An index on an expression or with a WHERE clause would come back from its text
# spelled differently (casts made explicit), so a table with one is created LIKE the template's
# INCLUDING its indexes, copied exactly, and those indexes are then renamed (_INDEX_RENAMES_SQL).
_CLONE_SQL = """
WITH names AS (SELECT quote_ident(%(source)s) AS src, quote_ident(%(dest)s) AS dst),
tables AS (
    SELECT c.oid, quote_ident(c.relname) AS tbl, c.relname, names.src, names.dst,
        EXISTS (
            SELECT FROM pg_index i
            WHERE i.indrelid = c.oid AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL)
        ) AS exact
    FROM pg_class c CROSS JOIN names
    WHERE c.relkind = 'r' AND c.oid IN (
        -- the schema's members, found through an index (pg_class has none on the schema)
        SELECT d.objid FROM pg_depend d
        WHERE d.refclassid = 'pg_namespace'::regclass AND d.classid = 'pg_class'::regclass
            AND d.refobjid = (SELECT oid FROM pg_namespace WHERE nspname = %(source)s))
)
SELECT phase, relname, statement FROM (
    SELECT 0 AS phase, '' AS relname, '' AS object, 'CREATE SCHEMA ' || dst AS statement
    FROM names
    UNION ALL
    SELECT 1, t.relname, '', format(
        'CREATE TABLE %%s.%%s (LIKE %%s.%%s INCLUDING ALL EXCLUDING INDEXES%%s)',
        t.dst, t.tbl, t.src, t.tbl, (
            SELECT string_agg(
                format(', CONSTRAINT %%I %%s', k.conname, pg_get_constraintdef(k.oid)), ''
                ORDER BY k.conname)
            FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x')))
    FROM tables t WHERE NOT t.exact
    UNION ALL
    SELECT 2, t.relname, ic.relname, overlay(
        d.def PLACING ' ON ' || t.dst || '.'
        FROM strpos(d.def, ' ON ' || t.src || '.') FOR length(' ON ' || t.src || '.'))
    FROM tables t
    JOIN pg_index i ON i.indrelid = t.oid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    CROSS JOIN LATERAL (SELECT pg_get_indexdef(i.indexrelid) AS def) d
    WHERE NOT t.exact AND NOT EXISTS (
        SELECT FROM pg_constraint k
        WHERE k.conrelid = t.oid AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
    UNION ALL
    -- after every named index, so that the names PostgreSQL chooses here take none of them
    SELECT 3, t.relname, '',
        format('CREATE TABLE %%s.%%s (LIKE %%s.%%s INCLUDING ALL)', t.dst, t.tbl, t.src, t.tbl)
    FROM tables t WHERE t.exact
    UNION ALL
    SELECT 4, t.relname, '', format(
        'INSERT INTO %%s.%%s (%%s) OVERRIDING SYSTEM VALUE SELECT %%s FROM %%s.%%s',
        t.dst, t.tbl, columns.list, columns.list, t.src, t.tbl)
    FROM tables t CROSS JOIN LATERAL (
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS list
        FROM pg_attribute a
        WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ) columns
    UNION ALL
    SELECT 5, t.relname, a.attname, format(
        'SELECT setval(pg_get_serial_sequence(%%L, %%L), %%s)',
        t.dst || '.' || t.tbl, a.attname, sequence.last_value)
    FROM tables t
    JOIN pg_depend d ON d.refobjid = t.oid AND d.refobjsubid > 0 AND d.deptype = 'i'
        AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    JOIN pg_class s ON s.oid = d.objid
    -- CASE: the planner may call the function before any join or filter has left only
    -- sequences (a table's TOAST table depends on it the same way), and it fails on others.
    CROSS JOIN LATERAL (
        SELECT CASE WHEN s.relkind = 'S' THEN pg_sequence_last_value(s.oid) END AS last_value
    ) sequence
    WHERE sequence.last_value IS NOT NULL
    UNION ALL
    SELECT 6, t.relname, k.conname, format(
        'ALTER TABLE %%s.%%s ADD CONSTRAINT %%I %%s', t.dst, t.tbl, k.conname,
        replace(pg_get_constraintdef(k.oid), 'REFERENCES ' || t.src || '.',
                'REFERENCES ' || t.dst || '.'))
    FROM tables t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'f'
) statements
ORDER BY phase, relname, object
"""

# The template's index name for each index that CREATE TABLE (LIKE … INCLUDING ALL) named
# afresh: the copies are paired with the originals by their definition after the name.
_INDEX_RENAMES_SQL = """
WITH tables AS (
    SELECT format('%%I.%%I', %(source)s, name)::regclass AS src,
        format('%%I.%%I', %(dest)s, name)::regclass AS dst
    FROM unnest(%(tables)s::text[]) name
),
indexes AS (
    SELECT side, t.src AS tbl, c.relname, i.indisunique, i.indisprimary,
        substring(pg_get_indexdef(i.indexrelid) FROM ' USING .*$') AS definition
    FROM tables t
    CROSS JOIN LATERAL (VALUES ('src', t.src), ('dst', t.dst)) sides(side, rel)
    JOIN pg_index i ON i.indrelid = sides.rel
    JOIN pg_class c ON c.oid = i.indexrelid
),
numbered AS (
    SELECT *, row_number() OVER (
        PARTITION BY side, tbl, indisunique, indisprimary, definition ORDER BY relname) AS n
    FROM indexes
)
SELECT copy.relname, original.relname,
    (SELECT count(*) FROM indexes WHERE side = 'src'),
    (SELECT count(*) FROM indexes WHERE side = 'dst')
FROM numbered original JOIN numbered copy
    ON (original.tbl, original.indisunique, original.indisprimary, original.definition,
        original.n)
    = (copy.tbl, copy.indisunique, copy.indisprimary, copy.definition, copy.n)
WHERE original.side = 'src' AND copy.side = 'dst'
"""

# The tables `migrate` writes to even when it has no migration to apply (post_migrate).
_STATE_TABLES = ("django_migrations", "django_content_type", "auth_permission")

_STATE_SQL = """
SELECT {name}, md5(concat_ws('|',
    (SELECT string_agg(app || '.' || name, ',' ORDER BY app, name) FROM {schema}.django_migrations),
    (SELECT string_agg(app_label || '.' || model, ',' ORDER BY app_label, model)
     FROM {schema}.django_content_type),
    (SELECT string_agg(c.app_label || '.' || c.model || '.' || p.codename, ','
                       ORDER BY c.app_label, c.model, p.codename)
     FROM {schema}.auth_permission p JOIN {schema}.django_content_type c
     ON c.id = p.content_type_id)))
"""


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


def template_extras() -> list[str]:
    """What the template holds beyond tables, their keys and indexes, and identity sequences."""
    with connection.cursor() as cursor:
        cursor.execute(_TEMPLATE_EXTRAS_SQL, {"source": settings.TENANT_BASE_SCHEMA})
        return sorted(row[0] for row in cursor.fetchall())


def schema_clone_from_template(schema_name: str) -> None:
    """Create `schema_name` as a copy (tables and data) of the park template schema."""
    schema_set_public()
    source = settings.TENANT_BASE_SCHEMA
    if template_extras():
        _clone_with_function(source, schema_name)
        return
    names = {"source": source, "dest": schema_name}
    with connection.cursor() as cursor:
        cursor.execute(_CLONE_SQL, names)
        rows = cursor.fetchall()
        # Without parameters psycopg sends a script as one simple query: one round trip.
        cursor.execute(";\n".join(statement for phase, _, statement in rows if phase <= 3))
        exact = sorted({table for phase, table, _ in rows if phase == 3})
        renames = _index_renames(cursor, {**names, "tables": exact}) if exact else []
        cursor.execute(
            ";\n".join(renames + [statement for phase, _, statement in rows if phase > 3])
        )


def _index_renames(cursor, names: dict) -> list[str]:
    """ALTER INDEX statements that give the indexes of the tables copied INCLUDING ALL their
    template names, through a temporary name first so that no rename takes a name in use."""
    cursor.execute(_INDEX_RENAMES_SQL, names)
    pairs = cursor.fetchall()
    if not pairs or not len(pairs) == pairs[0][2] == pairs[0][3]:
        raise RuntimeError(f"cloning {names['dest']}: its indexes do not pair with the template's")
    moves = [(copy, original) for copy, original, *_counts in pairs if copy != original]
    temporary = [f"pp_clone_{number}" for number in range(len(moves))]
    steps = [
        *((copy, name) for (copy, _), name in zip(moves, temporary, strict=True)),
        *((name, original) for (_, original), name in zip(moves, temporary, strict=True)),
    ]
    rename = sql.SQL("ALTER INDEX {}.{} RENAME TO {}")
    dest = sql.Identifier(names["dest"])
    return [
        rename.format(dest, sql.Identifier(old), sql.Identifier(new)).as_string(cursor.connection)
        for old, new in steps
    ]


def _clone_with_function(source: str, schema_name: str) -> None:
    if not _clone_function_installed():
        clone_function_install()
    with connection.cursor() as cursor:
        cursor.execute("SELECT public.clone_schema(%s, %s, 'DATA')", [source, schema_name])


def schemas_differing_from_template(schema_names: Sequence[str]) -> list[str]:
    """The schemas (in the order given) whose migrations, content types or permissions differ
    from the template's: only these can have anything for `migrate` to do.

    A schema without those tables differs. One catalog query finds the schemas that have them,
    one query reads every schema's state.
    """
    template = settings.TENANT_BASE_SCHEMA
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid"
            " WHERE n.nspname = ANY(%s) AND c.relname = ANY(%s) AND c.relkind = 'r'"
            " GROUP BY n.nspname HAVING count(*) = %s",
            [[template, *schema_names], list(_STATE_TABLES), len(_STATE_TABLES)],
        )
        present = {row[0] for row in cursor.fetchall()}
        if template not in present:
            return list(schema_names)
        query = sql.SQL(" UNION ALL ").join(
            sql.SQL(_STATE_SQL).format(name=sql.Literal(name), schema=sql.Identifier(name))
            for name in sorted(present)
        )
        cursor.execute(query.as_string(cursor.connection))
        states = dict(cursor.fetchall())
    return [name for name in schema_names if states.get(name) != states[template]]
