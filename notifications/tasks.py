from celery import shared_task

from . import services


# Not acks_late: a redelivered task would text and mail everyone again; a notice lost with a
# dying worker is still in the in-app list.
@shared_task(ignore_result=True)
def notifications_send(ids: list[int]) -> None:
    """Send notices outside the site (in the schema they were written in)."""
    services.notifications_send(ids=ids)
