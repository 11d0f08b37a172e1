"""/healthz: database, broker, worker and beat, each up or down; the read replica too when one
is configured (reported, not required: the pages read from the primary while it is down)."""

import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django_redis import get_redis_connection

from core import replica
from portal.celery import app

HEARTBEAT_KEY = "parkportal:beat-heartbeat"
HEARTBEAT_MAX_AGE_S = 60
# In the shared cache (no schema in the key): one answer for every park and the hub.
WORKER_PING_KEY = "health:worker-ping"
REQUIRED = ("database", "broker", "worker")


def heartbeat_record() -> None:
    get_redis_connection("default").set(HEARTBEAT_KEY, str(time.time()), ex=HEARTBEAT_MAX_AGE_S * 2)


def check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def check_broker() -> bool:

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0, timeout=1)
        return True
    except Exception:
        return False


def check_worker() -> bool:
    """A worker answers a ping. The ping is a broadcast to every worker: a flood of /healthz
    hits reuses one answer for HEALTHZ_WORKER_PING_CACHE_S seconds."""
    shared = caches["shared"]
    answer = shared.get(WORKER_PING_KEY)
    if answer is None:
        answer = _worker_ping()
        shared.set(WORKER_PING_KEY, answer, settings.HEALTHZ_WORKER_PING_CACHE_S)
    return bool(answer)


def _worker_ping() -> bool:
    try:
        return bool(app.control.ping(timeout=1.0))
    except Exception:
        return False


def check_beat() -> bool:
    try:
        raw = get_redis_connection("default").get(HEARTBEAT_KEY)
    except Exception:
        return False
    return raw is not None and time.time() - float(raw) < HEARTBEAT_MAX_AGE_S


def status() -> dict[str, str]:
    checks = {
        "database": check_database(),
        "broker": check_broker(),
    }
    checks["worker"] = checks["broker"] and check_worker()
    checks["beat"] = checks["broker"] and check_beat()
    if replica.configured():
        checks["replica"] = replica.reachable()
    return {name: "up" if ok else "down" for name, ok in checks.items()}


def healthy(checks: dict[str, str]) -> bool:
    """Database, broker and worker up (beat is reported, not required)."""
    return all(checks[name] == "up" for name in REQUIRED)


def may_see_detail(request) -> bool:
    """The detail is for those who run the platform: a district admin on the hub, a park
    operator in a park (superusers too), or a caller with the configured HEALTHZ_TOKEN."""
    token = request.headers.get("X-Health-Token", "")
    if settings.HEALTHZ_TOKEN and token:
        return secrets.compare_digest(token.encode(), settings.HEALTHZ_TOKEN.encode())
    user = request.user
    return user.is_authenticated and (
        user.is_superuser or user.is_district_admin or user.is_park_operator
    )
