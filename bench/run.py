"""ParkPortal benchmarks: `python bench/run.py [NAME ...]` with DATABASE_URL and REDIS_URL set.

With names (e.g. `booking appeal_submit`), only the benches whose module name starts with one
of them run after the parks are provisioned (provisioning always runs: the others need it).

The benches run with 5 parks; then `scale` (also run for `migrate_noop`, which it includes)
grows the same database to 200 parks and measures provisioning, the catalog, the park home page
and migrate_schemas there (bench/scale.py).

Prints `BENCH <name> <value> <unit>` lines on stdout (progress on stderr) and exits 0.
Works on its own database, BENCH_DB_NAME (default parkportal_bench) on the DATABASE_URL server,
dropped and created afresh; uses the Redis database of REDIS_URL as given (cache keys under the
prefix "ppbench").
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import db, figure, log  # noqa: E402

UNITS = {
    "park_provision_clone_s": "s",
    "park_provision_migrate_s": "s",
    "park_provision_speedup": "x",
    "tenant_routing_ratio": "ratio",
    "tenant_routing_rps": "req/s",
    "raw_rps": "req/s",
    "migrate_noop_per_park_s": "s",
    "migrate_noop_total_s": "s",
    "migrate_noop_200_parks_s": "s",
    "park_home_ratio_200_vs_5": "ratio",
    "park_catalog_relations": "relations",
    "park_db_size_kb": "kB",
    "park_db_size_seeded_kb": "kB",
    "park_home_logged_in_ratio": "ratio",
    "park_home_logged_in_rps": "req/s",
    "park_home_queries": "queries",
    "load_p95_ms": "ms",
    "load_p50_ms": "ms",
    "load_p99_ms": "ms",
    "load_errors": "errors",
    "load_rps": "req/s",
    "web_worker_rss_mb": "MB",
    "park_home_cached_ratio": "ratio",
    "park_home_cached_rps": "req/s",
    "park_home_uncached_rps": "req/s",
    "appeal_dispatch_p95_ms": "ms",
    "appeal_submit_rps": "req/s",
    "appeal_submit_ratio": "ratio",
    "booking_contention_overbooked": "seats",
    "booking_rps": "req/s",
    "booking_ratio": "ratio",
    "district_dashboard_ms": "ms",
    "district_dashboard_cold_ms": "ms",
    "district_dashboard_ratio": "ratio",
    "facts_update_ms": "ms",
    "facts_update_ratio": "ratio",
    "api_policies_ratio": "ratio",
    "api_token_me_ratio": "ratio",
    "api_appeals_ratio": "ratio",
    "api_appeals_rps": "req/s",
    "policy_match_all_s": "s",
    "policy_match_all_ratio": "ratio",
    "policy_match_one_publish_ms": "ms",
    "policy_match_one_publish_ratio": "ratio",
}


def bench_env(database_url: str, redis_url: str) -> dict[str, str]:
    pythonpath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    # WhiteNoise warns in every process that STATIC_ROOT was never collected; not a bench concern.
    warnings = ",".join(
        w for w in (os.environ.get("PYTHONWARNINGS", ""), "ignore:No directory at") if w
    )
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "CACHE_KEY_PREFIX": "ppbench",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": pythonpath,
        "PYTHONWARNINGS": warnings,
    }


def report(figures: dict[str, float]) -> None:
    for name, value in figures.items():
        if name in UNITS:
            figure(name, value, UNITS[name])
        else:
            log(f"(context) {name} = {value:.4g}")


def main(only: list[str]) -> int:
    started = time.monotonic()
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url or not redis_url:
        print("bench: DATABASE_URL and REDIS_URL must be set", file=sys.stderr)
        return 2

    log(f"recreating database {db.BENCH_DB_NAME}")
    env = bench_env(db.recreate(database_url), redis_url)
    os.environ.update(env)  # for django.setup() in this process

    from bench import (
        api,
        appeal_dispatch,
        appeal_submit,
        booking_contention,
        dashboard,
        home,
        memory,
        migrate_noop,
        policy_match,
        provision,
        routing,
        scale,
        stack_load,
    )

    seconds = migrate_noop.manage(env, "migrate_schemas", "--noinput")
    log(f"migrate_schemas (public + park_template, from empty): {seconds:.1f} s")

    import django

    django.setup()
    from django.db import connections

    from tenants.models import Domain

    provisioned = provision.run()
    park_hosts = list(
        Domain.objects.exclude(tenant__schema_name="public")
        .order_by("domain")
        .values_list("domain", flat=True)
    )
    _seed_home_content(provision.slug(1))
    connections.close_all()

    def selected(name: str) -> bool:
        return not only or any(name.startswith(prefix) for prefix in only)

    scaling = selected("scale") or selected("migrate_noop")
    five_parks_env = scale.snapshot(env) if scaling else {}
    benches = {
        "routing": lambda: routing.run(env),
        "home": lambda: home.run(env),
        "memory": lambda: memory.run(env, park_hosts),
        "appeal_dispatch": lambda: appeal_dispatch.run(env),
        "appeal_submit": lambda: appeal_submit.run(env),
        "booking_contention": lambda: booking_contention.run(env),
        "dashboard": lambda: dashboard.run(env),
        "api": lambda: api.run(env),
        "policy_match": lambda: policy_match.run(env),
        # Last: the production-shaped stack of its own (portal/prodlike.py), Locust against it.
        "load": lambda: stack_load.run(env),
    }
    for name, bench in benches.items():
        if selected(name):
            report(bench())
    if scaling:
        scaled = scale.run(env, five_parks_env, provisioned["park_provision_migrate_s"])
        provisioned.update(
            {
                name: scaled.pop(name)
                for name in ("park_provision_clone_s", "park_provision_speedup")
            }
        )
        report(scaled)
    report(provisioned)
    log(f"done in {time.monotonic() - started:.1f} s")
    return 0


def _seed_home_content(schema_name: str) -> None:
    """The demo content of a park, so the home page renders what a real one does."""
    from django_tenants.utils import schema_context

    from demo.content import content_seed

    with schema_context(schema_name):
        content_seed(park_slug="dayun")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
