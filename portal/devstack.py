"""`make run` (python -m portal.embedded run): the whole portal on this machine.

Inside portal.embedded's services (or the DATABASE_URL / REDIS_URL that are set): migrate every
schema and the park template, seed the demo parks, then run gunicorn, a Celery worker and Celery
beat until Ctrl-C or SIGTERM. Each of the three has a session of its own, so a Ctrl-C reaches only
this supervisor, which stops them first and the databases after. If one of them dies, the rest are
stopped and the exit code is non-zero.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import urllib.request
from dataclasses import dataclass

from portal import embedded

HEALTH_TIMEOUT_S = 120.0
POLL_S = 0.2
WEB_WORKERS = 2
# Celery's default is one process per CPU; two are plenty on a developer's machine.
WORKER_CONCURRENCY = 2


@dataclass
class Site:
    """What `make run` prints, read from the project's settings and demo data."""

    hub_host: str
    lines: list[str]


def run() -> int:
    port = int(os.environ.get("PORT") or 8000)
    with embedded.embedded_services("run", wait_for_lock=False) as env:
        env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")  # wsgi.py defaults to prod
        env.setdefault("PUBLIC_PORT", str(port))
        site = _prepare(env, port)
        supervisor = Supervisor()
        try:
            supervisor.start_all(env, port)
            supervisor.wait_healthy(port, site.hub_host)
            print("\n".join(site.lines), flush=True)
            return supervisor.wait()
        finally:
            embedded.ignore_stop_signals()
            embedded.stop_all(supervisor.children)


def _prepare(env: dict[str, str], port: int) -> Site:
    """migrate_schemas, seed_demo and (without DEBUG) collectstatic, then what to print.

    In this process rather than as three manage.py runs: each would set Django up again (~3 s).
    """
    os.environ.update(env)
    import django  # noqa: PLC0415 - Django starts here, once the environment is in place

    django.setup()
    from django.conf import settings  # noqa: PLC0415 - as above
    from django.core.management import call_command  # noqa: PLC0415 - as above
    from django.db import connections  # noqa: PLC0415 - as above

    embedded.say("migrate_schemas (every schema and the park template)")
    call_command("migrate_schemas", interactive=False)
    embedded.say("seed_demo")
    call_command("seed_demo")
    if not settings.DEBUG:  # with DEBUG, WhiteNoise serves static files straight from the apps
        call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()  # nothing else here uses the database
    return _site(settings, port)


def _site(settings, port: int) -> Site:
    # demo.parks imports models: only once _prepare() has set Django up.
    from demo.parks import DEMO_PASSWORD, PARKS, demo_logins, park_domain  # noqa: PLC0415 - models

    hub = f"http://{settings.HUB_DOMAIN}:{port}/"
    lines = ["", f"ParkPortal is running. District hub: {hub}", "Parks:"]
    lines += [f"  http://{park_domain(p.slug)}:{port}/  {p.name} {p.name_en}" for p in PARKS]
    lines += [f"Health: {hub}healthz", f"Demo logins (password {DEMO_PASSWORD}):"]
    where: dict[str, list[str]] = {}
    for place, username in demo_logins():
        where.setdefault(place, []).append(username)
    lines += [f"  {place}: {', '.join(usernames)}" for place, usernames in where.items()]
    lines += [
        "Appeals: enterprise → /appeals/new/ on a park, window → /office/appeals/,",
        f"  liaison-gxj → {hub}cases/, admin → {hub}arbitration/ (categories: {hub}django-admin/)",
        f"Analytics: admin → {hub}analytics/ (monthly report {hub}analytics/report/),",
        f"  liaison-gxj → {hub}analytics/department/, window or operator → /office/analytics/",
        f"Open API: /api/v1/docs/ on a park or {hub}api/v1/docs/, tokens at /accounts/tokens/,",
        "  Open311 at /open311/v2/discovery.json (keys: operator → /admin/open311/keys/);",
        "  curl examples in docs/api.md",
    ]
    lines += ["Ctrl-C stops everything.", f"ready: {hub}", ""]
    return Site(hub_host=settings.HUB_DOMAIN, lines=lines)


def _commands(port: int) -> dict[str, list[str]]:
    python = sys.executable
    schedule = embedded.profile_dir("run") / "celerybeat-schedule"
    return {
        # --preload: the app is imported once, not once per worker (Wagtail takes seconds).
        "web": [python, "-m", "gunicorn", "portal.wsgi", "--bind", f"0.0.0.0:{port}", "--preload"]
        + ["--workers", str(WEB_WORKERS), "--graceful-timeout", "10", "--access-logfile", "-"]
        # The default control socket is one per user (~/.gunicorn): two checkouts would share it.
        + ["--no-control-socket"],
        "worker": [python, "-m", "celery", "-A", "portal", "worker", "-l", "info"]
        # One worker: nobody to mingle or gossip with, and each costs start-up time.
        + ["--concurrency", str(WORKER_CONCURRENCY), "--without-mingle", "--without-gossip"],
        "beat": [python, "-m", "celery", "-A", "portal", "beat", "-l", "info", "-s", str(schedule)],
    }


class Supervisor:
    """The web, worker and beat processes; remembers a stop signal instead of raising."""

    def __init__(self) -> None:
        self.children: list[embedded.Child] = []
        self.stop_requested: int | None = None
        for sig in embedded.STOP_SIGNALS:
            signal.signal(sig, self._request_stop)

    def _request_stop(self, signum: int, _frame) -> None:
        self.stop_requested = signum

    def start_all(self, env: dict[str, str], port: int) -> None:
        for name, argv in _commands(port).items():
            self.children.append(embedded.spawn(name, argv, cwd=embedded.BASE_DIR, env=env))

    def _dead_child(self) -> str | None:
        for child in self.children:
            returncode = child.process.poll()
            if returncode is not None:
                return f"{child.name} exited with code {embedded.exit_code(returncode)}"
        return None

    def wait_healthy(self, port: int, host: str) -> None:
        """Until /healthz answers 200: database, broker and a worker all up."""
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
        while True:
            if self.stop_requested is not None:
                raise SystemExit(128 + self.stop_requested)
            if failure := self._dead_child():
                raise embedded.LaunchError(failure)
            try:
                # bandit B310: a fixed http://127.0.0.1 URL of the server just started.
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 # nosec B310
                    if response.status == 200:
                        return
            except OSError:
                pass  # not listening yet, or 503 while the worker starts
            if time.monotonic() > deadline:
                raise embedded.LaunchError(f"/healthz not 200 after {HEALTH_TIMEOUT_S:.0f} s")
            time.sleep(0.5)

    def wait(self) -> int:
        """Until a stop signal (exit 0) or the death of a child (exit 1, the rest are stopped)."""
        while True:
            if self.stop_requested is not None:
                embedded.say(f"{signal.Signals(self.stop_requested).name}: stopping everything")
                return 0
            if failure := self._dead_child():
                embedded.say(f"{failure}: stopping everything")
                return 1
            time.sleep(POLL_S)
