from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceDaysConfig(AppConfig):
    name = "servicedays"
    verbose_name = _("Enterprise service days")
