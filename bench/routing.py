"""Figure 3: req/s of a trivial view on a park host, with and without tenant routing.

One gunicorn (sync, one worker) under bench.settings_bench serves, on the same park host:
  /bench/ping      through ParkTenantMiddleware (host -> park -> schema, urlconf)
  /bench/raw-ping  the same view, the same middleware stack, tenant routing skipped
and, for context only, /bench/bare-ping answered before any middleware.
Rounds are interleaved (A B A B ...); each rate is the median of its rounds, the ratio the
median of the per-round ratios.
"""

import statistics

from . import load, log, server

HOST = "bench01.localhost"
ROUNDS = 3
ROUND_SECONDS = 2.5
THREADS = 2  # one sync worker serves one request at a time; two keep its backlog non-empty

ENDPOINTS = {
    "tenant": "/bench/ping",
    "raw": "/bench/raw-ping",
    "bare": "/bench/bare-ping",
}


def _round(address, path: str, seconds: float) -> float:
    result = load.run(address, [(HOST, path)], threads=THREADS, max_seconds=seconds)
    if not result.ok:
        raise RuntimeError(f"{path}: {dict(result.statuses)} {result.failures[:3]}")
    return result.rps


def run(env: dict[str, str]) -> dict[str, float]:
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path="/bench/ping"
    ) as web:
        # Warm up: imports, URL resolvers, the routing cache, the database connection.
        for path in ENDPOINTS.values():
            _round(web.address, path, 1.0)
        rates: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
        for number in range(1, ROUNDS + 1):
            for name, path in ENDPOINTS.items():
                rates[name].append(_round(web.address, path, ROUND_SECONDS))
            log(
                f"routing round {number}: "
                + ", ".join(f"{name} {values[-1]:.0f} req/s" for name, values in rates.items())
            )
    median = {name: statistics.median(values) for name, values in rates.items()}
    log(
        "routing: whole middleware stack + URL resolution costs "
        f"{1 / median['tenant'] * 1e3 - 1 / median['bare'] * 1e3:.3f} ms per request over bare; "
        f"tenant routing {1 / median['tenant'] * 1e3 - 1 / median['raw'] * 1e3:.3f} ms"
    )
    # Paired: each round's park-host rate over the bypass rate of the same round.
    ratio = statistics.median(t / r for t, r in zip(rates["tenant"], rates["raw"], strict=True))
    return {
        "tenant_routing_ratio": ratio,
        "tenant_routing_rps": median["tenant"],
        "raw_rps": median["raw"],
        "bare_rps": median["bare"],
    }
