"""On the day and afterwards: check-in at the window, no-shows, outcomes per booking, and a
follow-up turned into an appeal (诉求) that is linked both ways."""

import datetime
import uuid
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from appeals.models import Appeal
from appeals.services.intake import appeal_submit
from onewindow.models import AppealCategory

from ..models import SHANGHAI, Booking, ServiceDay
from .common import calendar_changed, day_changed, office_booking_url, staff_notify

NOTE_MAX = 2000
# Follow-up appeals get a submission key derived from the booking: converting twice (a double
# click, two staff at once) finds the same appeal.
FOLLOW_UP_NAMESPACE = uuid.UUID("6f1d6c52-3f7e-4a7c-9a55-2b8c1c9e5d11")


def _locked(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("service_day", "slot", "enterprise")
        .get(pk=booking.pk)
    )


def booking_check_in(
    *, booking: Booking, by_name: str, now: datetime.datetime | None = None
) -> Booking:
    """Check an enterprise in at the window, on the day of its booking only."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked(booking)
        day = booking.service_day
        if day.status == ServiceDay.Status.CANCELLED:
            raise ValidationError(_("This service day was cancelled."), code="cancelled")
        if now.astimezone(SHANGHAI).date() != day.date:
            raise ValidationError(
                _("Check-in is only possible on the day itself (%(date)s).")
                % {"date": day.date.isoformat()},
                code="not_today",
            )
        if booking.status == Booking.Status.ATTENDED:
            checked_in_at = cast(datetime.datetime, booking.checked_in_at)  # set at check-in
            raise ValidationError(
                _("Already checked in at %(time)s.")
                % {"time": f"{checked_in_at.astimezone(SHANGHAI):%H:%M}"},
                code="already",
            )
        if booking.status != Booking.Status.CONFIRMED:
            raise ValidationError(
                _("This booking is “%(status)s” and cannot be checked in.")
                % {"status": booking.get_status_display()},
                code="wrong_status",
            )
        booking.status = Booking.Status.ATTENDED
        booking.checked_in_at = now
        booking.checked_in_by_name = by_name[:150]
        booking.save(update_fields=["status", "checked_in_at", "checked_in_by_name"])
        day_changed(day)
    return booking


def days_complete(*, now: datetime.datetime | None = None) -> int:
    """For beat: once a published day has ended, its unchecked bookings are no-shows and the day
    is completed. Returns how many days were completed."""
    now = now or timezone.now()
    today = now.astimezone(SHANGHAI).date()
    done = 0
    for day in ServiceDay.objects.published().filter(date__lte=today):
        if day.ends_at > now:
            continue
        with transaction.atomic():
            day = ServiceDay.objects.select_for_update(no_key=True).get(pk=day.pk)
            if day.status != ServiceDay.Status.PUBLISHED:
                continue
            Booking.objects.filter(service_day=day, status=Booking.Status.CONFIRMED).update(
                status=Booking.Status.NO_SHOW
            )
            day.status = ServiceDay.Status.COMPLETED
            day.save(update_fields=["status"])
            day_changed(day)
            calendar_changed()
        done += 1
    return done


def booking_outcome_record(
    *,
    booking: Booking,
    outcome: str,
    note: str,
    by_name: str,
    seen_outcome_at: str | None = None,
    now: datetime.datetime | None = None,
) -> Booking:
    """The department's outcome for one consultation (resolved on the spot, or follow-up
    needed). It can be corrected until a follow-up has become an appeal. `seen_outcome_at` is
    when the outcome the person was looking at had been recorded ("" for none): if someone
    has recorded one since, nothing is overwritten."""
    now = now or timezone.now()
    note = note.strip()
    if outcome not in Booking.Outcome.values:
        raise ValidationError(
            {"outcome": ValidationError(_("Choose an outcome."), code="invalid_choice")}
        )
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {
                "note": ValidationError(
                    _("The note can be at most %(max)d characters.") % {"max": NOTE_MAX},
                    code="max_length",
                )
            }
        )
    if outcome == Booking.Outcome.FOLLOW_UP and not note:
        raise ValidationError(
            {"note": ValidationError(_("Say what needs to be followed up."), code="required")}
        )
    with transaction.atomic():
        booking = _locked(booking)
        if booking.status != Booking.Status.ATTENDED:
            raise ValidationError(
                _("An outcome can only be recorded for an enterprise that came."),
                code="not_attended",
            )
        if booking.appeal is not None:
            raise ValidationError(
                _("The follow-up is already appeal %(number)s; the outcome can no longer change.")
                % {"number": booking.appeal.tracking_number},
                code="has_appeal",
            )
        _require_unchanged(booking, seen_outcome_at)
        booking.outcome = outcome
        booking.outcome_note = note
        booking.outcome_at = now
        booking.outcome_by_name = by_name[:150]
        booking.save(update_fields=["outcome", "outcome_note", "outcome_at", "outcome_by_name"])
        if outcome == Booking.Outcome.FOLLOW_UP:
            staff_notify(
                title=_("Follow-up needed for %(enterprise)s: turn it into an appeal")
                % {"enterprise": booking.enterprise.name},
                body=note,
                url=office_booking_url(booking),
            )
        day_changed(booking.service_day)
    return booking


def _require_unchanged(booking: Booking, seen: str | None) -> None:
    if seen is None:
        return
    recorded = booking.outcome_at.isoformat() if booking.outcome_at else ""
    if recorded != seen:
        raise ValidationError(
            _(
                "%(name)s recorded an outcome in the meantime; nothing was overwritten. "
                "Read it below and save again if it needs changing."
            )
            % {"name": booking.outcome_by_name},
            code="changed",
        )


def follow_up_defaults(booking: Booking) -> dict:
    """What the appeal form is prefilled with."""
    day = booking.service_day
    title = _("Service day follow-up: %(topic)s") % {"topic": booking.topic}
    description = _(
        "Service day %(day)s on %(date)s.\n\nQuestion asked in advance:\n%(question)s\n\n"
        "Follow-up agreed with the department:\n%(note)s"
    ) % {
        "day": day.title,
        "date": day.date.isoformat(),
        "question": booking.question or "—",
        "note": booking.outcome_note,
    }
    return {
        "title": title[:100],
        "description": description[:4000],
        "contact_name": booking.enterprise.contact_name,
        "contact_mobile": booking.enterprise.mobile,
    }


def booking_follow_up_appeal(
    *,
    booking: Booking,
    by: User,
    category: AppealCategory,
    title: str,
    description: str,
    contact_name: str,
    contact_mobile: str,
) -> Appeal:
    """Turn a "follow-up needed" outcome into an appeal filed at the window for the enterprise,
    linked both ways (booking.appeal, appeal.service_day_booking). Once only, and by the park's
    window staff only: filing in an enterprise's name is the window's job."""
    if not by.is_window_staff:
        raise PermissionDenied(_("Only the park window files an appeal for an enterprise."))
    with transaction.atomic():
        booking = _locked(booking)
        if booking.appeal_id:
            return cast(Appeal, booking.appeal)  # set with appeal_id
        if booking.outcome != Booking.Outcome.FOLLOW_UP:
            raise ValidationError(
                _("Only a consultation that needs follow-up can become an appeal."),
                code="no_follow_up",
            )
        appeal = appeal_submit(
            enterprise=booking.enterprise,
            by=by,
            category=category,
            title=title,
            description=description,
            contact_name=contact_name,
            contact_mobile=contact_mobile,
            submission_key=uuid.uuid5(FOLLOW_UP_NAMESPACE, booking.code),
            at_window=True,
        )
        booking.appeal = appeal
        booking.save(update_fields=["appeal"])
        day_changed(booking.service_day)
    return appeal
