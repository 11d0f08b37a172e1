"""PostgreSQL (and its read replica), Redis, cache and Celery: from DATABASE_URL,
DATABASE_REPLICA_URL and REDIS_URL."""

from celery.schedules import crontab

from . import env


def databases(url: str, replica_url: str = "") -> dict:
    default = env.parse_database_url(url)
    # Persistent connections: a new connection per request costs ~2.4x on the home page.
    default["CONN_MAX_AGE"] = env.get_int("DB_CONN_MAX_AGE", 600)
    default["CONN_HEALTH_CHECKS"] = True
    if not replica_url:
        return {"default": default}
    return {"default": default, "replica": replica_database(replica_url, default)}


def replica_database(url: str, default: dict) -> dict:
    """The read replica the dashboards, exports and public API lists read from (core/replica.py):
    kept like the primary, with a short connect timeout so that a replica that is down costs a
    page little; in tests a mirror of the primary (no second test database is created)."""
    replica = env.parse_database_url(url)
    replica["CONN_MAX_AGE"] = default["CONN_MAX_AGE"]
    replica["CONN_HEALTH_CHECKS"] = default["CONN_HEALTH_CHECKS"]
    replica["OPTIONS"] = {
        **replica.get("OPTIONS", {}),
        "connect_timeout": env.get_int("DATABASE_REPLICA_CONNECT_TIMEOUT", 2),
    }
    replica["TEST"] = {"MIRROR": "default"}
    return replica


def caches(url: str) -> dict:
    # Every key carries the schema: Wagtail's cached site root paths must not leak between parks.
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
            "KEY_PREFIX": env.get_str("CACHE_KEY_PREFIX", "pp"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        },
        # Keys WITHOUT the schema: what must hold across parks and the hub (rate limits, login
        # throttles, one-time codes), so that each park is not a fresh budget for one client.
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": env.get_str("CACHE_KEY_PREFIX", "pp") + "-shared",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        },
    }


DATABASE_URL = env.get_str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/parkportal")
DATABASE_REPLICA_URL = env.get_str("DATABASE_REPLICA_URL", "")
DATABASES = databases(DATABASE_URL, DATABASE_REPLICA_URL)
# Answers of views reading from the replica say where they read (X-Read-From: replica|primary).
REPLICA_READS_HEADER = env.get_bool("REPLICA_READS_HEADER", False)
REDIS_URL = env.get_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = caches(REDIS_URL)
SESSION_ENGINE = "django.contrib.sessions.backends.db"

CELERY_BROKER_URL = env.get_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = "Asia/Shanghai"
# A broker that is down must not hold a request for long: the outbox sweep re-sends later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BEAT_SCHEDULE = {
    "beat-heartbeat": {"task": "portal.tasks.beat_heartbeat", "schedule": 15.0},
    "publish-scheduled-pages": {"task": "cms.tasks.publish_scheduled_pages", "schedule": 60.0},
    "appeals-outbox-sweep": {"task": "appeals.tasks.outbox_sweep", "schedule": 30.0},
    "hub-outbox-sweep": {"task": "onewindow.tasks.outbox_sweep", "schedule": 30.0},
    "case-deadlines": {"task": "onewindow.tasks.deadlines_check", "schedule": 600.0},
    "appeals-close-unrated": {"task": "appeals.tasks.close_unrated", "schedule": 3600.0},
    "servicedays-hub-sync-sweep": {"task": "servicedays.tasks.hub_sync_sweep", "schedule": 60.0},
    "servicedays-reminders": {"task": "servicedays.tasks.reminders_send", "schedule": 300.0},
    "servicedays-waitlists-expire": {
        "task": "servicedays.tasks.waitlists_expire",
        "schedule": 300.0,
    },
    "servicedays-complete": {"task": "servicedays.tasks.days_complete", "schedule": 900.0},
    "servicedays-liaisons-brief": {"task": "servicedays.tasks.liaisons_brief", "schedule": 900.0},
    # Proactive service: matches again after midnight (expiries take effect that day), the
    # digest of new matches in the morning, district policies swept, figures for the district.
    "proactive-matches-refresh": {
        "task": "proactive.tasks.matches_refresh",
        "schedule": crontab(hour=0, minute=5),
    },
    "proactive-digests": {
        "task": "proactive.tasks.digests_send",
        "schedule": crontab(hour=9, minute=0),
    },
    "proactive-district-policies": {
        "task": "proactive.tasks.district_policies_fanout",
        "schedule": 600.0,
    },
    "proactive-figures": {"task": "proactive.tasks.figures_report", "schedule": 3600.0},
    # Hourly: the report goes out in the first hour beat runs on the month's first working day.
    "analytics-monthly-report": {"task": "analytics.tasks.monthly_report", "schedule": 3600.0},
}
