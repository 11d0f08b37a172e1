from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnewindowConfig(AppConfig):
    name = "onewindow"
    verbose_name = _("District one-window hub")

    def ready(self) -> None:
        from core import workdays
        from tenants.signals import hub_created

        from .selectors import calendar_overrides
        from .services.directory import district_admin_group_ensure

        workdays.overrides_source_set(calendar_overrides)
        hub_created.connect(
            lambda **_signal: district_admin_group_ensure(),
            dispatch_uid="onewindow.district_admin_group",
            weak=False,
        )
