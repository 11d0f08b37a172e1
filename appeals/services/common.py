"""Helpers shared by the appeal workflows: timeline steps, attachments, notices.

Locking and status changes are the lifecycle's (`appeals.lifecycle`).
"""

from django.conf import settings
from django.urls import reverse

from accounts.models import Role, User
from core.attachments import content_type_for
from notifications.services import notify
from tenants.selectors import park_current, park_site_url

from ..models import Appeal, AppealAttachment, AppealEvent


def event_add(
    appeal: Appeal,
    *,
    actor: AppealEvent.Actor,
    action: str,
    params: dict | None = None,
    actor_name: str = "",
    note: str = "",
    public: bool = True,
) -> AppealEvent:
    """A step on the appeal's timeline that moves no status (status changes: the lifecycle)."""
    return AppealEvent.objects.create(
        appeal=appeal,
        actor=actor,
        actor_name=actor_name[:60],
        action=action,
        params=params or {},
        note=note,
        is_public=public,
    )


def attachments_save(appeal: Appeal, uploads, kinds: list[str], *, source: str) -> None:
    for upload, kind in zip(uploads, kinds, strict=True):
        AppealAttachment.objects.create(
            appeal=appeal,
            file=upload,
            name=upload.name[-150:],
            content_type=content_type_for(kind),
            size=upload.size,
            source=source,
        )


def attachments_payload(appeal: Appeal, *, source: str, since=None) -> list[dict]:
    files = appeal.attachments.filter(source=source)
    if since is not None:
        files = files.filter(created_at__gte=since)
    return [
        {"path": f.file.name, "name": f.name, "content_type": f.content_type, "size": f.size}
        for f in files
    ]


def park_link(name: str, appeal: Appeal) -> str:
    """An absolute link to one of the appeal's pages on this park's site, by URL name, from a
    park request, a hub request or a worker alike (so the park URLconf is named)."""
    path = reverse(name, args=[appeal.tracking_number], urlconf=settings.ROOT_URLCONF)
    return park_site_url(park_current(), path)


def enterprise_notify(appeal: Appeal, *, title: str, body: str = "") -> None:
    url = park_link("appeals:detail", appeal)
    notify(recipients=[appeal.enterprise.account], title=title, body=body, url=url)


def window_notify(appeal: Appeal, *, title: str, body: str = "") -> None:
    url = park_link("appeals:window_detail", appeal)
    staff = User.objects.filter(role=Role.WINDOW_STAFF, is_active=True)
    notify(recipients=staff, title=title, body=body, url=url)


def person_name(user) -> str:
    return str(user)[:60]
