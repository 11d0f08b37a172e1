"""`make faults`: fault drills on the production-shaped stack (portal/prodlike.py), with real
processes, each ending with counts on both sides of the park ↔ hub integration.

    python -m portal.faults [DRILL ...]     # all by default; exit 1 when a drill fails

Drills (in this order; each names its appeals `drill <run> <drill> <n>` so the counts are its own):
- broker:   the broker stopped during a burst of window acceptances, then started again;
- worker:   a Celery worker killed with SIGKILL while it delivers a burst of messages;
- database: PostgreSQL restarted while enterprises submit appeals over HTTP;
- beat:     beat stopped across a simulated weekend, then started again;
- web:      one web node killed with SIGKILL while enterprises submit appeals;
- nodes:    a session made through nginx is good on each web node, and a park created by another
            process is reached on each (the routing generation is shared);
- replica:  the district dashboard reads from the streaming replica, and from the primary while
            the replica is down.

The counts: appeals submitted (distinct one-time keys), appeals accepted, hub cases (distinct),
park → hub and hub → park messages written, delivered and received (the receipt is the other
side's record of a key; it is unique, so a duplicate delivery cannot apply twice), and the
enterprises' notifications (no two alike). A drill passes when nothing is lost (every message
delivered and received, a case per accepted appeal) and nothing is duplicated.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shelve  # nosec B403 - only beat's own schedule file, which our beat wrote
import signal
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

from portal import embedded, prodlike

T = TypeVar("T")
PARK = "tiananyungu"
CONVERGE_TIMEOUT_S = 180.0
HTTP_TIMEOUT_S = 30.0
# Submissions under a fault: each thread files one a second, ten per account.
PACE_S = 1.0
PER_ACCOUNT = 10
# A simulated weekend: Friday 18:00 to Monday 08:00.
WEEKEND = timedelta(hours=62)


def say(message: str) -> None:
    print(f"[faults] {message}", file=sys.stderr, flush=True)


class DrillFailed(AssertionError):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise DrillFailed(message)


def required(thing: T | None, message: str) -> T:
    if thing is None:
        raise DrillFailed(message)
    return thing


# --- HTTP through nginx, as the users do -----------------------------------------------------


def png_bytes() -> bytes:
    """A real (tiny) PNG: the upload checks read the content, not the name."""
    from PIL import Image  # noqa: PLC0415 - Pillow comes with Wagtail; only the drills need it

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (11, 95, 165)).save(buffer, format="PNG")
    return buffer.getvalue()


class Browser:
    """One signed-in user on one host, through nginx (TLS, self-signed)."""

    def __init__(self, stack: prodlike.Stack, host: str) -> None:
        import requests  # noqa: PLC0415 - a dev dependency (Locust's); only the drills need it
        import urllib3  # noqa: PLC0415 - as above

        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self.http = requests.Session()
        self.base = f"https://127.0.0.1:{stack.port}"
        self.origin = f"https://{host}:{stack.port}"
        self.http.headers.update({"Host": f"{host}:{stack.port}"})

    def get(self, path: str):
        return self.http.get(
            self.base + path, timeout=HTTP_TIMEOUT_S, allow_redirects=False, verify=False
        )

    def post(self, path: str, data: dict, files=None):
        token = self.http.cookies.get("csrftoken") or ""
        return self.http.post(
            self.base + path,
            data={"csrfmiddlewaretoken": token, **data},
            files=files,
            headers={"Referer": self.origin + path, "X-CSRFToken": token},
            timeout=HTTP_TIMEOUT_S,
            allow_redirects=False,
            verify=False,  # the session's setting loses to REQUESTS_CA_BUNDLE
        )

    def login(self, username: str, password: str) -> None:
        self.get("/accounts/login/")
        answer = self.post("/accounts/login/", {"username": username, "password": password})
        expect(answer.status_code == 302, f"login {username}: {answer.status_code}")

    def appeal_categories(self) -> list[str]:
        page = self.get("/appeals/new/").text
        select = page.split('name="category"', 1)[1].split("</select>", 1)[0]
        return re.findall(r'<option value="(\d+)"', select)

    def appeal_submit(self, *, title: str, key: str, category: str) -> str:
        """POST the appeal form; its tracking number. Raises on anything but the redirect."""
        answer = self.post(
            "/appeals/new/",
            {
                "category": category,
                "title": title,
                "description": "演练：园区停车场夜间照明不足，请协调处理。",
                "contact_name": "演练联系人",
                "contact_mobile": "13800138000",
                "submission_key": key,
            },
            files={"attachments": ("photo.png", png_bytes(), "image/png")},
        )
        found = re.search(r"/appeals/([^/]+)/submitted/", answer.headers.get("Location", ""))
        if answer.status_code != 302 or not found:
            raise RuntimeError(f"appeal form answered {answer.status_code}")
        return found.group(1)

    def accept(self, tracking_number: str) -> int:
        self.get(f"/office/appeals/{tracking_number}/")
        answer = self.post(f"/office/appeals/{tracking_number}/accept/", {"note": ""})
        return answer.status_code


# --- counts on both sides --------------------------------------------------------------------


@dataclass
class Ledger:
    appeals: int = 0
    submission_keys: int = 0
    accepted: int = 0
    appeals_without_file: int = 0
    cases: int = 0
    cases_distinct: int = 0
    to_hub_written: int = 0
    to_hub_undelivered: int = 0
    to_hub_received: int = 0
    to_park_written: int = 0
    to_park_undelivered: int = 0
    to_park_received: int = 0
    notifications: int = 0
    notifications_distinct: int = 0

    def line(self) -> str:
        return (
            f"appeals {self.appeals} (keys {self.submission_keys}, accepted {self.accepted}, "
            f"without file {self.appeals_without_file}); cases {self.cases} (distinct "
            f"{self.cases_distinct}); park→hub {self.to_hub_written} written, "
            f"{self.to_hub_undelivered} undelivered, {self.to_hub_received} received; hub→park "
            f"{self.to_park_written} written, {self.to_park_undelivered} undelivered, "
            f"{self.to_park_received} received; notifications {self.notifications} "
            f"(distinct {self.notifications_distinct})"
        )

    def settled(self) -> bool:
        return (
            self.to_hub_undelivered == 0
            and self.to_park_undelivered == 0
            and self.to_hub_received == self.to_hub_written
            and self.to_park_received == self.to_park_written
            and self.cases == self.accepted
        )

    def check(self, *, appeals: int, accepted: int) -> None:
        expect(self.appeals == appeals, f"{self.appeals} appeals in the park, {appeals} submitted")
        expect(self.appeals_without_file == 0, "an appeal without its file (half-written)")
        expect(self.accepted == accepted, f"{self.accepted} accepted, {accepted} expected")
        expect(self.cases == accepted, f"{self.cases} cases at the hub, {accepted} accepted")
        expect(self.to_hub_undelivered == 0, "park → hub messages left undelivered")
        expect(self.to_hub_received == self.to_hub_written, "park → hub messages lost")
        expect(self.to_park_undelivered == 0, "hub → park messages left undelivered")
        expect(self.to_park_received == self.to_park_written, "hub → park messages lost")
        expect(self.notifications_distinct == self.notifications, "a notification sent twice")


def ledger(prefix: str) -> Ledger:
    """The counts of the appeals whose title starts with `prefix`, on both sides."""
    from django.db import connections  # noqa: PLC0415
    from django.db.models import Count, Q  # noqa: PLC0415 - Django is set up by main()
    from django_tenants.utils import schema_context  # noqa: PLC0415

    from appeals.models import Appeal, OutboxMessage  # noqa: PLC0415
    from appeals.models import ReceivedMessage as ParkReceipt  # noqa: PLC0415
    from notifications.models import Notification  # noqa: PLC0415
    from onewindow.models import Case, ParkMessage  # noqa: PLC0415
    from onewindow.models import ReceivedMessage as HubReceipt  # noqa: PLC0415

    # The drill may have restarted the database under this process too.
    connections.close_all()
    counts = Ledger()
    with schema_context(PARK):
        appeals = Appeal.objects.filter(title__startswith=prefix)
        numbers = list(appeals.values_list("tracking_number", flat=True))
        counts.appeals = len(numbers)
        counts.submission_keys = appeals.values("submission_key").distinct().count()
        counts.accepted = appeals.filter(sent_to_hub=True).count()
        counts.appeals_without_file = (
            appeals.annotate(files=Count("attachments")).filter(files=0).count()
        )
        to_hub = OutboxMessage.objects.filter(appeal__in=appeals)
        counts.to_hub_written = to_hub.count()
        counts.to_hub_undelivered = to_hub.filter(delivered_at__isnull=True).count()
        to_hub_keys = list(to_hub.values_list("key", flat=True))
        urls = Q()
        for number in numbers:
            urls |= Q(url__contains=f"/{number}/")
        notices = Notification.objects.filter(urls) if numbers else Notification.objects.none()
        counts.notifications = notices.count()
        counts.notifications_distinct = (
            notices.values("recipient", "title", "url").distinct().count()
        )
    with schema_context("public"):
        cases = Case.objects.filter(tracking_number__in=numbers)
        counts.cases = cases.count()
        counts.cases_distinct = cases.values("tracking_number").distinct().count()
        counts.to_hub_received = HubReceipt.objects.filter(key__in=to_hub_keys).count()
        to_park = ParkMessage.objects.filter(case__in=cases)
        counts.to_park_written = to_park.count()
        counts.to_park_undelivered = to_park.filter(delivered_at__isnull=True).count()
        to_park_keys = list(to_park.values_list("key", flat=True))
    with schema_context(PARK):
        counts.to_park_received = ParkReceipt.objects.filter(key__in=to_park_keys).count()
    return counts


def settle(prefix: str, timeout: float = CONVERGE_TIMEOUT_S) -> tuple[Ledger, float]:
    """Counts once every message is delivered and received (or the timeout), and the wait."""
    began = time.monotonic()
    while True:
        counts = ledger(prefix)
        waited = time.monotonic() - began
        if counts.settled() or waited > timeout:
            return counts, waited
        time.sleep(2)


# --- the drills ------------------------------------------------------------------------------


@dataclass
class Context:
    stack: prodlike.Stack
    run: str
    accounts: Iterator[str]
    category: str = ""
    window: Browser | None = None

    def prefix(self, drill: str) -> str:
        return f"drill {self.run} {drill} "

    def enterprise(self) -> Browser:
        from demo.parks import DEMO_PASSWORD, park_domain  # noqa: PLC0415 - Django models

        browser = Browser(self.stack, park_domain(PARK))
        browser.login(next(self.accounts), DEMO_PASSWORD)
        if not self.category:
            self.category = browser.appeal_categories()[0]
        return browser

    def window_staff(self) -> Browser:
        from demo.parks import DEMO_PASSWORD, park_domain  # noqa: PLC0415 - Django models

        if self.window is None:
            self.window = Browser(self.stack, park_domain(PARK))
            self.window.login("window", DEMO_PASSWORD)
        return self.window

    def submit_many(self, drill: str, count: int) -> list[str]:
        """`count` appeals, 15 per enterprise (an account may file 30 an hour)."""
        numbers: list[str] = []
        for n in range(count):
            if n % 15 == 0:
                browser = self.enterprise()
            key = str(uuid.uuid4())
            title = f"{self.prefix(drill)}{n}"
            numbers.append(browser.appeal_submit(title=title, key=key, category=self.category))
        return numbers


@dataclass
class Result:
    name: str
    ok: bool
    counts: Ledger | None
    notes: list[str] = field(default_factory=list)


def drill_broker(ctx: Context) -> Result:
    """Stop the broker, accept a burst at the window, start it: the sweeps deliver it all once."""
    count = 20
    numbers = ctx.submit_many("broker", count)
    window = ctx.window_staff()
    broker = required(ctx.stack.broker, "no broker")
    broker.stop()
    say(f"broker stopped; accepting {count} appeals at the window")
    try:
        began = time.monotonic()
        statuses = [window.accept(number) for number in numbers]
        accept_s = time.monotonic() - began
        during = ledger(ctx.prefix("broker"))
    finally:
        broker.start()
    say("broker started again")
    counts, waited = settle(ctx.prefix("broker"))
    notes = [
        f"{count} acceptances with the broker down: {statuses.count(302)} answered 302 in "
        f"{accept_s:.1f} s; meanwhile {during.to_hub_undelivered} of {during.to_hub_written} "
        f"park → hub messages waited in the outbox",
        f"after the restart, settled in {waited:.0f} s",
    ]
    expect(statuses.count(302) == count, f"acceptances answered {set(statuses)}")
    counts.check(appeals=count, accepted=count)
    return Result("broker", True, counts, notes)


def drill_worker(ctx: Context) -> Result:
    """Workers stopped, a burst accepted, workers started and one killed (SIGKILL) mid-burst."""
    count = 30
    numbers = ctx.submit_many("worker", count)
    window = ctx.window_staff()
    stack = ctx.stack
    for number in range(prodlike.CELERY_WORKERS):
        stack.stop_gracefully(f"worker{number + 1}")
    statuses = [window.accept(number) for number in numbers]
    expect(statuses.count(302) == count, f"acceptances answered {set(statuses)}")
    prefix = ctx.prefix("worker")
    waiting = ledger(prefix).to_hub_undelivered
    for number in range(prodlike.CELERY_WORKERS):
        stack.worker_start(number)
    deadline = time.monotonic() + 120
    while ledger(prefix).to_hub_undelivered == waiting:
        expect(time.monotonic() < deadline, "the workers delivered nothing in 120 s")
        time.sleep(0.2)
    stack.kill("worker1")
    at_kill = ledger(prefix)
    say(f"worker1 killed with {at_kill.to_hub_undelivered} messages undelivered")
    stack.worker_start(0)
    counts, waited = settle(prefix)
    notes = [
        f"{waiting} park → hub messages queued with the workers stopped; worker1 SIGKILLed "
        f"after {waiting - at_kill.to_hub_undelivered} of them were delivered",
        f"settled {waited:.0f} s after the kill (worker1 restarted)",
    ]
    expect(at_kill.to_hub_undelivered > 0, "the kill came after the burst, not in it")
    counts.check(appeals=count, accepted=count)
    return Result("worker", True, counts, notes)


@dataclass
class Submitters:
    """Enterprises submitting appeals over HTTP in threads until stopped; a failed submission
    is retried with its one-time key, as the form does on a resubmit."""

    ctx: Context
    drill: str
    threads: int = 4
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: int = 0
    failures: list[tuple[float, str]] = field(default_factory=list)
    given_up: int = 0

    def __post_init__(self) -> None:
        self.browsers = [self.ctx.enterprise() for _ in range(self.threads)]
        self.workers = [
            threading.Thread(target=self._loop, args=(browser, n), daemon=True)
            for n, browser in enumerate(self.browsers)
        ]

    def _loop(self, browser: Browser, thread: int) -> None:
        n = 0
        while not self.stop.is_set():
            if n and n % PER_ACCOUNT == 0:
                # An account may file 30 appeals an hour: the next ten come from another.
                browser = self.ctx.enterprise()
            key = str(uuid.uuid4())
            title = f"{self.ctx.prefix(self.drill)}{thread}-{n}"
            for _attempt in range(10):
                try:
                    browser.appeal_submit(title=title, key=key, category=self.ctx.category)
                except Exception as exc:
                    with self.lock:
                        self.failures.append((time.monotonic(), f"{type(exc).__name__}: {exc}"))
                    time.sleep(1)
                    continue
                with self.lock:
                    self.done += 1
                break
            else:
                with self.lock:
                    self.given_up += 1
            n += 1
            self.stop.wait(PACE_S)

    def reasons(self) -> str:
        with self.lock:
            kinds: dict[str, int] = {}
            for _when, reason in self.failures:
                kinds[reason[:80]] = kinds.get(reason[:80], 0) + 1
        return "; ".join(f"{count}× {reason}" for reason, count in kinds.items()) or "none"

    def __enter__(self) -> Submitters:
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for worker in self.workers:
            worker.join(HTTP_TIMEOUT_S * 10)

    def result(self, *, late: int, late_what: str, notes: list[str]) -> Result:
        """The drill's end: no submission given up, none failed late, the counts exact."""
        counts, _waited = settle(self.ctx.prefix(self.drill))
        notes.append(f"failed attempts: {self.reasons()}")
        expect(self.given_up == 0, f"a submission failed for good: {self.reasons()}")
        expect(late == 0, f"{late} requests failed {late_what}")
        counts.check(appeals=self.done, accepted=0)
        return Result(self.drill, True, counts, notes)

    def failures_after(self, moment: float) -> int:
        with self.lock:
            return sum(1 for when, _ in self.failures if when > moment)


def drill_database(ctx: Context) -> Result:
    """Restart PostgreSQL (fast shutdown) under submissions: failures only during the restart."""
    stack = ctx.stack
    primary = required(stack.primary, "needs the stack's own PostgreSQL (unset DATABASE_URL)")
    with Submitters(ctx, "database") as load:
        time.sleep(5)
        before = load.done
        began = time.monotonic()
        primary.restart()
        back = time.monotonic()
        say(f"PostgreSQL restarted in {back - began:.1f} s")
        time.sleep(15)
        after = time.monotonic()
        time.sleep(10)
    # Connections the nodes held died with the server; the health check replaces each on its
    # next request, so failures may come just after the restart, never 5 s later.
    late = load.failures_after(back + 5)
    notes = [
        f"{load.done} submissions succeeded ({before} before the restart), "
        f"{len(load.failures)} attempts failed (retried with the same key), "
        f"{late} failures later than 5 s after the restart, {load.given_up} given up",
        f"requests in the last 10 s: all answered ({after:.0f} → end)",
    ]
    return load.result(late=late, late_what="after the database was back", notes=notes)


def drill_web(ctx: Context) -> Result:
    """SIGKILL one web node while enterprises submit: the other serves; nothing twice."""
    stack = ctx.stack
    with Submitters(ctx, "web") as load:
        time.sleep(5)
        stack.kill("web1")
        killed = time.monotonic()
        say("web1 killed")
        time.sleep(15)
        during = load.done
        stack.web_start(0)
        time.sleep(5)
    late = load.failures_after(killed + 3)
    notes = [
        f"{load.done} submissions succeeded ({during} by the end of the 15 s on one node), "
        f"{len(load.failures)} attempts failed and were retried, {late} failures later than 3 s "
        f"after the kill, {load.given_up} given up",
    ]
    return load.result(late=late, late_what="after nginx had marked the node down", notes=notes)


def direct(stack: prodlike.Stack, port: int, host: str, path: str, cookies: str = ""):
    """A request to one web node itself, past nginx (as nginx sends it: https was ended there)."""
    import requests  # noqa: PLC0415 - a dev dependency (Locust's); only the drills need it

    headers = {"Host": host, "X-Forwarded-Proto": "https", "X-Real-IP": "127.0.0.1"}
    if cookies:
        headers["Cookie"] = cookies
    return requests.get(
        f"http://127.0.0.1:{port}{path}",
        headers=headers,
        timeout=HTTP_TIMEOUT_S,
        allow_redirects=False,
    )


def drill_nodes(ctx: Context) -> Result:
    """Two nodes, one state: a session made through nginx is good on each node; a park created
    by another process is reached on each (the routing generation lives in the shared cache)."""
    from demo.parks import park_domain  # noqa: PLC0415 - Django models

    stack = ctx.stack
    enterprise = ctx.enterprise()
    cookies = "; ".join(f"{c.name}={c.value}" for c in enterprise.http.cookies)
    signed_in = [
        direct(stack, port, park_domain(PARK), "/appeals/", cookies).status_code
        for port in stack.web_ports
    ]
    anonymous = [
        direct(stack, port, park_domain(PARK), "/appeals/").status_code for port in stack.web_ports
    ]
    slug = f"drill{ctx.run}"
    host = f"{slug}.{stack.env.get('PARK_DOMAIN_SUFFIX', 'localhost')}"
    # Each node asks for the park before it exists (a cached "no such host" must not outlive it).
    before = [direct(stack, port, host, "/").status_code for port in stack.web_ports]
    short_code = "DR" + "".join(chr(ord("A") + int(c, 16) % 26) for c in ctx.run[:4])
    stack.manage(
        "create_park",
        "--slug",
        slug,
        "--name",
        f"演练园区 {ctx.run}",
        "--domain",
        host,
        "--short-code",
        short_code,
    )
    after = [direct(stack, port, host, "/").status_code for port in stack.web_ports]
    through_nginx = Browser(stack, host).get("/").status_code
    notes = [
        f"a session made through nginx, on each node: {signed_in} (without it: {anonymous})",
        f"{host} on each node before create_park: {before}; after: {after}; through nginx: "
        f"{through_nginx}",
    ]
    expect(
        signed_in == [200] * len(stack.web_ports),
        f"the session is not good on every node: {signed_in}",
    )
    expect(all(status == 302 for status in anonymous), f"anonymous got {anonymous}")
    expect(all(status in {400, 404} for status in before), f"an unknown park answered {before}")
    expect(
        after == [200] * len(stack.web_ports), f"the new park not reached on every node: {after}"
    )
    expect(through_nginx == 200, f"the new park through nginx: {through_nginx}")
    return Result("nodes", True, None, notes)


def drill_replica(ctx: Context) -> Result:
    """Dashboards and API lists read from the streaming replica; from the primary while it is
    down; from the replica again once it is back (each process retries after 30 s)."""
    from django.conf import settings  # noqa: PLC0415 - Django is set up by main()

    from core.replica import RETRY_SECONDS  # noqa: PLC0415
    from demo.parks import DEMO_PASSWORD, park_domain  # noqa: PLC0415 - Django models

    stack = ctx.stack
    standby = required(stack.standby, "needs the stack's own replica (unset DATABASE_URL)")
    admin = Browser(stack, settings.HUB_DOMAIN)
    admin.login("admin", DEMO_PASSWORD)
    visitor = Browser(stack, park_domain(PARK))

    def reads(rounds: int = 8) -> dict[str, set[str]]:
        """Which database answered each page (X-Read-From), over a few rounds: every gunicorn
        worker of both nodes gets some."""
        seen: dict[str, set[str]] = {}
        for _ in range(rounds):
            for name, browser, path in (
                ("district dashboard", admin, "/analytics/"),
                ("API district", admin, "/api/v1/analytics/district/"),
                ("API news", visitor, "/api/v1/news/"),
            ):
                answer = browser.get(path)
                expect(answer.status_code == 200, f"{path} answered {answer.status_code}")
                seen.setdefault(name, set()).add(answer.headers.get("X-Read-From", "?"))
        return seen

    up = reads()
    standby.stop()
    down = reads()
    standby.start()
    time.sleep(RETRY_SECONDS + 2)
    back = reads()
    notes = [
        f"replica up: {up}",
        f"replica down: {down}",
        f"replica back ({RETRY_SECONDS} s later): {back}",
    ]
    expect(all(v == {"replica"} for v in up.values()), f"not read from the replica: {up}")
    expect(all(v == {"primary"} for v in down.values()), f"no fallback to the primary: {down}")
    expect(all(v == {"replica"} for v in back.values()), f"the replica not used again: {back}")
    return Result("replica", True, None, notes)


def drill_beat(ctx: Context) -> Result:
    """Beat stopped Friday evening, started Monday morning: what fell due runs once."""
    from portal import faults_weekend as weekend  # noqa: PLC0415 - Django models

    stack = ctx.stack
    stack.stop_gracefully("beat")
    plan = weekend.due_work_create(ctx.prefix("beat"), park=PARK, weekend=WEEKEND)
    idle = weekend.due_work_done(plan)
    expect(not any(idle.counts.values()), f"done without beat: {idle.line()}")
    schedule = stack.state / "celerybeat-schedule"
    schedule_backdate(schedule, WEEKEND)
    stack.beat_start()
    deadline = time.monotonic() + CONVERGE_TIMEOUT_S
    while not (done := weekend.due_work_done(plan)).complete:
        expect(time.monotonic() < deadline, f"beat did not catch up: {done.line()}")
        time.sleep(2)
    # Beat's first round may still be running somewhere: a moment, then exactly once each.
    time.sleep(10)
    done = weekend.due_work_done(plan)
    expect(done.exact, f"not exactly once: {done.line()}")
    # Another round of every periodic task must change nothing.
    weekend.run_again()
    again = weekend.due_work_done(plan)
    notes = [
        f"before beat came back: {idle.line()}",
        f"after the weekend: {done.line()}",
        f"after another round: {again.line()}",
    ]
    expect(again.counts == done.counts, "a second round did the work again")
    counts, _ = settle(ctx.prefix("beat"))
    counts.check(appeals=plan.appeals, accepted=plan.accepted)
    return Result("beat", True, counts, notes)


def schedule_backdate(path, by: timedelta) -> None:
    """Beat's own record of when each task last ran, moved back as if it stopped `by` ago."""
    with contextlib.closing(shelve.open(str(path), writeback=False)) as db:  # noqa: S301 # nosec B301
        entries = db["entries"]
        for entry in entries.values():
            entry.last_run_at = entry.last_run_at - by
        db["entries"] = entries


DRILLS: dict[str, Callable[[Context], Result]] = {
    "broker": drill_broker,
    "worker": drill_worker,
    "database": drill_database,
    "beat": drill_beat,
    "web": drill_web,
    "nodes": drill_nodes,
    "replica": drill_replica,
}


def _accounts() -> Iterator[str]:
    from demo.management.commands.seed_load_users import load_username  # noqa: PLC0415

    n = 0
    while True:
        n += 1
        yield load_username(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal.faults", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("drills", nargs="*", choices=[[], *DRILLS], help="default: all")
    parser.add_argument("--port", type=int, default=0, help="nginx's; default: a free one")
    parser.add_argument("--no-prepare", action="store_true", help=prodlike.NO_PREPARE)
    args = parser.parse_args(argv)
    chosen = args.drills or list(DRILLS)
    embedded.abort_on_stop_signals()
    results: list[Result] = []
    try:
        with prodlike.running(
            port=args.port or embedded._free_port(), replica=True, prepare=not args.no_prepare
        ) as stack:
            os.environ.update(stack.env)
            import django  # noqa: PLC0415 - the stack's settings first

            django.setup()
            from django.core.cache import caches  # noqa: PLC0415 - once Django is set up

            # The stack's own Redis: an earlier run's rate-limit counters (an hour long) would
            # refuse this run's submissions. The cache holds nothing that must survive.
            for alias in ("default", "shared"):
                caches[alias].clear()
            ctx = Context(stack=stack, run=uuid.uuid4().hex[:6], accounts=_accounts())
            for name in chosen:
                say(f"drill {name}")
                try:
                    results.append(DRILLS[name](ctx))
                except DrillFailed as failure:
                    results.append(Result(name, False, None, [f"FAILED: {failure}"]))
                except Exception as error:
                    traceback.print_exc()
                    results.append(Result(name, False, None, [f"ERROR: {error!r}"]))
                stack.wait_healthy(need_beat=False)
    except embedded.LaunchError as exc:
        say(f"error: {exc}")
        return 1
    for result in results:
        print(f"DRILL {result.name}: {'passed' if result.ok else 'FAILED'}")
        for note in result.notes:
            print(f"  {note}")
        if result.counts is not None:
            print(f"  {result.counts.line()}")
    return 0 if results and all(r.ok for r in results) else 1


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
