"""Park home page: anonymous cached req/s against a trivial view, and uncached req/s.

Same server (bench.settings_bench, one sync gunicorn worker), same run, one client cycling
through the three targets request by request (see bench/routing.py for why). "Uncached" sends a
session cookie, which the anonymous page cache never answers, so the page is rendered each time.
"""

from . import load, log, server

HOST = "bench01.localhost"
ROUNDS = 3
ROUND_SECONDS = 2.0
TARGETS = {
    "ping": (HOST, "/bench/ping"),
    "cached": (HOST, "/"),
    "uncached": (HOST, "/", "sessionid=bench-bypasses-the-page-cache"),
}


def run(env: dict[str, str]) -> dict[str, float]:
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path="/"
    ) as web:
        rps = load.rps_by_median(
            web.address, TARGETS, rounds=ROUNDS, round_seconds=ROUND_SECONDS, label="home"
        )
    log("home: " + ", ".join(f"{name} {value:.0f} req/s" for name, value in rps.items()))
    return {
        "park_home_cached_ratio": rps["cached"] / rps["ping"],
        "park_home_cached_rps": rps["cached"],
        "park_home_uncached_rps": rps["uncached"],
    }
