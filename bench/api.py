"""The JSON API: an anonymous list (policies, the library's filters and a page of results), a
token-authenticated call (`/api/v1/me/`: the HMAC check and the token's row) and an enterprise's
own appeals (token, role check, a paginated list), each against a trivial view.

Same server (bench.settings_bench, one sync gunicorn worker), same run, one client cycling
through the targets request by request (see bench/routing.py for why).
"""

from . import load, log, server

HOST = "bench01.localhost"
ROUNDS = 3
ROUND_SECONDS = 2.0


def _token() -> str:
    """A personal token of an enterprise account of the park, made in this process."""
    from django.db import connections
    from django_tenants.utils import schema_context

    from accounts.models import Role
    from accounts.services import user_create
    from accounts.tokens import token_issue

    with schema_context("bench01"):
        user = user_create(username="bench-api", password="bench-Api-2026", role=Role.ENTERPRISE)
        _row, raw = token_issue(user=user, name="bench", days=30)
    connections.close_all()
    return raw


def run(env: dict[str, str]) -> dict[str, float]:
    bearer = f"Bearer {_token()}"
    targets = {
        "ping": (HOST, "/bench/ping"),
        "policies": (HOST, "/api/v1/policies/"),
        "me": (HOST, "/api/v1/me/", "", bearer),
        "appeals": (HOST, "/api/v1/appeals/", "", bearer),
    }
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path="/"
    ) as web:
        rps = load.rps_by_median(
            web.address, targets, rounds=ROUNDS, round_seconds=ROUND_SECONDS, label="api"
        )
    log("api: " + ", ".join(f"{name} {value:.0f} req/s" for name, value in rps.items()))
    return {
        "api_policies_ratio": rps["policies"] / rps["ping"],
        "api_token_me_ratio": rps["me"] / rps["ping"],
        "api_appeals_ratio": rps["appeals"] / rps["ping"],
        "api_appeals_rps": rps["appeals"],
    }
