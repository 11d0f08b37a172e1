"""The park's visits (走访): coverage of the period, the plan, visit records, and each raised
item filed into the window as an appeal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_add_errors

from ..forms_office import VisitForm, VisitItemAppealForm, VisitPlanForm
from ..models import Visit, VisitItem
from ..services import visits
from ..services.visits import OFFICE_ROLES


def _overview(request, plan_form=None, status=200):
    coverage = visits.visit_coverage()
    due = Paginator(visits.enterprises_not_visited(coverage), 25).get_page(request.GET.get("page"))
    if plan_form is None and request.user.is_park_operator:
        plan_form = VisitPlanForm(initial={"period_months": coverage.period_months})
    context = {
        "coverage": coverage,
        "page": due,
        "recent": visits.visits_recent(),
        "plan_form": plan_form,
    }
    return render(request, "proactive/office/visits.html", context, status=status)


@role_required(*OFFICE_ROLES)
def visit_overview(request):
    return _overview(request)


@require_POST
@role_required(Role.PARK_OPERATOR)
def visit_plan(request):
    form = VisitPlanForm(request.POST)
    if form.is_valid():
        try:
            visits.visit_plan_set(period_months=form.cleaned_data["period_months"], by=request.user)
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(request, _("The visit plan is saved."))
            return redirect("proactive_office:visits")
    return _overview(request, plan_form=form, status=400)


@role_required(*OFFICE_ROLES)
def visit_new(request):
    form = VisitForm(request.POST or None, initial={"visitor": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            visit = visits.visit_record(**form.visit_data(), by=request.user)
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(request, _("The visit is recorded."))
            return redirect("proactive_office:visit", pk=visit.pk)
    return render(
        request,
        "proactive/office/visit_new.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@role_required(*OFFICE_ROLES)
def visit_detail(request, pk: int):
    visit = get_object_or_404(Visit.objects.select_related("enterprise", "visitor"), pk=pk)
    items = visit.items.select_related("appeal")
    return render(request, "proactive/office/visit.html", {"visit": visit, "items": items})


@role_required(Role.WINDOW_STAFF)  # filing in an enterprise's name is the window's job
def visit_item_appeal(request, pk: int):
    item = get_object_or_404(
        VisitItem.objects.select_related("visit__enterprise", "visit__visitor", "appeal"), pk=pk
    )
    if item.appeal is not None:
        return redirect("appeals:window_detail", tracking_number=item.appeal.tracking_number)
    form = VisitItemAppealForm(request.POST or None, initial=visits.visit_item_defaults(item))
    if request.method == "POST" and form.is_valid():
        try:
            appeal = visits.visit_item_file(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(
                request, _("Filed as appeal %(number)s.") % {"number": appeal.tracking_number}
            )
            return redirect("appeals:window_detail", tracking_number=appeal.tracking_number)
    return render(
        request,
        "proactive/office/visit_item_appeal.html",
        {"item": item, "visit": item.visit, "form": form},
        status=400 if form.is_bound else 200,
    )
