"""Notify people: an in-app notice plus every enabled outside channel, after commit."""

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils import timezone

from core.tasks import enqueue_on_commit

from .channels import enabled_channels
from .models import Notification

if TYPE_CHECKING:
    # The user model (AUTH_USER_MODEL) as django-stubs resolves it, without importing accounts
    # (notifications is independent of it).
    from django.contrib.auth.models import _User

logger = logging.getLogger(__name__)


def notify(
    *, recipients: Iterable["_User"], title: str, body: str = "", url: str = ""
) -> list[int]:
    """Record a notice for each recipient (in the current schema) and send it out on commit."""
    notices = Notification.objects.bulk_create(
        Notification(recipient=user, title=title[:200], body=body, url=url[:300])
        for user in {user.pk: user for user in recipients}.values()
    )
    ids = [notice.pk for notice in notices]
    if ids:
        # A broker that is down loses only the outside copy; the in-app notice is kept.
        enqueue_on_commit("notifications.tasks.notifications_send", ids)
    return ids


def notifications_send(*, ids: list[int]) -> None:
    """Send each notice through every channel that can reach its recipient."""
    channels = enabled_channels()
    for notice in Notification.objects.filter(pk__in=ids).select_related("recipient"):
        for channel in channels:
            address = channel.address_for(notice.recipient)
            if not address:
                continue
            try:
                channel.send(address=address, title=notice.title, body=_text(notice))
            except Exception:
                logger.exception("%s delivery of notification %s failed", channel.name, notice.pk)


def _text(notice: Notification) -> str:
    return f"{notice.body}\n\n{notice.url}".strip() if notice.url else notice.body


def notification_mark_read(*, user: "_User", pk: int | None = None) -> int:
    """Mark one notice (or all of the user's) as read; returns how many changed."""
    notices = Notification.objects.for_user(user).unread()
    if pk is not None:
        notices = notices.filter(pk=pk)
    return notices.update(read_at=timezone.now())
