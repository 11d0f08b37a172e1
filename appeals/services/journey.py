"""After dispatch: the enterprise replies to a department's question (补充材料). Rating the
answer lives in `rating`."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.attachments import attachments_validate
from core.storage import private_files_removed_on_error
from onewindow.protocol import ToHub

from ..lifecycle import AppealAction, appeal_transition
from ..models import Appeal, AppealAttachment
from .common import attachments_payload, attachments_save, person_name
from .outbox import outbox_write


@private_files_removed_on_error()
@transaction.atomic
def appeal_reply_info(
    *, appeal: Appeal, by: User, text: str, uploads: Iterable[UploadedFile] = ()
) -> Appeal:
    """The enterprise answers the department's request for more information (补充材料)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write your reply."), code="required")
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    now = timezone.now()
    appeal = appeal_transition(
        appeal,
        action=AppealAction.REPLY,
        to=Appeal.Status.DISPATCHED,
        actor_name=person_name(by),
        note=text,
    )
    attachments_save(appeal, uploads, kinds, source=AppealAttachment.Source.ENTERPRISE)
    payload = {
        "text": text,
        "replied_at": now.isoformat(),
        "attachments": attachments_payload(
            appeal, source=AppealAttachment.Source.ENTERPRISE, since=now
        ),
    }
    outbox_write(appeal=appeal, kind=ToHub.INFO_REPLY, payload=payload)
    return appeal
