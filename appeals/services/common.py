"""Helpers shared by the appeal workflows: timeline steps, attachments, notices.

Locking and status changes are the lifecycle's (`appeals.lifecycle`).
"""

import datetime
from collections.abc import Iterable
from typing import cast

from django.core.files.uploadedfile import UploadedFile

from accounts.models import Role, User
from core.attachments import content_type_for
from notifications.services import notify
from tenants.selectors import park_current, park_link

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


def attachments_save(
    appeal: Appeal, uploads: Iterable[UploadedFile], kinds: list[str], *, source: str
) -> None:
    for upload, kind in zip(uploads, kinds, strict=True):
        # Validated uploads (attachments_validate refuses a file without a name or content).
        AppealAttachment.objects.create(
            appeal=appeal,
            file=upload,
            name=cast(str, upload.name)[-150:],
            content_type=content_type_for(kind),
            size=cast(int, upload.size),
            source=source,
        )


def attachments_payload(
    appeal: Appeal, *, source: str, since: datetime.datetime | None = None
) -> list[dict]:
    files = appeal.attachments.filter(source=source)
    if since is not None:
        files = files.filter(created_at__gte=since)
    return [
        {"path": f.file.name, "name": f.name, "content_type": f.content_type, "size": f.size}
        for f in files
    ]


def enterprise_notify(appeal: Appeal, *, title: str, body: str = "") -> None:
    url = park_link(park_current(), "appeals:detail", appeal.tracking_number)
    notify(recipients=[appeal.enterprise.account], title=title, body=body, url=url)


def window_notify(appeal: Appeal, *, title: str, body: str = "") -> None:
    url = park_link(park_current(), "appeals:window_detail", appeal.tracking_number)
    staff = User.objects.filter(role=Role.WINDOW_STAFF, is_active=True)
    notify(recipients=staff, title=title, body=body, url=url)


def person_name(user: User) -> str:
    return str(user)[:60]
