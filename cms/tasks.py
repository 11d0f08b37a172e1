from celery import shared_task
from django.core.management import call_command

from core.tasks import for_each_active_park


def _publish_scheduled() -> None:
    call_command("publish_scheduled", verbosity=0)


@shared_task(ignore_result=True)
def publish_scheduled_pages() -> None:
    """Beat: publish and unpublish pages whose scheduled time has come, in every active park."""
    for_each_active_park(_publish_scheduled, "scheduled publishing")
