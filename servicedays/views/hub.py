"""The district hub's service-day pages: liaisons see their department's days across the
parks, with who comes and why, and record outcomes; district admins see every day."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_add_errors
from onewindow.selectors import liaison_department

from .. import hub_selectors as selectors
from ..forms import outcome_initial
from ..hub_forms import HubDayFilterForm, HubDayForm, OutcomeForm
from ..services import hubdays

HUB = (Role.LIAISON, Role.DISTRICT_ADMIN)


@role_required(*HUB)
def day_list(request):
    is_admin = request.user.role == Role.DISTRICT_ADMIN
    filters = HubDayFilterForm(request.GET or None) if is_admin else None
    criteria = filters.cleaned_data if filters is not None and filters.is_valid() else {}
    overview = selectors.hub_days_overview(
        user=request.user, park=criteria.get("park"), department=criteria.get("department")
    )
    return render(
        request,
        "servicedays/hub/list.html",
        {**overview, "filters": filters, "department": liaison_department(request.user)},
    )


def _outcome_form(row, data=None) -> OutcomeForm:
    # One form per booking on the page: ids must not repeat.
    return OutcomeForm(
        data,
        auto_id=f"id_b{row.booking_id}_%s",
        initial=outcome_initial(row),
    )


def _day_context(request, hub_day, bound=None) -> dict:
    """The day with its groups; each attended booking carries its outcome form when the
    viewer is the department's liaison (`bound` is a form sent back with errors)."""
    groups = selectors.hub_day_groups(user=request.user, hub_day=hub_day)
    records = request.user.role == Role.LIAISON
    for group in groups:
        for row in group["bookings"]:
            row.outcome_form = None
            if records and row.status == row.Status.ATTENDED and not row.appeal_number:
                is_bound = bound is not None and bound[0] == row.booking_id
                row.outcome_form = bound[1] if is_bound else _outcome_form(row)
    return {"day": hub_day, "groups": groups, "is_admin": not records}


@role_required(*HUB)
def day_detail(request, pk: int):
    hub_day = selectors.hub_day_get_for_user(user=request.user, pk=pk)
    return render(request, "servicedays/hub/day.html", _day_context(request, hub_day))


@require_POST
@role_required(Role.LIAISON)
def outcome(request, pk: int, booking_id: int):
    hub_day = selectors.hub_day_get_for_user(user=request.user, pk=pk)
    row = selectors.hub_booking_get_for_liaison(
        user=request.user, hub_day=hub_day, booking_id=booking_id
    )
    form = _outcome_form(row, request.POST)
    if form.is_valid():
        try:
            hubdays.hub_booking_outcome_record(
                by=request.user,
                hub_booking=row,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            if getattr(exc, "code", None) == "changed":  # show what is there now, with a fresh form
                return redirect("servicedays_hub:detail", pk=pk)
            form_add_errors(form, exc)
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect("servicedays_hub:detail", pk=pk)
    context = _day_context(request, hub_day, bound=(booking_id, form))
    return render(request, "servicedays/hub/day.html", context, status=400)


@role_required(*HUB)
def day_new(request):
    own = liaison_department(request.user)
    form = HubDayForm(request.POST or None, own_department=own)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        park, publish = data.pop("park"), data.pop("publish")
        try:
            hubdays.hub_day_create(by=request.user, park=park, publish=publish, **data)
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(
                request, _("The service day is set up in %(park)s.") % {"park": park.name}
            )
            return redirect("servicedays_hub:list")
    return render(
        request,
        "servicedays/hub/new.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
