"""Figures 8 and 9: twenty enterprises booking one service day at once, over HTTP.

gunicorn with WORKERS sync workers (several bookings in flight at once, so the slot's row lock
is really contended) under bench.booking_settings (rate limiting off, see there). CLIENTS
threads, each a requests.Session logged in through /accounts/login/ as its own verified
enterprise of the bench park, all released together:

1. Contention (booking_contention_overbooked): one day of 2 departments × 4 slots × 2 seats
   = 16 seats, one booking per enterprise. Each client tries the slots in its own random order:
   302 → booked; 409 (full) → the next slot; once every slot said 409 it joins a waitlist.
   Expected: 16 booked, 4 waiting.
2. Throughput (booking_rps, booking_ratio): ROUNDS rounds, each on a fresh day (2 × 16 slots
   × 12 seats, 32 bookings allowed per enterprise) where every client posts a booking for every
   slot in its own order (302 booked or 409 full: both are booking requests that took the lock).
   Alternating with them, the same clients GET the trivial view (/bench/ping, the baseline of
   bench/routing.py) as often. A round's rate is its requests / its wall time; the figure is the
   median round, the ratio against the baseline's median round in the same run.

Afterwards the database is audited over every slot of these days: the seat-holding bookings
must be <= capacity and == slot.booked; overbooked is the seats held beyond capacity, summed.
No Celery worker runs: the notices and hub syncs the bookings queue are dropped afterwards.
"""

import random
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable

import requests

from . import appeal_data, booking_data, log, server

HOST = booking_data.HOST
WORKERS = 4
ROUNDS = 3
CONTENTION_SLOTS, CONTENTION_SEATS = 4, 2
LOAD_SLOTS, LOAD_SEATS = 16, 12
BOOKED, FULL, PING_OK = 302, 409, 200
TOPIC = "研发费用加计扣除"
QUESTION = "我们今年委托外部机构做的研发项目，费用能否加计扣除？需要留存哪些备查资料？"


class Client:
    """One enterprise's browser: its cookies, and the CSRF token Django keeps in them."""

    def __init__(self, address: tuple[str, int], username: str) -> None:
        self.base = f"http://{address[0]}:{address[1]}"
        self.username = username
        self.session = requests.Session()
        self.session.headers["Host"] = HOST

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, allow_redirects=False, timeout=60)

    def post(self, path: str, data: dict) -> requests.Response:
        token = self.session.cookies.get("csrftoken", "")
        return self.session.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": token},
            allow_redirects=False,
            timeout=60,
        )

    def log_in(self) -> None:
        self.get("/accounts/login/")
        response = self.post(
            "/accounts/login/", {"username": self.username, "password": booking_data.PASSWORD}
        )
        if response.status_code != 302 or "sessionid" not in self.session.cookies:
            raise RuntimeError(f"login of {self.username}: {response.status_code}")


def run(env: dict[str, str]) -> dict[str, float]:
    usernames = booking_data.enterprises_ensure()
    contention = booking_data.day_create(
        title="基准测试：最后的座位",
        slots=CONTENTION_SLOTS,
        seats=CONTENTION_SEATS,
        per_enterprise=1,
    )
    loads = [
        booking_data.day_create(
            title=f"基准测试：持续预约 {number}",
            slots=LOAD_SLOTS,
            seats=LOAD_SEATS,
            per_enterprise=2 * LOAD_SLOTS,
            start_hour=8,
        )
        for number in range(1, ROUNDS + 1)
    ]
    with server.gunicorn(
        env=env,
        settings_module="bench.booking_settings",
        ready_host=HOST,
        ready_path="/bench/ping",
        workers=WORKERS,
    ) as web:
        clients = [Client(web.address, username) for username in usernames]
        _together(clients, lambda client, _index: client.log_in())
        if clients[0].get(f"/service-days/{contention.pk}/").status_code != 200:
            raise RuntimeError("the service day page does not answer 200")
        outcomes, _seconds = _together(clients, lambda c, i: _contend(c, i, contention))
        rates = _rounds(clients, loads)
    found = booking_data.audit([contention, *loads])
    dropped = appeal_data.queue_purge()
    return _figures(outcomes, rates, found, contention, loads, dropped)


def _together(clients: list[Client], work: Callable) -> tuple[list, float]:
    """work(client, index) in one thread per client, all released at the same moment:
    (results by client, wall seconds until the last one finished)."""
    results: list = [None] * len(clients)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(clients) + 1)

    def one(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work(clients[index], index)
        except Exception as exc:  # re-raised in the bench's thread below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]
    return results, elapsed


def _fields(slot_id: int) -> dict[str, str]:
    return {"slot": str(slot_id), "topic": TOPIC, "question": QUESTION}


def _contend(client: Client, index: int, day: booking_data.Day) -> str:
    """Book any seat of the day, else wait for one: 'booked', 'waiting' or what went wrong."""
    order = list(day.slot_ids)
    random.Random(index).shuffle(order)
    for slot_id in order:
        response = client.post(f"/service-days/{day.pk}/book/", _fields(slot_id))
        if response.status_code == BOOKED:
            location = response.headers.get("Location", "")
            return "booked" if "/service-days/bookings/" in location else f"302 to {location}"
        if response.status_code != FULL:
            return f"book {response.status_code}"
    response = client.post(f"/service-days/{day.pk}/waitlist/", _fields(order[0]))
    return "waiting" if response.status_code == 302 else f"waitlist {response.status_code}"


def _book_every_slot(client: Client, index: int, day: booking_data.Day) -> Counter:
    order = list(day.slot_ids)
    random.Random(f"{day.pk}/{index}").shuffle(order)
    return Counter(
        client.post(f"/service-days/{day.pk}/book/", _fields(slot_id)).status_code
        for slot_id in order
    )


def _ping(client: Client, count: int) -> Counter:
    return Counter(client.get("/bench/ping").status_code for _ in range(count))


def _rounds(clients: list[Client], loads: list[booking_data.Day]) -> dict[str, list]:
    """Booking rounds and ping rounds in alternating order: {kind: [(Counter, seconds)]}."""
    rates: dict[str, list] = {"book": [], "ping": []}
    for number, day in enumerate(loads, start=1):
        phases = [
            ("ping", lambda c, _i, day=day: _ping(c, len(day.slot_ids))),
            ("book", lambda c, i, day=day: _book_every_slot(c, i, day)),
        ]
        for kind, work in phases if number % 2 else reversed(phases):
            counts, seconds = _together(clients, work)
            rates[kind].append((sum(counts, Counter()), seconds))
        (book, book_s), (ping, ping_s) = rates["book"][-1], rates["ping"][-1]
        log(
            f"booking round {number}/{len(loads)}: {book.total() / book_s:.0f} booking req/s "
            f"({dict(book)}), trivial view {ping.total() / ping_s:.0f} req/s"
        )
    return rates


def _figures(outcomes, rates, found, contention, loads, dropped) -> dict[str, float]:
    results = Counter(outcomes)
    booking_statuses = sum((counts for counts, _s in rates["book"]), Counter())
    unexpected = sum(n for status, n in booking_statuses.items() if status not in (BOOKED, FULL))
    ping_statuses = sum((counts for counts, _s in rates["ping"]), Counter())
    if set(ping_statuses) != {PING_OK}:
        raise RuntimeError(f"trivial view answered {dict(ping_statuses)}")
    expected = min(contention.seats, len(outcomes)) + sum(
        min(day.seats, len(outcomes) * len(day.slot_ids)) for day in loads
    )
    book_rps = statistics.median(counts.total() / seconds for counts, seconds in rates["book"])
    ping_rps = statistics.median(counts.total() / seconds for counts, seconds in rates["ping"])
    log(
        f"booking contention: {dict(results)} for {contention.seats} seats; audit: "
        f"{found.overbooked} overbooked, {found.miscounted} miscounted slots, "
        f"{found.bookings} bookings (expected {expected}), {found.waiting} waiting; "
        f"{unexpected} unexpected answers; {dropped} queued tasks dropped"
    )
    if booking_statuses[BOOKED] + results["booked"] != found.bookings:
        log(
            f"WARNING: {booking_statuses[BOOKED]} + {results['booked']} 302s, {found.bookings} held"
        )
    return {
        "booking_contention_overbooked": found.overbooked,
        "booking_rps": book_rps,
        "booking_ratio": book_rps / ping_rps,
        "booking_trivial_rps": ping_rps,
        "booking_contention_booked": results["booked"],
        "booking_contention_waiting": results["waiting"],
        "booking_miscounted_slots": found.miscounted,
        "booking_unexpected_answers": unexpected
        + len(outcomes)
        - results["booked"]
        - results["waiting"],
    }
