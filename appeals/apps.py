from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        from onewindow.signals import park_message_arrived

        from .services.inbound import park_message_arrived_receiver

        park_message_arrived.connect(park_message_arrived_receiver, dispatch_uid="appeals.inbound")
