"""/healthz: database, broker, worker and beat, each up or down."""

import time

from django.db import connection
from django_redis import get_redis_connection

from portal.celery import app

HEARTBEAT_KEY = "parkportal:beat-heartbeat"
HEARTBEAT_MAX_AGE_S = 60


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
    return {name: "up" if ok else "down" for name, ok in checks.items()}
