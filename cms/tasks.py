import logging

from celery import shared_task
from django.core.management import call_command
from django_tenants.utils import schema_context

from tenants.models import Park

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def publish_scheduled_pages() -> None:
    """Beat: publish and unpublish pages whose scheduled time has come, in every active park."""
    for schema_name in Park.objects.parks().active().values_list("schema_name", flat=True):
        # One park's failure must not hold back the others' scheduled pages.
        try:
            with schema_context(schema_name):
                call_command("publish_scheduled", verbosity=0)
        except Exception:
            logger.exception("scheduled publishing failed in park %s", schema_name)
