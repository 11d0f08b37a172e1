"""`manage.py seed_load`: appeals at real volume (压测数据), for the benchmark and for anyone who
wants to see the dashboards under load.

`--parks N --appeals M` spreads M appeals over parks `load01..loadNN` (real tenants, made with
`tenants.services.park_create`) and the last `--years` years up to today: submitted on working
days of the official calendar (调休 included, a few on days off), more in some months and
categories, each playing the appeal journey of DESIGN.md with the detours real appeals take
(补正, 转办, 退单 and re-dispatch, 补充材料 pauses, extensions, 重办), cut off at the present, so
recent appeals are still open. It writes straight into the hub's tables with COPY what that
journey leaves there: a window record per appeal, a case with its arrivals, answers, pauses and
extensions per accepted appeal, with the appraisal facts `onewindow.facts.case_facts` would
compute, and a few service days per park and month. Nothing is written into the parks' own
schemas but their window staff; no timeline events, messages or notices.

The work goes in chunks of one park and one month, each in one transaction; a chunk whose
rows exist is skipped, so an interrupted run continues where it stopped and a second run adds
nothing. Every chunk draws from its own random generator (seed, park, month), so a resumed
run writes what an uninterrupted one would have.
"""

import time

from django.core.management.base import OutputWrapper
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django_tenants.utils import schema_context

from core.tasks import tasks_muted
from core.workdays import WorkingCalendar
from onewindow.models import (
    Case,
    CaseAnswer,
    CaseArrival,
    CasePause,
    ExtensionRequest,
    HubBooking,
    HubServiceDay,
    WindowRecord,
)

from .chunks import ChunkWriter, chunk_done
from .days import ONE_DAY, Days, years_before
from .journey import Journey
from .plan import Chunk, plan
from .world import Hub, LoadPark, hub_load, load_park

TABLES: tuple[type[Model], ...] = (WindowRecord, Case, CaseArrival, CaseAnswer, CasePause)
TABLES += (ExtensionRequest, HubServiceDay, HubServiceDay.departments.through, HubBooking)


def load_run(
    *, parks: int, appeals: int, seed: int, years: int, stdout: OutputWrapper, stderr: OutputWrapper
) -> None:
    """Load `appeals` appeals into parks load01..load<parks> over the last `years` years; the
    progress goes to `stderr`, the summary to `stdout`."""
    started = time.monotonic()
    with tasks_muted(), schema_context("public"):
        hub = hub_load()
        load_parks = _parks(parks, seed, hub, stderr)
        now = timezone.now()
        today = timezone.localdate(now)
        first = years_before(today, years) + ONE_DAY
        days = Days(WorkingCalendar.load(), first - 31 * ONE_DAY, today + 400 * ONE_DAY)
        chunks = plan(load_parks, days, first, today, seed=seed, appeals=appeals)
        loading = time.monotonic()
        counts = _load(chunks, days, hub, now, seed, stderr)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(m._meta.db_table for m in TABLES))
    _summary(counts, stdout, started=started, loading=loading)


def _parks(count: int, seed: int, hub: Hub, stderr: OutputWrapper) -> list[LoadPark]:
    parks = []
    for number in range(1, count + 1):
        moment = time.monotonic()
        park, created = load_park(number, seed=seed, categories=hub.categories)
        if created:
            stderr.write(f"park {park.park.slug} created in {time.monotonic() - moment:.1f} s")
        parks.append(park)
    return parks


def _load(
    chunks: list[Chunk], days: Days, hub: Hub, now, seed: int, stderr: OutputWrapper
) -> dict[str, int]:
    progress = Progress(stderr, sum(chunk.appeals for chunk in chunks))
    counts: dict[str, int] = {"appeals": 0}
    for chunk in chunks:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            # Two runs at once take turns on a chunk instead of writing it twice.
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [chunk.park.park.pk, chunk.yyyymm]
            )
            if chunk_done(cursor, chunk):
                progress.advance(chunk.appeals, skipped=True)
                continue
            journey = Journey(days=days, hub=hub, now=now, rng=chunk.rng(seed))
            for name, count in ChunkWriter(journey, chunk).write(cursor).items():
                counts[name] = counts.get(name, 0) + count
        counts["appeals"] += chunk.appeals
        progress.advance(chunk.appeals)
    progress.close()
    return counts


def _summary(
    counts: dict[str, int], stdout: OutputWrapper, *, started: float, loading: float
) -> None:
    elapsed = time.monotonic() - started
    load = time.monotonic() - loading
    rows = sum(count for name, count in counts.items() if name != "appeals")
    stdout.write(", ".join(f"{name}: {count:,}" for name, count in counts.items()))
    stdout.write(
        f"seed_load: {counts['appeals']:,} appeals ({rows:,} rows) in {elapsed:.1f} s"
        f" ({load:.1f} s writing: {counts['appeals'] / max(load, 1e-9):,.0f} appeals/s,"
        f" {rows / max(load, 1e-9):,.0f} rows/s)"
    )


class Progress:
    """A progress line on stderr: redrawn in place on a terminal, every 10 % elsewhere."""

    def __init__(self, stream, total: int):
        self.stream, self.total = stream, total
        self.done = self.written = 0
        self.started = self.shown = time.monotonic()
        self.tty = stream.isatty()
        self.step = -1

    def advance(self, appeals: int, *, skipped: bool = False) -> None:
        self.done += appeals
        self.written += 0 if skipped else appeals
        now = time.monotonic()
        step = 10 * self.done // max(self.total, 1)
        if (self.tty and now - self.shown >= 0.25) or (not self.tty and step > self.step):
            self.shown, self.step = now, step
            self._show(now)

    def close(self) -> None:
        if self.tty:
            self._show(time.monotonic())
            self.stream.write("")

    def _show(self, now: float) -> None:
        rate = self.written / max(now - self.started, 1e-9)
        left = (self.total - self.done) / rate if rate else 0
        filled = 30 * self.done // max(self.total, 1)
        line = (
            f"seed_load [{'#' * filled}{'.' * (30 - filled)}] {self.done:,}/{self.total:,}"
            f" appeals, {rate:,.0f}/s, {left:.0f} s left"
        )
        self.stream.write(f"\r{line}" if self.tty else line, ending="")
        if not self.tty:
            self.stream.write("")
        self.stream.flush()
