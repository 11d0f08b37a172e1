"""The Celery app. tenant-schemas-celery's class runs each task in the schema it was sent from."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = CeleryApp("parkportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# portal is not an installed app, so its tasks module is named explicitly.
app.autodiscover_tasks(["portal"])
