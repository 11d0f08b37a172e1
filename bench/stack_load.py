"""Load on the production-shaped stack: `make load`'s Locust run (deploy/load/), 50 simulated
users for 2 minutes against nginx → two gunicorn nodes, two Celery workers, beat
(portal/prodlike.py), reporting the p95 and the errors (must be 0).

The stack has its own PostgreSQL and Redis (.data/prodlike), not the bench database: it is the
deployment's shape that is measured. RabbitMQ is the broker when CELERY_BROKER_URL is an amqp
URL. The figures are absolute (milliseconds under a fixed mix on this machine); the context line
gives the throughput.
"""

import os
import subprocess
import sys

from . import log
from .server import ROOT

USERS = 50
RUN_TIME = "120s"
TIMEOUT_S = 1800


def run(env: dict[str, str]) -> dict[str, float]:
    stack_env = {k: v for k, v in env.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    for name in ("DJANGO_SETTINGS_MODULE", "DEBUG", "CACHE_KEY_PREFIX", "LOG_LEVEL"):
        stack_env.pop(name, None)
    if os.environ.get("CELERY_BROKER_URL"):
        stack_env["CELERY_BROKER_URL"] = os.environ["CELERY_BROKER_URL"]
    command = [sys.executable, "-m", "portal.prodlike", "load", "--users", str(USERS)]
    command += ["--run-time", RUN_TIME]
    log(f"load: starting the prod-like stack and Locust ({USERS} users, {RUN_TIME})")
    done = subprocess.run(  # nosec B603 - our own module, fixed arguments
        command,
        cwd=ROOT,
        env=stack_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    figures = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "LOAD":
            figures[parts[1]] = float(parts[2])
    if "load_p95_ms" not in figures:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise RuntimeError(f"make load gave no figures (exit {done.returncode})")
    if figures.get("load_errors"):
        # deploy/load/run.py prints the failures (Locust's failures CSV) after its table.
        log("load: failures:\n" + done.stdout[-3000:])
    table = [line for line in done.stdout.splitlines() if line.startswith(("journey", "all "))]
    log("load: " + " | ".join(table))
    return {
        "load_p95_ms": figures["load_p95_ms"],
        "load_errors": figures["load_errors"],
        "load_rps": figures["load_rps"],
        "load_p50_ms": figures.get("load_p50_ms", 0.0),
        "load_p99_ms": figures.get("load_p99_ms", 0.0),
    }
