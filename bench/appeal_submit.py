"""Figure 7: the enterprise's appeal form POST (/appeals/new/) against a trivial view.

One gunicorn (sync, one worker) under bench.settings_appeals (bench.settings_bench with rate
limiting off, see there) serves the bench park. The enterprise logs in through
/accounts/login/ like a browser; then one client cycles request by request between the trivial
view (/bench/ping, the baseline of bench/routing.py) and a POST of the appeal form: multipart
like a browser's (an empty file part for "attachments"), a fresh submission_key each time, the
session's CSRF token. Every POST must answer 302 to /appeals/<tracking number>/submitted/ (the
redirect itself is not followed); the number of new appeals is checked against the 302s.
Rates are 1 / the median request time (see bench/routing.py for why).

No Celery worker runs here: the window-staff notification each appeal queues waits in the
bench's own queue and is dropped afterwards.
"""

import http.client
import re
import statistics
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from . import appeal_data, load, log, server

HOST = appeal_data.HOST
ROUNDS = 3
ROUND_SECONDS = 3.0
PING, SUBMIT = "ping", "submit"
SUBMITTED = re.compile(r"^/appeals/[A-Z]{2,6}-\d{8}-\d{4,6}/submitted/$")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DESCRIPTION = (
    "我司计划在园区内扩建一条智能制造生产线，需办理建设工程规划许可和环评手续。"
    "请问：一、扩建部分的环评属于报告表还是登记表？二、规划许可能否与施工许可并联办理？"
    "三、园区是否有对应的技改补贴，申报窗口何时开放？恳请相关部门予以指导。"
)


def run(env: dict[str, str]) -> dict[str, float]:
    actors = appeal_data.ensure()
    before = _appeal_count(actors)
    latencies: dict[str, list[float]] = {PING: [], SUBMIT: []}
    posted = 0
    with server.gunicorn(
        env=env, settings_module="bench.settings_appeals", ready_host=HOST, ready_path="/bench/ping"
    ) as web:
        session = _log_in(web.address)
        posted += _submit_once_checked(web.address, session, actors.category_id)
        # Warm up: imports, URL resolvers, templates, the database connection.
        _results, count = _interleaved(web.address, session, actors.category_id, 1.0)
        posted += count
        for number in range(1, ROUNDS + 1):
            results, count = _interleaved(web.address, session, actors.category_id, ROUND_SECONDS)
            posted += count
            for name, values in results.items():
                latencies[name].extend(values)
            log(
                f"appeal submit round {number}/{ROUNDS}: "
                + ", ".join(
                    f"{name} {1 / statistics.median(values):.0f} req/s"
                    for name, values in results.items()
                )
            )
    created = _appeal_count(actors) - before
    dropped = appeal_data.queue_purge()
    if created != posted:
        raise RuntimeError(f"{posted} POSTs answered 302 but {created} appeals were created")
    rps = {name: 1 / statistics.median(values) for name, values in latencies.items()}
    submit_ms = sorted(1000 * value for value in latencies[SUBMIT])
    log(
        f"appeal submit: {len(latencies[SUBMIT])} timed POSTs ({created} appeals in all, "
        f"{dropped} queued notifications dropped); median POST {1000 / rps[SUBMIT]:.1f} ms, "
        f"p95 {submit_ms[int(0.95 * (len(submit_ms) - 1))]:.1f} ms; "
        f"median ping {1000 / rps[PING]:.2f} ms"
    )
    return {
        "appeal_submit_ratio": rps[SUBMIT] / rps[PING],
        "appeal_submit_rps": rps[SUBMIT],
        "appeal_submit_trivial_rps": rps[PING],
    }


def _appeal_count(actors: appeal_data.Actors) -> int:
    from django_tenants.utils import schema_context

    from appeals.models import Appeal

    with schema_context(appeal_data.PARK):
        return Appeal.objects.filter(enterprise_id=actors.enterprise_id).count()


class Session:
    """The browser's cookies and the CSRF token of its forms."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.token = ""

    def header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def update(self, response: http.client.HTTPResponse, body: bytes) -> None:
        for line in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                self.cookies[name] = morsel.value
        match = TOKEN.search(body.decode("utf-8", "replace"))
        if match:
            self.token = match.group(1)


def _http(address, session: Session, method: str, path: str, body: bytes = b"", **headers):
    """One request with http.client (the untimed steps): (status, Location, body)."""
    connection = http.client.HTTPConnection(*address, timeout=30)
    try:
        connection.request(
            method,
            path,
            body=body or None,
            headers={"Host": HOST, "Cookie": session.header(), **headers},
        )
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    session.update(response, data)
    return response.status, response.getheader("Location", ""), data


def _log_in(address) -> Session:
    """Log the enterprise in through the login form; returns a session on the appeal form."""
    session = Session()
    status, _location, _body = _http(address, session, "GET", "/accounts/login/")
    if status != 200 or not session.token:
        raise RuntimeError(f"login page: {status}, token {bool(session.token)}")
    form = urlencode(
        {
            "csrfmiddlewaretoken": session.token,
            "username": appeal_data.ENTERPRISE_MOBILE,
            "password": appeal_data.PASSWORD,
            "next": "/appeals/new/",
        }
    ).encode()
    status, location, _body = _http(
        address,
        session,
        "POST",
        "/accounts/login/",
        form,
        **{"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}"},
    )
    if status != 302 or location != "/appeals/new/" or "sessionid" not in session.cookies:
        raise RuntimeError(f"login: {status} -> {location!r}, cookies {sorted(session.cookies)}")
    status, _location, body = _http(address, session, "GET", "/appeals/new/")
    if status != 200 or b'name="submission_key"' not in body:
        raise RuntimeError(f"appeal form: {status}")
    return session


def _form(session: Session, category_id: int) -> tuple[str, bytes]:
    """(Content-Type, body) of the appeal form as a browser posts it, with a new key."""
    boundary = f"----ParkPortalBench{uuid.uuid4().hex}"
    fields = {
        "csrfmiddlewaretoken": session.token,
        "category": str(category_id),
        "title": "扩建生产线的环评与规划许可咨询",
        "description": DESCRIPTION,
        "contact_name": "李经理",
        "contact_mobile": appeal_data.ENTERPRISE_MOBILE,
        "submission_key": str(uuid.uuid4()),
    }
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    # No file chosen: a browser still sends the part, with an empty file name.
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; filename=""\r\n'
        "Content-Type: application/octet-stream\r\n\r\n\r\n"
    )
    parts.append(f"--{boundary}--\r\n")
    return f"multipart/form-data; boundary={boundary}", "".join(parts).encode("utf-8")


def _raw_post(session: Session, category_id: int) -> bytes:
    """One raw HTTP request of the form POST (for load._exchange)."""
    content_type, body = _form(session, category_id)
    head = (
        f"POST /appeals/new/ HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: parkportal-bench\r\n"
        f"Accept: text/html\r\nOrigin: http://{HOST}\r\nCookie: {session.header()}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode("ascii")
    return head + body


def _submit_once_checked(address, session: Session, category_id: int) -> int:
    """One POST through http.client, its redirect and the page it leads to checked."""
    content_type, body = _form(session, category_id)
    headers = {"Content-Type": content_type, "Origin": f"http://{HOST}"}
    status, location, _data = _http(address, session, "POST", "/appeals/new/", body, **headers)
    if status != 302 or not SUBMITTED.match(location):
        raise RuntimeError(f"appeal POST: {status} -> {location!r}")
    status, _location, _data = _http(address, session, "GET", location)
    if status != 200:
        raise RuntimeError(f"submitted page {location}: {status}")
    return 1


def _interleaved(address, session: Session, category_id: int, seconds: float):
    """ping, POST, POST, ping, ping, POST, ...: ({name: request times}, successful POSTs)."""
    ping = load._raw_request(HOST, "/bench/ping")
    latencies: dict[str, list[float]] = {PING: [], SUBMIT: []}
    expected = {PING: 200, SUBMIT: 302}
    deadline = time.perf_counter() + seconds
    cycle = 0
    while time.perf_counter() < deadline:
        payloads = {PING: ping, SUBMIT: _raw_post(session, category_id)}
        order = (PING, SUBMIT) if cycle % 2 == 0 else (SUBMIT, PING)
        cycle += 1
        for name in order:
            started = time.perf_counter()
            status, body = load._exchange(address, payloads[name])
            elapsed = time.perf_counter() - started
            if status != expected[name]:
                raise RuntimeError(f"{name}: {status} {body[:300]!r}")
            latencies[name].append(elapsed)
    return latencies, len(latencies[SUBMIT])
