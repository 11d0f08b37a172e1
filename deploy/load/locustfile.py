"""ParkPortal under load (`make load`): five journeys of simulated people, for Locust.

    locust -f deploy/load/locustfile.py --headless --host http://127.0.0.1:PORT ...
    (or `python deploy/load/run.py --base-url ...`, which runs this and prints the table)

The journeys (one User class each; every request is named "<journey>: <step>", so Locust's
statistics come out per step and `<csv prefix>_journeys.csv` per journey):

    browse    anonymous: park home, policy library searched with q=, a policy, the news
    submit    an enterprise files an appeal with a PDF, then looks its progress up at /track/
              without logging in (tracking number + the enterprise's registered mobile)
    window    a park's window clerk accepts an appeal awaiting acceptance
    liaison   a department's liaison at the hub signs for a dispatched case and answers it
    booking   an enterprise books a seat on a service day, looks at it and cancels it

Every request goes to the one base URL (nginx, or gunicorn directly) with the Host header of
the park or of the hub, and with its simulated person's own client address in X-Forwarded-For
and X-Real-IP, so the per-address limits (logins, progress lookups) count each person apart.
Enterprises sign in as load-ent-NNN (`manage.py seed_load_users`), one account per simulated
enterprise: appeals are limited per account. Staff sign in with the demo personas.

Settings from the environment (run.py sets the first two from the number of users):
LOAD_WINDOW_USERS (5: one clerk per park at most, so no two accept the same appeal),
LOAD_LIAISON_USERS (3: one per department), LOAD_ACCOUNTS (40: load-ent accounts per park),
LOAD_MAX_APPEALS (10: appeals per simulated enterprise in a run; the limit is 30 an hour),
LOAD_HUB_HOST (localhost), LOAD_PARK_SUFFIX (localhost), LOAD_PARKS (the demo parks),
LOAD_SCHEME (http: the scheme the site sees, for the Referer of posts), LOAD_PASSWORD.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import os
import random
import re
import time
import uuid
from collections.abc import Callable
from http.cookiejar import DefaultCookiePolicy
from types import SimpleNamespace
from typing import Any

from locust import HttpUser, between, events, task
from locust.clients import HttpSession
from locust.env import Environment
from locust.stats import PERCENTILES_TO_REPORT, RequestStats, StatsCSV


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# The demo (demo/parks.py PARKS, DEMO_PASSWORD; settings HUB_DOMAIN, PARK_DOMAIN_SUFFIX);
# tests/portal/test_load_locustfile.py keeps these in step with it.
DEMO_PARKS = ("tiananyungu", "dayun", "baolong", "zhonghaixin", "shumacheng")
PARKS = tuple(p for p in os.environ.get("LOAD_PARKS", ",".join(DEMO_PARKS)).split(",") if p)
HUB_HOST = os.environ.get("LOAD_HUB_HOST", "localhost")
PARK_SUFFIX = os.environ.get("LOAD_PARK_SUFFIX", "localhost")
PASSWORD = os.environ.get("LOAD_PASSWORD", "demo-2026")
SCHEME = os.environ.get("LOAD_SCHEME", "http")
ACCOUNTS_PER_PARK = _env_int("LOAD_ACCOUNTS", 40)
MAX_APPEALS = _env_int("LOAD_MAX_APPEALS", 10)
LOOKUP_INTERVAL_S = 7.0
# Liaisons of the departments the demo's categories route to, busiest first.
LIAISONS = ("gxj", "fgj", "zsj", "sjj", "kcj", "rlj", "ghj", "swj", "sfj")

POLICY_QUERIES = ("数字", "人才", "融资", "高新", "算力", "补贴", "软件")
# The smallest file the upload check takes for a PDF (the kind is read from the content).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TRACKING_RE = re.compile(r"/appeals/([A-Z]{2,6}-\d{8}-\d{4,6})/")
QUEUE_RE = re.compile(r'href="/office/appeals/([A-Z]{2,6}-\d{8}-\d{4,6})/"')
CASE_RE = re.compile(r'href="/cases/(\d+)/"')
DAY_RE = re.compile(r'href="/service-days/(\d+)/"')
SLOT_RE = re.compile(r'name="slot" value="(\d+)"')
BOOKING_RE = re.compile(r'href="/service-days/bookings/([^/"]+)/"')
BOOKED_RE = re.compile(r"/service-days/bookings/([^/]+)/$")
POLICY_RE = re.compile(r'href="(/policies/[a-z0-9-]+/)"')
NEWS_RE = re.compile(r'href="(/news/[a-z0-9-]+/)"')
CATEGORY_SELECT_RE = re.compile(r'<select name="category".*?</select>', re.S)
OPTION_RE = re.compile(r'<option value="(\d+)"')
MOBILE_RE = re.compile(r'name="contact_mobile" value="(\d+)"')


def park_host(slug: str) -> str:
    return f"{slug}.{PARK_SUFFIX}"


# --- who is who: addresses, parks, accounts (one process: plain counters) ---------------------

_addresses = itertools.count(random.randrange(1 << 16))
_parks = itertools.count()
_windows = itertools.count()
_liaisons = itertools.count()
# Per park, the next load-ent account, from a random start: a run soon after another mostly
# takes other accounts, whose hourly appeal budget is untouched.
_accounts = {slug: itertools.count(random.randrange(ACCOUNTS_PER_PARK)) for slug in PARKS}


def next_address() -> str:
    """A client address of its own for each simulated person: 10.x.y.z."""
    n = next(_addresses) % (1 << 24)
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{max(n & 255, 1)}"


def next_account(slug: str) -> str:
    return f"load-ent-{next(_accounts[slug]) % ACCOUNTS_PER_PARK + 1:03d}"


class AnyScheme(DefaultCookiePolicy):
    """Sends cookies marked Secure over plain http: the production settings mark the session
    and CSRF cookies Secure, and behind a TLS-terminating proxy on this machine the test
    talks plain http to it."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class RefusedError(Exception):
    """A step's answer was not what the journey needed; the rest of the iteration is skipped."""


# --- the base: one site, one address, named steps ----------------------------------------------


class PortalUser(HttpUser):
    abstract = True
    journey = ""

    def on_start(self) -> None:
        self.site = self.choose_site()
        self.address = next_address()
        self.client = self.session_for_site()

    def choose_site(self) -> str:
        return park_host(PARKS[next(_parks) % len(PARKS)])

    def session_for_site(self) -> HttpSession:
        """A cookie jar of its own, every request with the site's Host and the address. (The jar
        files cookies under the base URL's host: one session talks to one site only.)"""
        session = HttpSession(self.host, self.environment.events.request, self)
        session.cookies.set_policy(AnyScheme())
        # The prod-like stack's certificate is self-signed; and the machine's REQUESTS_CA_BUNDLE
        # would beat `verify = False` unless the environment is left out.
        session.trust_env = False
        session.verify = False
        session.headers.update(
            {"Host": self.site, "X-Forwarded-For": self.address, "X-Real-IP": self.address}
        )
        return session

    def step(
        self,
        step: str,
        path: str,
        *,
        method: str = "GET",
        expect: tuple[int, ...] = (200,),
        session: HttpSession | None = None,
        check: Callable[[Any], str] | None = None,
        **kwargs: Any,
    ):
        """One request, named "<journey>: <step>"; an answer not in `expect`, or one `check`
        finds wrong (it returns what is wrong, or ""), is a failure and ends the iteration.
        Redirects are not followed: a 302 is checked where it is wanted."""
        with (session or self.client).request(
            method,
            path,
            name=f"{self.journey}: {step}",
            catch_response=True,
            allow_redirects=False,
            **kwargs,
        ) as response:
            if response.status_code not in expect:
                where = response.headers.get("Location", "")
                wrong = f"{response.status_code} {where}".strip()
            else:
                wrong = check(response) if check else ""
            if not wrong:
                response.success()
                return response
            response.failure(wrong)
        raise RefusedError(step)

    def post(self, step: str, path: str, form_page, data: dict, **kwargs: Any):
        """Post a form read from `form_page`, with its CSRF token (field, header and Referer)."""
        match = CSRF_RE.search(form_page.text)
        token = match.group(1) if match else ""
        headers = {
            "X-CSRFToken": token,
            "Referer": f"{SCHEME}://{self.site}{form_page.request.path_url}",
        }
        data = {"csrfmiddlewaretoken": token, **data}
        kwargs.setdefault("expect", (302,))
        return self.step(step, path, method="POST", data=data, headers=headers, **kwargs)

    def log_in(self, username: str) -> None:
        form = self.step("login form", "/accounts/login/")
        self.post("login", "/accounts/login/", form, {"username": username, "password": PASSWORD})

    def run_steps(self, steps) -> None:
        with contextlib.suppress(RefusedError):  # counted as the failure of its step
            steps()


class SignedInUser(PortalUser):
    abstract = True

    def username(self) -> str:
        raise NotImplementedError

    def on_start(self) -> None:
        super().on_start()
        self.signed_in = False

    def ensure_signed_in(self) -> None:
        if not self.signed_in:
            self.log_in(self.username())
            self.signed_in = True


# --- the journeys --------------------------------------------------------------------------


class BrowseUser(PortalUser):
    """Anonymous: the park's home, its policy library searched, a policy, the news."""

    journey = "browse"
    weight = 6
    wait_time = between(1, 4)

    @task(3)
    def home(self) -> None:
        self.run_steps(lambda: self.step("home", "/"))

    @task(3)
    def policies(self) -> None:
        def steps() -> None:
            query = random.choice(POLICY_QUERIES)
            found = self.step("policies ?q=", "/policies/", params={"q": query})
            listed = POLICY_RE.findall(found.text) or POLICY_RE.findall(
                self.step("policies", "/policies/").text
            )
            if listed:
                self.step("policy", random.choice(listed))

        self.run_steps(steps)

    @task(2)
    def news(self) -> None:
        def steps() -> None:
            articles = NEWS_RE.findall(self.step("news", "/news/").text)
            if articles:
                self.step("news article", random.choice(articles))

        self.run_steps(steps)


class SubmitUser(SignedInUser):
    """An enterprise files appeals with a file attached, then looks each one up without
    logging in: /track/ with the tracking number and its registered mobile."""

    journey = "submit"
    weight = 3
    wait_time = between(2, 6)

    def on_start(self) -> None:
        super().on_start()
        self.account = next_account(self.site.split(".")[0])
        self.filed: list[tuple[str, str]] = []
        self.lookup = self.session_for_site()  # anonymous: cookies of its own
        self.looked_up_at = -LOOKUP_INTERVAL_S

    def username(self) -> str:
        return self.account

    @task(3)
    def submit(self) -> None:
        if len(self.filed) >= MAX_APPEALS:
            self.run_steps(lambda: self.step("my appeals", "/appeals/"))
            return
        self.run_steps(self._submit)

    def _submit(self) -> None:
        self.ensure_signed_in()
        form = self.step("new appeal form", "/appeals/new/", check=_appeal_form_wrong)
        categories, mobile = _appeal_form_fields(form.text)
        data = {
            "category": random.choice(categories),
            "title": f"压测诉求 {uuid.uuid4().hex[:8]}",
            "description": "负载测试提交的诉求：园区企业希望了解相关政策的申报条件与办理时限。",
            "contact_name": "压测联系人",
            "contact_mobile": mobile,
            "submission_key": str(uuid.uuid4()),
        }
        files = {"attachments": ("营业执照.pdf", PDF, "application/pdf")}

        def no_tracking_number(response) -> str:
            found = TRACKING_RE.search(response.headers.get("Location", ""))
            return "" if found else "no tracking number in the redirect"

        filed = self.post(
            "submit", "/appeals/new/", form, data, files=files, check=no_tracking_number
        )
        location = filed.headers["Location"]
        self.filed.append((TRACKING_RE.search(location).group(1), mobile))  # type: ignore[union-attr]
        self.step("submitted", location)

    @task(2)
    def track(self) -> None:
        # A person looks up now and then; more than 10 lookups a minute from one address are
        # refused (429), so one looks again only after LOOKUP_INTERVAL_S.
        if self.filed and time.monotonic() - self.looked_up_at >= LOOKUP_INTERVAL_S:
            self.looked_up_at = time.monotonic()
            self.run_steps(lambda: self._track(*random.choice(self.filed)))

    def _track(self, tracking_number: str, mobile: str) -> None:
        form = self.step("track form", "/track/", session=self.lookup)
        data = {"tracking_number": tracking_number, "mobile": mobile}

        def not_found(response) -> str:
            shown = f"<dd>{tracking_number}</dd>" in response.text
            return "" if shown else "the lookup did not find the appeal"

        self.post(
            "track lookup",
            "/track/",
            form,
            data,
            expect=(200,),
            session=self.lookup,
            check=not_found,
        )


def _appeal_form_fields(page: str) -> tuple[list[str], str]:
    """The category choices of the appeal form and the mobile it is filled in with (the
    enterprise's registered one, which the progress lookup asks for)."""
    select = CATEGORY_SELECT_RE.search(page)
    mobile = MOBILE_RE.search(page)
    return OPTION_RE.findall(select.group(0) if select else ""), mobile.group(1) if mobile else ""


def _appeal_form_wrong(response) -> str:
    categories, mobile = _appeal_form_fields(response.text)
    return "" if categories and mobile else "no category or no contact mobile on the appeal form"


class WindowUser(SignedInUser):
    """A park's window clerk (the demo's `window`) accepts appeals awaiting acceptance. One
    clerk per park: two would now and then reach for the same appeal."""

    journey = "window"
    fixed_count = _env_int("LOAD_WINDOW_USERS", 5)
    wait_time = between(2, 5)

    def choose_site(self) -> str:
        return park_host(PARKS[next(_windows) % len(PARKS)])

    def username(self) -> str:
        return "window"

    @task
    def accept(self) -> None:
        self.run_steps(self._accept)

    def _accept(self) -> None:
        self.ensure_signed_in()
        queue = self.step("queue", "/office/appeals/", params={"status": "submitted"})
        waiting = QUEUE_RE.findall(queue.text)
        if not waiting:
            return
        tracking_number = random.choice(waiting)
        detail = self.step("appeal", f"/office/appeals/{tracking_number}/")
        accept = f"/office/appeals/{tracking_number}/accept/"
        if f'action="{accept}"' in detail.text:
            # Category and department left empty: the enterprise's choice, the district routing.
            self.post("accept", accept, detail, {"category": "", "department": "", "note": ""})


class LiaisonUser(SignedInUser):
    """A department's liaison at the hub signs for a dispatched case and answers it (or
    answers one signed for earlier). One per department: cases are the department's."""

    journey = "liaison"
    fixed_count = _env_int("LOAD_LIAISON_USERS", 3)
    wait_time = between(2, 5)

    def choose_site(self) -> str:
        return HUB_HOST

    def on_start(self) -> None:
        super().on_start()
        self.department = LIAISONS[next(_liaisons) % len(LIAISONS)]

    def username(self) -> str:
        return f"liaison-{self.department}"

    @task
    def handle(self) -> None:
        self.run_steps(self._handle)

    def _handle(self) -> None:
        self.ensure_signed_in()
        for status in ("dispatched", "in_progress"):
            listed = self.step(f"cases {status}", "/cases/", params={"status": status})
            cases = CASE_RE.findall(listed.text)
            if cases:
                self._answer(random.choice(cases))
                return

    def _answer(self, pk: str) -> None:
        detail = self.step("case", f"/cases/{pk}/")
        if f'action="/cases/{pk}/sign/"' in detail.text:
            self.post("sign", f"/cases/{pk}/sign/", detail, {})
            detail = self.step("case", f"/cases/{pk}/")
        if f'action="/cases/{pk}/answer/"' in detail.text:
            text = "经核查，贵企业反映的问题已按相关政策办理，具体事项请与我局联系。"
            self.post("answer", f"/cases/{pk}/answer/", detail, {"text": text})


class BookingUser(SignedInUser):
    """An enterprise books a seat on an open service day, looks at its booking, cancels it."""

    journey = "booking"
    weight = 2
    # About 9 bookings a minute at most: an account may book 60 times an hour.
    wait_time = between(4, 10)

    def on_start(self) -> None:
        super().on_start()
        self.account = next_account(self.site.split(".")[0])
        # Bookings an earlier run left (stopped between booking and cancelling) are cancelled,
        # or the day's limit per enterprise would refuse this run's.
        self.run_steps(self._cancel_left_over)

    def username(self) -> str:
        return self.account

    def _cancel_left_over(self) -> None:
        self.ensure_signed_in()
        mine = self.step("mine", "/service-days/mine/")
        for code in set(BOOKING_RE.findall(mine.text)):
            self._cancel_if_open(code)

    def _cancel_if_open(self, code: str) -> None:
        booking = self.step("booking", f"/service-days/bookings/{code}/")
        cancel = f"/service-days/bookings/{code}/cancel/"
        if f'action="{cancel}"' in booking.text:
            self.post("cancel", cancel, booking, {})

    @task
    def book(self) -> None:
        self.run_steps(self._book)

    def _book(self) -> None:
        self.ensure_signed_in()
        days = DAY_RE.findall(self.step("calendar", "/service-days/").text)
        random.shuffle(days)
        for pk in days[:3]:
            day = self.step("day", f"/service-days/{pk}/")
            slots = SLOT_RE.findall(day.text)
            if f'action="/service-days/{pk}/book/"' in day.text and slots:
                self._book_slot(pk, day, random.choice(slots))
                return

    def _book_slot(self, pk: str, day, slot: str) -> None:
        data = {"slot": slot, "topic": "研发费用加计扣除", "question": "负载测试：请介绍申报流程。"}
        # 409: the slot filled up meanwhile, which the page answers (with its waitlist).
        booked = self.post("book", f"/service-days/{pk}/book/", day, data, expect=(302, 409))
        code = BOOKED_RE.search(booked.headers.get("Location", ""))
        if code:
            self._cancel_if_open(code.group(1))


# --- per journey: <csv prefix>_journeys.csv, in Locust's own stats format ----------------------

_environment: Environment | None = None


@events.init.add_listener
def _remember(environment: Environment, **_kwargs: Any) -> None:
    global _environment
    _environment = environment


@events.quit.add_listener
def _write_journeys(**_kwargs: Any) -> None:
    """The steps of each journey merged (their response times too, so the percentiles are the
    journey's own), written once the run has stopped."""
    options = getattr(_environment, "parsed_options", None)
    prefix = getattr(options, "csv_prefix", None)
    if _environment is None or not prefix:
        return
    with open(f"{prefix}_journeys.csv", "w", newline="") as out:
        StatsCSV(
            SimpleNamespace(stats=journey_stats(_environment.stats)), PERCENTILES_TO_REPORT
        ).requests_csv(csv.writer(out))


def journey_stats(stats: RequestStats) -> RequestStats:
    """Locust's statistics of every "<journey>: <step>" merged into one entry per journey."""
    merged = RequestStats()
    for entry in stats.entries.values():
        merged.get(entry.name.split(":", 1)[0], "JOURNEY").extend(entry)
    merged.total.extend(stats.total)
    return merged
