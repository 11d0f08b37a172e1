from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Park content")

    def ready(self) -> None:
        from tenants.signals import park_schema_created  # noqa: PLC0415 - imports models

        from . import signals  # noqa: F401, PLC0415 - connects receivers; imports models
        from .services import park_content_set_up  # noqa: PLC0415 - imports models

        park_schema_created.connect(park_content_set_up, dispatch_uid="cms.park_content_set_up")
