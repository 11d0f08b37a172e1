from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnewindowConfig(AppConfig):
    name = "onewindow"
    verbose_name = _("District one-window hub")
