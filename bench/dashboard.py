"""Figures 8 and 9: the district dashboard over a million appeals, and what keeping the
appraisal facts adds to a case action.

Load: `manage.py seed_load --parks 50 --appeals 1000000` in a subprocess on the bench database
(BENCH_LOAD_APPEALS sets the appeals, e.g. 50000 for a quick run), its progress on stderr; the
demo's departments and categories are seeded first, so the load spreads over them. Its wall
time (50 parks created included) is logged for context.

Dashboard: one gunicorn (bench.settings_bench, one sync worker) serves the hub. A district
admin logs in through the login form; then one client cycles request by request, in a rotating
order (see bench/routing.py), through
  - /bench/ping on the hub host with the same session: the trivial baseline;
  - the district dashboard (analytics:district) over the whole load
    (?period=custom&start=<two years ago>&end=<today>), warm: the built figures are in the
    cache (`analytics.dashboard.cached`), so the request only renders them;
  - the same page cold: the bench deletes the cached dashboards right before sending it, so the
    request computes every aggregate over the load.
district_dashboard_ms / district_dashboard_cold_ms are the medians of the warm / cold requests;
district_dashboard_ratio is the warm median over the ping median (the cold one is logged).

Facts: in this process, `onewindow.facts.case_facts_store(case)` (what the lifecycle runs on
every move of a case) on FACT_CASES random loaded cases, each timed inside its transaction; and,
as the baseline, the whole action it is part of: `onewindow.services.cases.case_sign` by the
department's liaison on loaded cases still awaiting sign-for, each timed with its commit (tasks
muted: nothing is queued; the outbox rows are written as usual). facts_update_ms is the p95 of
the first, facts_update_ratio that over the p95 of the second.
"""

import datetime
import os
import statistics
import subprocess
import sys
import time
from urllib.parse import urlencode

from . import load, log, server
from .appeal_dispatch import percentile
from .appeal_submit import Session
from .server import ROOT

HOST = "localhost"  # the hub (bench.provision.hub_ensure)
PARKS = 50
APPEALS = int(os.environ.get("BENCH_LOAD_APPEALS", "1000000"))
LOAD_TIMEOUT = 3600.0
ADMIN_USERNAME = "bench_district"
PASSWORD = "Bench-District-2026"
CYCLES = int(os.environ.get("BENCH_DASHBOARD_CYCLES", "9"))
REQUEST_TIMEOUT = 120.0
FACT_CASES = 300
PING, WARM, COLD = "ping", "warm", "cold"


def run(env: dict[str, str]) -> dict[str, float]:
    load_seconds = seed(env)
    figures = {"seed_load_s": load_seconds}
    figures.update(dashboard(env))
    figures.update(facts_update())
    return figures


def seed(env: dict[str, str]) -> float:
    """The load, through the real command; returns its wall time."""
    from demo.parks import seed_hub

    seed_hub()  # the demo's departments, liaisons and categories (idempotent)
    command = [sys.executable, str(ROOT / "manage.py"), "seed_load"]
    command += ["--parks", str(PARKS), "--appeals", str(APPEALS)]
    log(f"seed_load: {APPEALS:,} appeals in {PARKS} parks")
    started = time.perf_counter()
    # stdout carries only BENCH lines: the command's summary goes to stderr too.
    subprocess.run(
        command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr,
        timeout=LOAD_TIMEOUT, check=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    log(f"seed_load: done in {seconds:.1f} s")
    return seconds


def dashboard_path() -> str:
    from django.urls import reverse
    from django.utils import timezone

    today = timezone.localdate()
    start = today - datetime.timedelta(days=2 * 366)
    query = urlencode({"period": "custom", "start": start.isoformat(), "end": today.isoformat()})
    return f"{reverse('analytics:district', urlconf='portal.urls_public')}?{query}"


def admin_ensure() -> None:
    from accounts.models import Role, User
    from accounts.services import user_create

    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        user_create(
            username=ADMIN_USERNAME,
            password=PASSWORD,
            role=Role.DISTRICT_ADMIN,
            full_name="基准区管理员",
            email="district@bench.example.cn",
        )


def dashboard(env: dict[str, str]) -> dict[str, float]:
    admin_ensure()
    path = dashboard_path()
    latencies: dict[str, list[float]] = {PING: [], WARM: [], COLD: []}
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path="/bench/ping"
    ) as web:
        cookie = _log_in(web.address)
        targets = {
            PING: load._raw_request(HOST, "/bench/ping", cookie),
            WARM: load._raw_request(HOST, path, cookie),
            COLD: load._raw_request(HOST, path, cookie),
        }
        _timed(web.address, targets[COLD], cold=True)  # warm-up: imports, templates, cache
        for cycle in range(CYCLES):
            order = list(targets)[cycle % 3 :] + list(targets)[: cycle % 3]
            for name in order:
                latencies[name].append(_timed(web.address, targets[name], cold=name == COLD))
            log(
                f"dashboard cycle {cycle + 1}/{CYCLES}: "
                + ", ".join(f"{name} {latencies[name][-1] * 1000:.0f} ms" for name in order)
            )
    ms = {name: statistics.median(values) * 1000 for name, values in latencies.items()}
    log(
        f"dashboard {path}: median ping {ms[PING]:.1f} ms, warm {ms[WARM]:.0f} ms,"
        f" cold {ms[COLD]:.0f} ms (max {max(latencies[COLD]) * 1000:.0f} ms)"
    )
    return {
        "district_dashboard_ms": ms[WARM],
        "district_dashboard_cold_ms": ms[COLD],
        "district_dashboard_ratio": ms[WARM] / ms[PING],
        "district_dashboard_cold_ratio": ms[COLD] / ms[PING],
        "hub_ping_ms": ms[PING],
    }


def _cache_forget() -> None:
    """Drop the built dashboards (keys "analytics:*" of the bench's cache prefix) only."""
    from django.core.cache import cache

    cache.delete_pattern("analytics:*")


def _timed(address, payload: bytes, *, cold: bool) -> float:
    if cold:
        _cache_forget()
    started = time.perf_counter()
    status, body = load._exchange(address, payload, timeout=REQUEST_TIMEOUT)
    seconds = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"dashboard bench: {status} {body[:300]!r}")
    return seconds


def _log_in(address) -> str:
    """Log the district admin in through the hub's login form; returns the Cookie header."""
    import http.client

    session = Session()

    def exchange(method: str, path: str, body: bytes = b"", **headers: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection(*address, timeout=30)
        try:
            connection.request(
                method, path, body=body or None,
                headers={"Host": HOST, "Cookie": session.header(), **headers},
            )  # fmt: skip
            response = connection.getresponse()
            session.update(response, response.read())
            return response.status, response.getheader("Location", "")
        finally:
            connection.close()

    exchange("GET", "/accounts/login/")
    form = {"csrfmiddlewaretoken": session.token, "username": ADMIN_USERNAME}
    form |= {"password": PASSWORD, "next": "/"}
    status, location = exchange(
        "POST",
        "/accounts/login/",
        urlencode(form).encode(),
        **{"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}"},
    )
    if status != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(
            f"hub login: {status} -> {location!r}, cookies {sorted(session.cookies)}"
        )
    return session.header()


def facts_update() -> dict[str, float]:
    """p95 of case_facts_store on random loaded cases, against p95 of a whole case_sign."""
    from django.db import transaction

    from core.tasks import tasks_muted
    from onewindow.facts import case_facts_store
    from onewindow.models import Case, Liaison
    from onewindow.services.cases import case_sign

    loaded = Case.objects.filter(tracking_number__startswith="LOAD-")
    facts = []
    for case in loaded.order_by("?")[:FACT_CASES]:
        with transaction.atomic():
            started = time.perf_counter()
            case_facts_store(case)
            facts.append(time.perf_counter() - started)
    liaisons = dict(
        Liaison.objects.filter(user__is_active=True)
        .order_by("-pk")
        .values_list("department_id", "user")
    )
    from accounts.models import User

    users = User.objects.in_bulk(set(liaisons.values()))
    unsigned = loaded.filter(status=Case.Status.DISPATCHED, department__in=list(liaisons))
    signs = []
    with tasks_muted():
        for case in unsigned.order_by("?")[:FACT_CASES]:
            by = users[liaisons[case.department_id]]
            started = time.perf_counter()
            case_sign(case=case, by=by)
            signs.append(time.perf_counter() - started)
    if len(signs) < 20:
        raise RuntimeError(f"only {len(signs)} loaded cases await sign-for: load more appeals")
    facts_ms = percentile(facts, 0.95) * 1000
    sign_ms = percentile(signs, 0.95) * 1000
    log(
        f"facts: case_facts_store on {len(facts)} cases p50 {statistics.median(facts) * 1000:.2f}"
        f" ms, p95 {facts_ms:.2f} ms; case_sign on {len(signs)} cases p50"
        f" {statistics.median(signs) * 1000:.2f} ms, p95 {sign_ms:.2f} ms"
    )
    return {
        "facts_update_ms": facts_ms,
        "facts_update_ratio": facts_ms / sign_ms,
        "case_sign_p95_ms": sign_ms,
    }
