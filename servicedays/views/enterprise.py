"""The park's service-day pages for everyone (calendar, day) and for enterprises (book, wait,
cancel, move, their bookings)."""

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_add_errors
from tenants.selectors import park_current, park_link

from .. import selectors
from ..forms import BookingForm, MoveForm
from ..models import ServiceDay, WaitlistEntry
from ..services.bookings import booking_cancel, booking_create, booking_move
from ..services.common import SlotFull
from ..services.waitlist import waitlist_join, waitlist_leave


def calendar(request):
    return render(request, "servicedays/calendar.html", {"days": selectors.service_days_calendar()})


def _day_context(request, day, form=None, full_slot=None):
    now = timezone.now()
    user = request.user
    enterprise = getattr(user, "enterprise", None) if user.is_authenticated else None
    slots = selectors.slots_bookable(day=day)
    mine = []
    if enterprise is not None:
        mine = list(selectors.bookings_for_enterprise(user=user).filter(service_day=day))
    return {
        "day": day,
        "state_label": ServiceDay.BookingState(day.booking_state(now)).label,
        "is_open": day.is_bookable(now),
        "slots": slots,
        "enterprise": enterprise,
        "can_book": enterprise is not None and enterprise.is_verified and user.is_enterprise,
        "my_bookings": mine,
        "form": form or BookingForm(slots=slots),
        "full_slot": full_slot,
    }


def day_detail(request, pk: int):
    day = selectors.service_day_get_public(pk=pk)
    return render(request, "servicedays/day.html", _day_context(request, day))


def _enterprise_of(request):
    return getattr(request.user, "enterprise", None)


def _ask_for_slot(request, pk: int, service, done):
    """Book a slot or join its waitlist: the same form, checks and error page; `service` is
    booking_create or waitlist_join, `done` answers its result."""
    day = selectors.service_day_get_public(pk=pk)
    form = BookingForm(request.POST, slots=selectors.slots_bookable(day=day))
    enterprise = _enterprise_of(request)
    status = 400
    full_slot = None
    if form.is_valid() and enterprise is not None:
        data = form.cleaned_data
        try:
            result = service(
                slot=data["slot"],
                enterprise=enterprise,
                by=request.user,
                topic=data["topic"],
                question=data["question"],
                service_day=day,
            )
        except SlotFull as exc:
            full_slot, status = exc.slot, 409
            form.add_error("slot", exc)
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            return done(result)
    elif enterprise is None:
        form.add_error(None, _("Only enterprise accounts can book."))
    return render(
        request,
        "servicedays/day.html",
        _day_context(request, day, form=form, full_slot=full_slot),
        status=status,
    )


@require_POST
@ratelimit(key="core.ratelimit.account_or_ip", rate="60/h", method="POST", block=True)
@role_required(Role.ENTERPRISE)
def book(request, pk: int):
    def done(booking):
        messages.success(
            request, _("Booked. Your check-in code is %(code)s.") % booking_code(booking)
        )
        return redirect("servicedays:booking", code=booking.code)

    return _ask_for_slot(request, pk, booking_create, done)


def booking_code(booking) -> dict:
    return {"code": booking.code_display}


@require_POST
@ratelimit(key="core.ratelimit.account_or_ip", rate="60/h", method="POST", block=True)
@role_required(Role.ENTERPRISE)
def join_waitlist(request, pk: int):
    def done(entry):
        position = entry.slot.waitlist.in_line().filter(created_at__lte=entry.created_at).count()
        messages.success(
            request,
            _(
                "You are number %(position)d on the waitlist. If a seat comes free before "
                "booking closes, it is yours and we will tell you."
            )
            % {"position": position},
        )
        return redirect("servicedays:mine")

    return _ask_for_slot(request, pk, waitlist_join, done)


@role_required(Role.ENTERPRISE)
def mine(request):
    return render(
        request,
        "servicedays/mine.html",
        {
            "bookings": selectors.bookings_for_enterprise(user=request.user).select_related(
                "slot__department"
            ),
            "waiting": selectors.waitlist_for_enterprise(user=request.user),
        },
    )


def _qr_svg(url: str, title: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=5, title=title, svgclass="qr")
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _booking_context(request, booking, move_form=None):
    now = timezone.now()
    day = booking.service_day
    office_url = park_link(park_current(), "servicedays:office_booking", booking.code)
    others = selectors.slots_bookable(day=day).exclude(pk=booking.slot_id).with_free_seats()
    return {
        "booking": booking,
        "day": day,
        "actions": booking.allowed_actions(request.user, now),
        "qr": _qr_svg(
            office_url, _("Check-in QR code for booking %(code)s") % booking_code(booking)
        ),
        "move_form": move_form or MoveForm(slots=others),
    }


@role_required(Role.ENTERPRISE)
def booking_detail(request, code: str):
    booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
    return render(request, "servicedays/booking.html", _booking_context(request, booking))


@require_POST
@role_required(Role.ENTERPRISE)
def cancel(request, code: str):
    booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
    try:
        booking_cancel(booking=booking, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return render(
            request, "servicedays/booking.html", _booking_context(request, booking), status=400
        )
    messages.success(request, _("Your booking is cancelled."))
    return redirect("servicedays:mine")


@require_POST
@role_required(Role.ENTERPRISE)
def move(request, code: str):
    booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
    form = MoveForm(request.POST, slots=selectors.slots_bookable(day=booking.service_day))
    if form.is_valid():
        try:
            moved = booking_move(
                booking=booking, to_slot=form.cleaned_data["slot"], by=request.user
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(request, _("Your booking is moved. It has a new check-in code."))
            return redirect("servicedays:booking", code=moved.code)
    return render(
        request,
        "servicedays/booking.html",
        _booking_context(request, booking, move_form=form),
        status=400,
    )


@require_POST
@role_required(Role.ENTERPRISE)
def leave_waitlist(request, pk: int):
    entry = selectors.waitlist_entry_get_for_enterprise(user=request.user, pk=pk)
    entry = waitlist_leave(entry=entry, by=request.user)
    if entry.status == WaitlistEntry.Status.PROMOTED:
        messages.info(
            request,
            _(
                "A seat came free and is already yours: cancel the booking if you no longer need it."
            ),
        )
    elif entry.status == WaitlistEntry.Status.LEFT:
        messages.success(request, _("You have left the waitlist."))
    return redirect("servicedays:mine")
