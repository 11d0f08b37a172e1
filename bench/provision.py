"""Figures 1 and 2: creating a park by cloning the template schema vs running all migrations.

Runs in the bench process after django.setup() (the bench database, portal.settings.dev).
`run()` makes the first PARK_COUNT parks (bench01..bench05; bench04 by running every migration,
the baseline); bench/scale.py clones the rest up to 200 with `grow()`, and its mean is then the
clone figure (park_provision_clone_s, park_provision_speedup).
"""

import contextlib
import functools
import statistics
import time
from collections import defaultdict

from . import log, server

PARK_COUNT = 5
CLONE_TIMED = (1, 2, 3, 5)  # park_create, clone path
MIGRATE_TIMED = 4  # bench04: every migration run (the baseline)


def slug(number: int) -> str:
    return f"bench{number:02d}"


def domain(number: int) -> str:
    return f"{slug(number)}.localhost"


def spec(number: int):
    from tenants.services import ParkSpec

    # Short codes are capital letters only: BN + two letters (BNAB, BNAC, ...).
    code = "BN" + chr(ord("A") + number // 26) + chr(ord("A") + number % 26)
    return ParkSpec(
        slug=slug(number),
        name=f"基准测试园区{number:02d}",
        domain=domain(number),
        short_code=code,
        name_en=f"Bench Park {number:02d}",
        featured_focus="基准测试：园区开通与多租户路由",
    )


def hub_ensure() -> None:
    from tenants.services import hub_ensure as ensure

    ensure(domain="localhost", name="龙岗区政企服务中心")


def clone(number: int) -> float:
    from tenants.services import park_create

    started = time.perf_counter()
    park_create(spec=spec(number))
    return time.perf_counter() - started


def migrate(number: int) -> float:
    """park_create's steps, with the schema built by running every migration.

    park_create itself cannot take this path: it runs create_schema inside transaction.atomic(),
    and all migrations in one transaction fail on PostgreSQL ("cannot ALTER TABLE
    wagtailcore_page because it has pending trigger events"); it also refuses to run without the
    template schema. So this mirrors it step by step, with TENANT_CREATION_FAKES_MIGRATIONS off
    so django-tenants' create_schema runs migrate_schemas on the new schema.
    """
    from django.db import connection, transaction
    from django.test import override_settings
    from django_tenants.utils import schema_context

    from tenants import services
    from tenants.models import Domain, Park

    park_spec = spec(number)
    started = time.perf_counter()
    services._validate(park_spec)
    with override_settings(TENANT_CREATION_FAKES_MIGRATIONS=False):
        park = Park.objects.create(
            schema_name=park_spec.slug,
            slug=park_spec.slug,
            name=park_spec.name,
            name_en=park_spec.name_en,
            short_code=park_spec.short_code,
            featured_focus=park_spec.featured_focus,
            theme_colour=park_spec.theme_colour,
        )
        try:
            park.create_schema(check_if_exists=False, verbosity=0)
            with transaction.atomic():
                Domain.objects.create(domain=park_spec.domain, tenant=park, is_primary=True)
                with schema_context(park.schema_name):
                    services._set_up_park_schema(park=park, hostname=park_spec.domain)
        except Exception:
            connection.set_schema_to_public()
            park.delete(force_drop=True)
            raise
    connection.set_schema_to_public()
    return time.perf_counter() - started


@contextlib.contextmanager
def _step_timer():
    """Time the steps of park_create (clone path) by wrapping the functions it calls."""
    from django_tenants.clone import CloneSchema

    from tenants import services

    totals: dict[str, float] = defaultdict(float)
    patches = [
        (services, "_validate", "validate"),
        (CloneSchema, "_create_clone_schema_function", "clone: CREATE FUNCTION clone_schema"),
        (services, "schema_clone_from_template", "clone: schema"),
        (services, "_set_up_park_schema", "site, home page, groups"),
    ]
    originals = []
    for owner, name, label in patches:
        original = getattr(owner, name)
        originals.append((owner, name, original))

        def timed(*args, _original=original, _label=label, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_label] += time.perf_counter() - started

        setattr(owner, name, functools.wraps(original)(timed))
    try:
        yield totals
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def _backend_pid() -> int | None:
    """The PostgreSQL backend serving this process, if its /proc entry is readable here."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        server.cpu_seconds(pid)
    except OSError:
        return None  # a remote server
    return pid


def _cpu(pid: int | None) -> float:
    """CPU seconds of a backend so far; NaN if unknown or gone (a reconnect in between)."""
    try:
        return server.cpu_seconds(pid) if pid is not None else float("nan")
    except OSError:
        return float("nan")


def _timed_clone(number: int) -> float:
    backend = _backend_pid()
    db_cpu = _cpu(backend)
    seconds = clone(number)
    log(
        f"park {slug(number)} cloned in {seconds:.3f} s"
        f" (PostgreSQL backend CPU {_cpu(backend) - db_cpu:.3f} s)"
    )
    return seconds


def run() -> dict[str, float]:
    hub_ensure()
    clone_times = [_timed_clone(number) for number in CLONE_TIMED if number < MIGRATE_TIMED]
    seconds_migrate = migrate(MIGRATE_TIMED)
    log(f"park {slug(MIGRATE_TIMED)} created by running all migrations in {seconds_migrate:.3f} s")
    clone_times += [_timed_clone(number) for number in CLONE_TIMED if number > MIGRATE_TIMED]
    clone_mean = statistics.mean(clone_times)
    return {
        "park_provision_clone_s": clone_mean,
        "park_provision_migrate_s": seconds_migrate,
        "park_provision_speedup": seconds_migrate / clone_mean,
    }


def grow(first: int, last: int) -> list[float]:
    """Clone parks `first`..`last` (park_create); each one's seconds, with a step breakdown."""
    steps: dict[str, list[float]] = defaultdict(list)
    from django.db import connections

    for number in range(first, last + 1):
        # A new connection for each park, as each `manage.py create_park` has: a PostgreSQL
        # backend that has itself created hundreds of schemas keeps their relations in its
        # caches, and its DDL slows down with them (0.28 s of server CPU a clone at first,
        # 1.4 s after 120 clones on one connection), which no real provisioning sees.
        connections.close_all()
        backend = _backend_pid()
        db_cpu, python_cpu = _cpu(backend), time.process_time()
        with _step_timer() as totals:
            totals["total"] = clone(number)
        totals["PostgreSQL backend CPU"] = _cpu(backend) - db_cpu
        totals["Python CPU"] = time.process_time() - python_cpu
        for label, value in totals.items():
            steps[label].append(value)
        if number % 25 == 0 or number == last:
            recent, cpu = steps["total"][-25:], steps["PostgreSQL backend CPU"][-25:]
            log(
                f"parks up to {slug(number)}: the last {len(recent)} cloned in"
                f" {statistics.mean(recent):.3f} s each (PostgreSQL backend CPU"
                f" {statistics.mean(cpu):.3f} s)"
            )
    log(f"parks {slug(first)}..{slug(last)}: median step times (s):")
    for label, values in steps.items():
        log(f"    {label:40s} {statistics.median(values):.3f}")
    return steps["total"]
