from celery import shared_task

from . import health


@shared_task(ignore_result=True)
def beat_heartbeat() -> None:
    """Sent by beat, run by a worker: proves both are alive (shown on /healthz)."""
    health.heartbeat_record()
