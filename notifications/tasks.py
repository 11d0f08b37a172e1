from celery import shared_task
from django_tenants.utils import schema_context

from . import services


@shared_task(ignore_result=True, acks_late=True)
def notifications_send(schema_name: str, ids: list[int]) -> None:
    """Send notices outside the site, from the schema they were written in."""
    with schema_context(schema_name):
        services.notifications_send(ids=ids)
