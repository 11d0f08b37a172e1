"""Park home page: anonymous cached req/s against a trivial view, uncached req/s, and a signed-in
enterprise's home page (which the anonymous page cache never answers) against the trivial view.

Same server (bench.settings_bench, one sync gunicorn worker), same run, one client cycling
through the targets request by request (see bench/routing.py for why). "Uncached" sends a
session cookie that names no session, so the page is rendered each time for an anonymous
visitor. "Logged in" sends the session cookie of a verified enterprise of the park, signed in
through the real login form: the page is rendered for that account (its header, its unread
notifications). Its SQL queries are counted in this process on one render after a warm-up one.
"""

from . import load, log, server

HOST = "bench01.localhost"
PARK = "bench01"
ROUNDS = 3
ROUND_SECONDS = 2.0
PASSWORD = "Bench-Home-2026"
ENTERPRISE_MOBILE = "13800138101"  # also the enterprise account's user name
WINDOW_USERNAME = "bench_home_window"
TARGETS = {
    "ping": (HOST, "/bench/ping"),
    "cached": (HOST, "/"),
    "uncached": (HOST, "/", "sessionid=bench-bypasses-the-page-cache"),
}


def _enterprise_ensure() -> None:
    """A verified enterprise of the bench park, registered and verified through the services
    the way a company and the park window would. Idempotent."""
    from django_tenants.utils import schema_context

    from accounts.models import Role, User
    from accounts.services import user_create
    from demo.parks import demo_uscc
    from enterprises.models import Enterprise
    from enterprises.services import (
        enterprise_register,
        enterprise_verify,
        registration_code_issue,
    )

    with schema_context(PARK):
        if Enterprise.objects.filter(account__username=ENTERPRISE_MOBILE).exists():
            return
        window = User.objects.filter(username=WINDOW_USERNAME).first() or user_create(
            username=WINDOW_USERNAME, password=PASSWORD, role=Role.WINDOW_STAFF
        )
        enterprise = enterprise_register(
            company_name="深圳市首页基准科技有限公司",
            uscc=demo_uscc(9101),
            contact_name="王经理",
            mobile=ENTERPRISE_MOBILE,
            # The bench holds the number: it asks for the code and types it in.
            mobile_code=registration_code_issue(mobile=ENTERPRISE_MOBILE),
            password=PASSWORD,
        )
        enterprise_verify(enterprise=enterprise, by=window, approve=True)


def _signed_in() -> tuple[str, int]:
    """The enterprise's session cookie (signed in through /accounts/login/ in this process) and
    the number of SQL queries of one render of its park home page after a warm-up render."""
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    _enterprise_ensure()
    client = Client(HTTP_HOST=HOST)
    response = client.post(
        "/accounts/login/", {"username": ENTERPRISE_MOBILE, "password": PASSWORD}
    )
    session = client.cookies.get("sessionid")
    if response.status_code != 302 or session is None:
        raise RuntimeError(f"login: {response.status_code}, session cookie {session is not None}")
    for _warm_up in range(2):
        client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    # Only a signed-in enterprise's header links to its own bookings.
    if response.status_code != 200 or "/service-days/mine/" not in response.content.decode():
        raise RuntimeError(f"signed-in home: {response.status_code}, not the enterprise's page")
    connections.close_all()
    return f"sessionid={session.value}", len(queries.captured_queries)


def run(env: dict[str, str]) -> dict[str, float]:
    cookie, queries = _signed_in()
    targets = {**TARGETS, "logged_in": (HOST, "/", cookie)}
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path="/"
    ) as web:
        rps = load.rps_by_median(
            web.address, targets, rounds=ROUNDS, round_seconds=ROUND_SECONDS, label="home"
        )
    log("home: " + ", ".join(f"{name} {value:.0f} req/s" for name, value in rps.items()))
    log(f"home: {queries} SQL queries per signed-in enterprise home page")
    return {
        "park_home_cached_ratio": rps["cached"] / rps["ping"],
        "park_home_cached_rps": rps["cached"],
        "park_home_uncached_rps": rps["uncached"],
        "park_home_logged_in_ratio": rps["logged_in"] / rps["ping"],
        "park_home_logged_in_rps": rps["logged_in"],
        "park_home_queries": float(queries),
    }
