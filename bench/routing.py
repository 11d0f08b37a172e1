"""Figure 3: req/s of a trivial view on a park host, with and without tenant routing.

One gunicorn (sync, one worker) under bench.settings_bench serves, on the same park host:
  /bench/ping      through ParkTenantMiddleware (host -> park -> schema, urlconf)
  /bench/raw-ping  the same view, the same middleware stack, tenant routing skipped
and, for context only, /bench/bare-ping answered before any middleware at all.

This machine is small and shared, so throughput rounds per endpoint (A, then B) are mostly
noise. Instead one client cycles through the endpoints request by request (A B C A B C ...),
every request on a new connection as gunicorn's sync worker requires, and each rate is
1 / the median request time: outside load hits all endpoints alike and the median drops the
requests it stalled.
"""

from . import load, log, server

HOST = "bench01.localhost"
ROUNDS = 4
ROUND_SECONDS = 2.0

TENANT, RAW, BARE = "tenant", "raw", "bare"
PATHS = {TENANT: "/bench/ping", RAW: "/bench/raw-ping", BARE: "/bench/bare-ping"}


def run(env: dict[str, str]) -> dict[str, float]:
    targets = {name: (HOST, path) for name, path in PATHS.items()}
    with server.gunicorn(
        env=env, settings_module="bench.settings_bench", ready_host=HOST, ready_path=PATHS[TENANT]
    ) as web:
        rps = load.rps_by_median(
            web.address, targets, rounds=ROUNDS, round_seconds=ROUND_SECONDS, label="routing"
        )
    log(
        "routing: median request "
        + ", ".join(f"{name} {1e6 / rps[name]:.0f} us" for name in PATHS)
        + f"; tenant routing adds {1e6 / rps[TENANT] - 1e6 / rps[RAW]:.0f} us, the rest of the"
        f" middleware stack + URL resolution {1e6 / rps[RAW] - 1e6 / rps[BARE]:.0f} us"
    )
    return {
        "tenant_routing_ratio": rps[TENANT] / rps[RAW],
        "tenant_routing_rps": rps[TENANT],
        "raw_rps": rps[RAW],
        "bare_rps": rps[BARE],
    }
