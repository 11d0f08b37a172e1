"""Outbound channels behind one interface: email, SMS, WeChat.

Email goes through Django's mail backends (SMTP configured by environment, console in
development). SMS and WeChat have no provider wired in yet: their development backend writes
each message to the `parkportal.notifications` log. A provider is added by writing a class with
the same `address_for` / `send` methods and naming it in NOTIFICATION_CHANNELS.
"""

import json
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger("parkportal.notifications")


class Channel:
    """One way of reaching a person outside the site."""

    name = ""

    def address_for(self, user) -> str:
        """Where this person is reached on this channel; empty when they cannot be."""
        raise NotImplementedError

    def send(self, *, address: str, title: str, body: str) -> None:
        raise NotImplementedError


class EmailChannel(Channel):
    name = "email"

    def address_for(self, user) -> str:
        return user.email

    def send(self, *, address: str, title: str, body: str) -> None:
        send_mail(title, body, None, [address])


class LogChannel(Channel):
    """Development stand-in for a provider: writes what would be sent to the log."""

    def send(self, *, address: str, title: str, body: str) -> None:
        logger.info("[%s → %s] %s: %s", self.name, address, title, body)


class LogSmsChannel(LogChannel):
    name = "sms"

    def address_for(self, user) -> str:
        # Enterprise accounts keep their registered number on the enterprise.
        enterprise = getattr(user, "enterprise", None) if user.is_enterprise else None
        return user.mobile or (enterprise.mobile if enterprise else "")


class FileSmsChannel(LogSmsChannel):
    """Test-server stand-in for the phone: each text is also appended, one JSON line, to
    SMS_OUTBOX_FILE, where browser tests read what a phone would have received."""

    def send(self, *, address: str, title: str, body: str) -> None:
        super().send(address=address, title=title, body=body)
        line = json.dumps({"address": address, "title": title, "body": body}, ensure_ascii=False)
        with open(getattr(settings, "SMS_OUTBOX_FILE"), "a", encoding="utf-8") as outbox:  # noqa: B009
            outbox.write(line + "\n")


class LogWeChatChannel(LogChannel):
    """WeChat service-account messages go to a bound openid; until binding exists, the
    account's username stands in so development logs show who would be reached."""

    name = "wechat"

    def address_for(self, user) -> str:
        return user.username


def enabled_channels() -> list[Channel]:
    return [import_string(path)() for path in settings.NOTIFICATION_CHANNELS]
