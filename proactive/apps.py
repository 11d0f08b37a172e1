from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProactiveConfig(AppConfig):
    name = "proactive"
    verbose_name = _("Proactive service")

    def ready(self) -> None:
        from tenants.signals import park_schema_created  # noqa: PLC0415 - imports models

        from . import signals  # noqa: F401, PLC0415 - connects the receivers
        from .services.district import district_policies_on_new_park  # noqa: PLC0415 - models

        # cms is installed before proactive: its park set-up (the policy library) runs first.
        park_schema_created.connect(
            district_policies_on_new_park, dispatch_uid="proactive.district_policies_on_new_park"
        )
