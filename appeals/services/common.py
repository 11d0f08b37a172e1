"""Helpers shared by the appeal workflows: transitions, timeline events, notices."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core.attachments import content_type_for
from notifications.services import notify
from tenants.selectors import park_current, park_site_url

from ..models import Appeal, AppealAttachment, AppealEvent


def appeal_lock(appeal: Appeal) -> Appeal:
    """The appeal's row, locked until the end of the transaction, as it is now."""
    return Appeal.objects.select_for_update().get(pk=appeal.pk)


def require_status(appeal: Appeal, *statuses: str) -> None:
    if appeal.status not in statuses:
        raise ValidationError(
            _("This appeal is now “%(status)s”; nothing was changed.")
            % {"status": appeal.get_status_display()},
            code="wrong_status",
        )


def event_add(
    appeal: Appeal,
    *,
    actor: str,
    action: str,
    params: dict | None = None,
    actor_name: str = "",
    from_status: str = "",
    note: str = "",
    public: bool = True,
) -> AppealEvent:
    return AppealEvent.objects.create(
        appeal=appeal,
        actor=actor,
        actor_name=actor_name[:60],
        action=action,
        params=params or {},
        from_status=from_status,
        # A step that changed nothing (a department's progress) shows no "→ status".
        to_status=appeal.status if from_status and appeal.status != from_status else "",
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


def enterprise_notify(appeal: Appeal, *, title: str, body: str = "") -> None:
    url = park_site_url(park_current(), f"/appeals/{appeal.tracking_number}/")
    notify(recipients=[appeal.enterprise.account], title=title, body=body, url=url)


def window_notify(appeal: Appeal, *, title: str, body: str = "") -> None:
    url = park_site_url(park_current(), f"/office/appeals/{appeal.tracking_number}/")
    staff = User.objects.filter(role=Role.WINDOW_STAFF, is_active=True)
    notify(recipients=staff, title=title, body=body, url=url)


def person_name(user) -> str:
    return str(user)[:60]
