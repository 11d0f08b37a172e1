"""Figures for 200 parks: the bench database grown from its first 5 parks to 200.

`snapshot()` copies the database while it holds 5 parks. `run()` then clones parks up to
TOTAL_PARKS with park_create (park_provision_clone_s: their mean; the log shows the first and
last ones, which must not grow with the catalog), measures what a park costs in the catalog and
on disk, and `migrate_schemas` with nothing to apply (bench/migrate_noop.py).

park_home_ratio_200_vs_5: the rendered home page of park bench01 (a session cookie bypasses the
anonymous page cache, as in bench/home.py) served by one gunicorn on the 200-park database and
one on the 5-park copy, side by side; one client alternates between them request by request,
so a burst of load from elsewhere on this shared machine slows both alike, and each rate is 1 /
its median request time.

park_catalog_relations: pg_class rows in one park's schema (tables, indexes, sequences; its
TOAST tables live in pg_toast and are logged). park_db_size_kb: pg_total_relation_size (table,
indexes, TOAST) of every table plus the sequences of an empty park; park_db_size_seeded_kb: the
same for bench01, which holds the demo's home content.
"""

import contextlib
import statistics
import time

from . import db, load, log, migrate_noop, provision, server

TOTAL_PARKS = 200
FIVE_PARKS = "_5parks"  # the suffix of the copy's database name
HOST = "bench01.localhost"
SECONDS = 12.0
RENDERED = load._raw_request(HOST, "/", "sessionid=bench-bypasses-the-page-cache")

CATALOG_SQL = """
WITH n AS (SELECT oid FROM pg_namespace WHERE nspname = %s),
rels AS (SELECT c.oid, c.relkind, c.reltoastrelid FROM pg_class c, n WHERE c.relnamespace = n.oid)
SELECT
    (SELECT count(*) FROM rels),
    (SELECT count(*) FROM rels WHERE relkind = 'r'),
    (SELECT count(*) FROM rels WHERE relkind = 'i'),
    (SELECT count(*) FROM rels WHERE relkind = 'S'),
    (SELECT count(*) FROM rels WHERE reltoastrelid <> 0),
    (SELECT count(*) FROM pg_constraint k, n WHERE k.connamespace = n.oid),
    (SELECT count(*) FROM pg_attribute a JOIN rels ON rels.oid = a.attrelid)
"""

SIZE_SQL = """
SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
WHERE c.relnamespace = %s::regnamespace AND c.relkind IN ('r', 'S')
"""


def snapshot(env: dict[str, str]) -> dict[str, str]:
    """Copy the bench database as it is now (5 parks); the environment of the copy."""
    from django.db import connections

    log(f"copying the bench database with {_park_count()} parks")
    connections.close_all()
    return {**env, "DATABASE_URL": db.copy(env["DATABASE_URL"], FIVE_PARKS)}


def _home_side_by_side(env: dict[str, str], five_env: dict[str, str]) -> dict[str, float]:
    gunicorn = {"settings_module": "bench.settings_bench", "ready_host": HOST, "ready_path": "/"}
    latencies: dict[str, list[float]] = {"five": [], "many": []}
    with contextlib.ExitStack() as stack:
        servers = {
            "five": stack.enter_context(server.gunicorn(env=five_env, **gunicorn)),
            "many": stack.enter_context(server.gunicorn(env=env, **gunicorn)),
        }
        for web in servers.values():  # warm-up: imports, caches, the connection
            for _ in range(20):
                load._exchange(web.address, RENDERED)
        order = list(servers.items())
        deadline = time.perf_counter() + SECONDS
        while time.perf_counter() < deadline:
            order.reverse()  # neither server always follows the other
            for name, web in order:
                started = time.perf_counter()
                status, _body = load._exchange(web.address, RENDERED)
                if status != 200:
                    raise RuntimeError(f"{name}: {HOST}/ answered {status}")
                latencies[name].append(time.perf_counter() - started)
    return {name: 1 / statistics.median(values) for name, values in latencies.items()}


def _park_count() -> int:
    from tenants.models import Park

    return Park.objects.exclude(schema_name="public").count()


def _catalog(schema: str) -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(CATALOG_SQL, [schema])
        names = (
            "relations",
            "tables",
            "indexes",
            "sequences",
            "toast_tables",
            "constraints",
            "attributes",
        )
        counts = dict(zip(names, cursor.fetchone(), strict=True))
        cursor.execute("SELECT count(*) FROM pg_class")
        counts["database_relations"] = cursor.fetchone()[0]
        cursor.execute("SELECT pg_database_size(current_database())")
        counts["database_bytes"] = cursor.fetchone()[0]
    return counts


def _size_kb(schema: str) -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SIZE_SQL, [schema])
        return float(cursor.fetchone()[0]) / 1024


def run(env: dict[str, str], five_env: dict[str, str], migrate_seconds: float) -> dict[str, float]:
    from django.db import connections

    start = _park_count()
    first = provision.PARK_COUNT + 1
    last = first + TOTAL_PARKS - start - 1
    log(f"growing from {start} to {TOTAL_PARKS} parks: cloning {provision.slug(first)}..")
    clone_times = provision.grow(first, last)
    clone_mean = statistics.mean(clone_times)
    log(
        f"{len(clone_times)} parks cloned in {clone_mean:.3f} s each (first 10:"
        f" {statistics.mean(clone_times[:10]):.3f} s, last 10:"
        f" {statistics.mean(clone_times[-10:]):.3f} s)"
    )
    empty = provision.slug(last)
    catalog = _catalog(empty)
    size_kb, seeded_kb = _size_kb(empty), _size_kb(provision.slug(1))
    parks = _park_count()
    log(
        f"catalog of park {empty}: "
        + ", ".join(f"{name} {value}" for name, value in catalog.items())
        + f"; {size_kb:.0f} kB empty, {seeded_kb:.0f} kB with the demo's home content"
        f" ({provision.slug(1)}); database {catalog['database_bytes'] / parks / 1024:.0f} kB"
        f" a park"
    )
    connections.close_all()

    try:
        rps = _home_side_by_side(env, five_env)
    finally:
        db.drop(env["DATABASE_URL"], FIVE_PARKS)
    ratio = rps["many"] / rps["five"]
    log(
        f"home rendered side by side: {rps['five']:.0f} req/s with {provision.PARK_COUNT} parks,"
        f" {rps['many']:.0f} with {parks}; ratio {ratio:.3f}"
    )
    noop = migrate_noop.run(env, parks)
    return {
        "park_provision_clone_s": clone_mean,
        "park_provision_speedup": migrate_seconds / clone_mean,
        "park_catalog_relations": catalog["relations"],
        "park_db_size_kb": size_kb,
        "park_db_size_seeded_kb": seeded_kb,
        "park_home_ratio_200_vs_5": ratio,
        "migrate_noop_200_parks_s": noop["migrate_noop_total_s"],
        **noop,
    }
