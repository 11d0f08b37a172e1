"""The park's back office for service days: set days up, publish, cancel, check enterprises in,
record outcomes and turn follow-ups into appeals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.permissions import role_required
from appeals.services.common import person_name
from core.forms import form_add_errors

from .. import selectors
from ..forms import (
    CancelDayForm,
    CheckInForm,
    FollowUpAppealForm,
    OutcomeForm,
    ServiceDayForm,
    outcome_initial,
)
from ..models import OFFICE_ROLES, ServiceDay
from ..services import attendance, days


@role_required(*OFFICE_ROLES)
def day_list(request):
    return render(
        request,
        "servicedays/office/list.html",
        {"days": selectors.service_days_for_office(), "check_in_form": CheckInForm()},
    )


@role_required(*OFFICE_ROLES)
def day_new(request):
    form = ServiceDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        publish = data.pop("publish")
        try:
            day = days.service_day_create(
                **data,
                status=ServiceDay.Status.PUBLISHED if publish else ServiceDay.Status.DRAFT,
                created_by_name=person_name(request.user),
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(request, _("The service day is set up."))
            return redirect("servicedays:office_day", pk=day.pk)
    return render(
        request,
        "servicedays/office/new.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _day_context(request, day, **forms):
    bookings, waiting = selectors.office_attendance(day=day)
    context = {
        "day": day,
        "actions": day.allowed_actions(request.user, timezone.now()),
        "bookings": bookings,
        "waiting": waiting,
        "cancel_form": CancelDayForm(),
    }
    context.update(forms)
    return context


@role_required(*OFFICE_ROLES)
def day_detail(request, pk: int):
    day = selectors.service_day_get_for_office(pk=pk)
    return render(request, "servicedays/office/day.html", _day_context(request, day))


@require_POST
@role_required(*OFFICE_ROLES)
def publish(request, pk: int):
    day = selectors.service_day_get_for_office(pk=pk)
    try:
        days.service_day_publish(day=day)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Published: enterprises can see the day."))
    return redirect("servicedays:office_day", pk=day.pk)


@require_POST
@role_required(*OFFICE_ROLES)
def cancel_day(request, pk: int):
    day = selectors.service_day_get_for_office(pk=pk)
    form = CancelDayForm(request.POST)
    if form.is_valid():
        try:
            days.service_day_cancel(
                day=day, reason=form.cleaned_data["reason"], by_name=person_name(request.user)
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The day is cancelled; everyone who booked is told."))
            return redirect("servicedays:office_day", pk=day.pk)
    return render(
        request,
        "servicedays/office/day.html",
        _day_context(request, day, cancel_form=form),
        status=400,
    )


@role_required(*OFFICE_ROLES)
def check_in_lookup(request):
    """Type a code (or follow a scanned QR link, which opens the booking page directly)."""
    form = CheckInForm(request.GET or None)
    if form.is_valid():
        booking = selectors.booking_get_by_code(code=form.cleaned_data["code"])
        if booking is not None:
            return redirect("servicedays:office_booking", code=booking.code)
        form.add_error("code", _("No booking has this code. Check it and try again."))
    return render(
        request,
        "servicedays/office/check_in.html",
        {"form": form},
        status=404 if form.is_bound else 200,
    )


def _booking_context(request, booking, **forms):
    context = {
        "booking": booking,
        "day": booking.service_day,
        "actions": booking.allowed_actions(request.user, timezone.now()),
        "outcome_form": OutcomeForm(initial=outcome_initial(booking)),
        "appeal_form": FollowUpAppealForm(initial=attendance.follow_up_defaults(booking)),
    }
    context.update(forms)
    return context


@role_required(*OFFICE_ROLES)
def booking_detail(request, code: str):
    booking = selectors.booking_get_for_office(code=code)
    return render(request, "servicedays/office/booking.html", _booking_context(request, booking))


def _booking_act(request, code, form, form_key, action, done):
    booking = selectors.booking_get_for_office(code=code)
    if form is None or form.is_valid():
        try:
            result = action(booking, form.cleaned_data if form else {})
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            if getattr(exc, "code", None) == "changed":  # show what is there now, with a fresh form
                return redirect("servicedays:office_booking", code=code)
            if form is not None:
                form_add_errors(form, exc)
        else:
            messages.success(request, done(result) if callable(done) else done)
            return redirect("servicedays:office_booking", code=code)
    forms = {form_key: form} if form is not None else {}
    booking = selectors.booking_get_for_office(code=code)
    return render(
        request,
        "servicedays/office/booking.html",
        _booking_context(request, booking, **forms),
        status=400,
    )


@require_POST
@role_required(*OFFICE_ROLES)
def check_in(request, code: str):
    def action(booking, data):
        return attendance.booking_check_in(booking=booking, by_name=person_name(request.user))

    return _booking_act(request, code, None, "", action, _("Checked in."))


@require_POST
@role_required(*OFFICE_ROLES)
def outcome(request, code: str):
    def action(booking, data):
        return attendance.booking_outcome_record(
            booking=booking,
            outcome=data["outcome"],
            note=data["note"],
            by_name=person_name(request.user),
            seen_outcome_at=data["seen"],
        )

    form = OutcomeForm(request.POST)
    return _booking_act(request, code, form, "outcome_form", action, _("Outcome recorded."))


@require_POST
@role_required(Role.WINDOW_STAFF)  # filing in an enterprise's name is the window's job
def follow_up_appeal(request, code: str):
    def action(booking, data):
        return attendance.booking_follow_up_appeal(booking=booking, by=request.user, **data)

    def done(appeal):
        return _("Filed as appeal %(number)s.") % {"number": appeal.tracking_number}

    form = FollowUpAppealForm(request.POST)
    return _booking_act(request, code, form, "appeal_form", action, done)
