from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Park content")

    def ready(self) -> None:
        from . import signals  # noqa: F401
