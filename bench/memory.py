"""Figure 5: resident memory of one web worker after 1000 requests over the hub and every park."""

from . import load, log, server

REQUESTS = 1000
PATHS = ("/", "/accounts/login/")
THREADS = 2
MAX_SECONDS = 120.0  # a safety cap; 1000 requests normally take far less


def run(env: dict[str, str], park_hosts: list[str]) -> dict[str, float]:
    hosts = ["localhost", *park_hosts]
    targets = [(host, path) for host in hosts for path in PATHS]
    with server.gunicorn(
        env=env, settings_module="portal.settings.dev", ready_host="localhost", ready_path="/"
    ) as web:
        pid = web.worker_pid()
        before = server.rss_mb(pid)
        result = load.run(
            web.address, targets, threads=THREADS, max_requests=REQUESTS, max_seconds=MAX_SECONDS
        )
        after = server.rss_mb(pid)
    log(
        f"memory: {result.requests} requests over {len(hosts)} hosts x {len(PATHS)} paths in "
        f"{result.elapsed:.1f} s ({result.rps:.0f} req/s), statuses {dict(result.statuses)}; "
        f"worker RSS {before:.1f} MB after 1 request, {after:.1f} MB after {result.requests}"
    )
    if not result.ok or result.requests != REQUESTS:
        raise RuntimeError(f"memory load incomplete: {dict(result.statuses)} {result.failures[:3]}")
    return {"web_worker_rss_mb": after}
