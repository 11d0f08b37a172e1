from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import workdays


class OnewindowConfig(AppConfig):
    name = "onewindow"
    verbose_name = _("District one-window hub")

    def ready(self) -> None:
        from tenants.signals import hub_created  # noqa: PLC0415 - imports models: needs the app registry

        from .selectors import calendar_overrides  # noqa: PLC0415 - imports models: needs the app registry
        from .services.directory import district_admin_group_ensure  # noqa: PLC0415 - imports models: needs the app registry

        workdays.overrides_source_set(calendar_overrides)
        hub_created.connect(
            lambda **_signal: district_admin_group_ensure(),
            dispatch_uid="onewindow.district_admin_group",
            weak=False,
        )
