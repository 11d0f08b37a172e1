from celery import shared_task
from django_tenants.utils import schema_context

from . import services


# Not acks_late: a redelivered task would text and mail everyone again; a notice lost with a
# dying worker is still in the in-app list.
@shared_task(ignore_result=True)
def notifications_send(schema_name: str, ids: list[int]) -> None:
    """Send notices outside the site, from the schema they were written in."""
    with schema_context(schema_name):
        services.notifications_send(ids=ids)
