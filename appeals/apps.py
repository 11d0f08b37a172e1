from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from onewindow.signals import park_message_arrived


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        from .services.inbound import park_message_arrived_receiver  # noqa: PLC0415 - imports models: needs the app registry

        park_message_arrived.connect(park_message_arrived_receiver, dispatch_uid="appeals.inbound")
