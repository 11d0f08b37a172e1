"""Intake (诉求提交): an enterprise (or the window, for a walk-in) files an appeal."""

import datetime
import uuid
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.attachments import attachments_count_check, attachments_validate
from core.storage import private_files_removed_on_error
from core.workdays import WorkingCalendar
from enterprises.models import Enterprise
from onewindow.models import AppealCategory
from tenants.selectors import park_current

from ..facts import window_facts_send
from ..lifecycle import AppealAction, appeal_lock, appeal_require, appeal_transition
from ..models import Appeal, AppealAttachment, AppealEvent
from .common import attachments_save, enterprise_notify, event_add, person_name, window_notify


def tracking_number_next(day: datetime.date) -> str:
    """PARK-YYYYMMDD-NNNN: the park's short code, the day, the day's sequence."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO appeals_dailysequence (day, last) VALUES (%s, 1)"
            " ON CONFLICT (day) DO UPDATE SET last = appeals_dailysequence.last + 1"
            " RETURNING last",
            [day],
        )
        (sequence,) = cursor.fetchone()
    return f"{park_current().short_code}-{day:%Y%m%d}-{sequence:04d}"


def window_due_from(now: datetime.datetime, category: AppealCategory) -> datetime.date:
    return WorkingCalendar.load().add_working_days(
        timezone.localdate(now), category.window_deadline_days
    )


def appeal_submit(
    *,
    enterprise: Enterprise,
    by: User,
    category: AppealCategory,
    title: str,
    description: str,
    contact_name: str,
    contact_mobile: str,
    uploads: Iterable[UploadedFile] = (),
    submission_key: uuid.UUID,
    at_window: bool = False,
) -> Appeal:
    """File an appeal once per form: the same submission key returns the appeal it made for
    the same enterprise (keys of other enterprises are never looked at)."""
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    same_form = Appeal.objects.filter(enterprise=enterprise, submission_key=submission_key)
    existing = same_form.first()
    if existing is not None:
        return existing
    now = timezone.now()
    try:
        with private_files_removed_on_error(), transaction.atomic():
            appeal = Appeal.objects.create(
                tracking_number=tracking_number_next(timezone.localdate(now)),
                submission_key=submission_key,
                enterprise=enterprise,
                submitted_by=by,
                filed_at_window=at_window,
                category=category,
                title=title,
                description=description,
                contact_name=contact_name,
                contact_mobile=contact_mobile,
                submitted_at=now,
                window_due=window_due_from(now, category),
            )
            attachments_save(appeal, uploads, kinds, source=_source(at_window))
            event_add(
                appeal,
                actor=_actor(at_window),
                actor_name=person_name(by),
                action=gettext_noop("Filed at the park window")
                if at_window
                else gettext_noop("Submitted"),
            )
            window_facts_send(appeal)
            window_notify(appeal, title=_("New appeal %(number)s") % _number(appeal))
            if at_window:
                enterprise_notify(
                    appeal,
                    title=_("The park window filed appeal %(number)s for you") % _number(appeal),
                )
    except IntegrityError:
        # The same form sent twice at once: the other request made the appeal.
        existing = same_form.first()
        if existing is None:
            raise
        return existing
    return appeal


def _source(at_window: bool) -> str:
    return AppealAttachment.Source.WINDOW if at_window else AppealAttachment.Source.ENTERPRISE


def _actor(at_window: bool) -> AppealEvent.Actor:
    return AppealEvent.Actor.WINDOW if at_window else AppealEvent.Actor.ENTERPRISE


def _number(appeal: Appeal) -> dict:
    return {"number": appeal.tracking_number}


@private_files_removed_on_error()
@transaction.atomic
def appeal_resubmit(
    *,
    appeal: Appeal,
    by: User,
    category: AppealCategory,
    title: str,
    description: str,
    contact_name: str,
    contact_mobile: str,
    uploads: Iterable[UploadedFile] = (),
) -> Appeal:
    """After 补正: the enterprise corrects the appeal and sends it to the window again; the
    window clock starts again from now."""
    uploads = list(uploads)
    kinds = attachments_validate(uploads)
    appeal = appeal_lock(appeal)
    appeal_require(appeal, AppealAction.RESUBMIT)
    attachments_count_check(existing=appeal.attachments.count(), added=len(uploads))
    appeal = appeal_transition(
        appeal,
        action=AppealAction.RESUBMIT,
        to=Appeal.Status.SUBMITTED,
        actor_name=person_name(by),
        fields={
            "category": category,
            "title": title,
            "description": description,
            "contact_name": contact_name,
            "contact_mobile": contact_mobile,
            "window_due": window_due_from(timezone.now(), category),
        },
        locked=True,
    )
    attachments_save(appeal, uploads, kinds, source=AppealAttachment.Source.ENTERPRISE)
    window_notify(appeal, title=_("Appeal %(number)s was resubmitted") % _number(appeal))
    return appeal
