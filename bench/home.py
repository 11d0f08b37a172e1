"""Park home page: anonymous cached req/s against a trivial view, and uncached req/s.

Same server (bench.settings_bench, one sync gunicorn worker), same run, one client cycling
through the three targets request by request (see bench/routing.py for why). "Uncached" sends a
session cookie, which the anonymous page cache never answers, so the page is rendered each time.
"""

import statistics

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
    latencies: dict[str, list[float]] = {name: [] for name in TARGETS}
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path="/"
    ) as web:
        load.run_interleaved(web.address, list(TARGETS.values()), max_seconds=1.0)  # warm up
        for number in range(1, ROUNDS + 1):
            results = load.run_interleaved(
                web.address, list(TARGETS.values()), max_seconds=ROUND_SECONDS
            )
            for name, target in TARGETS.items():
                result = results[target]
                if not result.ok or not result.requests:
                    raise RuntimeError(f"{target}: {dict(result.statuses)} {result.failures[:3]}")
                latencies[name].extend(result.latencies)
            log(f"home round {number}/{ROUNDS} done")
    rps = {name: 1 / statistics.median(values) for name, values in latencies.items()}
    log("home: " + ", ".join(f"{name} {value:.0f} req/s" for name, value in rps.items()))
    return {
        "park_home_cached_ratio": rps["cached"] / rps["ping"],
        "park_home_cached_rps": rps["cached"],
        "park_home_uncached_rps": rps["uncached"],
    }
