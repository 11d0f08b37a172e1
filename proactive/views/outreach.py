"""The park's outreach lists (主动对接): per policy, who qualifies or nearly does, who contacts
them and with what outcome; the 免申即享 list exported for the department."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import role_required
from enterprises.models import Enterprise

from ..forms_office import AssignForm, ContactForm, OutreachFilterForm
from ..services import outreach
from ..services.visits import OFFICE_ROLES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@role_required(*OFFICE_ROLES)
def policy_list(request):
    return render(
        request, "proactive/office/outreach_policies.html", {"rows": outreach.outreach_policies()}
    )


def _filters(data, prefix: str | None = None) -> dict:
    """The valid filters of the list; its forms send them back under the prefix "keep"."""
    form = OutreachFilterForm(data, prefix=prefix)
    return (
        {key: value for key, value in form.cleaned_data.items() if value} if form.is_valid() else {}
    )


def _list_response(request, policy, status: int = 200):
    filters = OutreachFilterForm(request.GET or None)
    rows = outreach.outreach_list(policy=policy, user=request.user, **_filters(request.GET))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    shown = outreach.outreach_rows_decorate(list(page.object_list))
    history = outreach.outreach_history(
        policy=policy, enterprise_ids=[r.enterprise_id for r in shown]
    )
    for row in shown:
        prefix = f"e{row.enterprise_id}_%s"
        row.assign_form = AssignForm(auto_id=prefix, initial={"assignee": row.assigned_to_id})
        row.contact_form = ContactForm(auto_id=prefix)
        row.contacts = history[row.enterprise_id]
    context = {
        "policy": policy,
        "filters": filters,
        "page": page,
        "rows": shown,
        "kept": _filters(request.GET),
    }
    return render(request, "proactive/office/outreach.html", context, status=status)


@role_required(*OFFICE_ROLES)
def outreach_detail(request, policy_id: int):
    return _list_response(request, outreach.policy_get_for_office(policy_id=policy_id))


def _act(request, policy_id, enterprise_id, form, action, done: str):
    policy = outreach.policy_get_for_office(policy_id=policy_id)
    enterprise = get_object_or_404(Enterprise, pk=enterprise_id)
    if form.is_valid():
        try:
            action(policy, enterprise, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, done)
            kept = urlencode(_filters(request.POST, prefix="keep"))
            url = reverse("proactive_office:outreach", args=[policy.pk])
            return redirect(f"{url}{'?' + kept if kept else ''}#e{enterprise.pk}")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return _list_response(request, policy, status=400)


@require_POST
@role_required(*OFFICE_ROLES)
def assign(request, policy_id: int, enterprise_id: int):
    def action(policy, enterprise, data):
        outreach.outreach_assign(
            policy=policy, enterprise=enterprise, assignee=data["assignee"], by=request.user
        )

    form = AssignForm(request.POST)
    return _act(request, policy_id, enterprise_id, form, action, _("Assignment saved."))


@require_POST
@role_required(*OFFICE_ROLES)
def contact(request, policy_id: int, enterprise_id: int):
    def action(policy, enterprise, data):
        outreach.outreach_record(
            policy=policy,
            enterprise=enterprise,
            outcome=data["outcome"],
            note=data["note"],
            by=request.user,
        )

    form = ContactForm(request.POST)
    return _act(request, policy_id, enterprise_id, form, action, _("Contact recorded."))


@role_required(*OFFICE_ROLES)
def export(request, policy_id: int, fmt: str):
    """The qualifying enterprises of a 免申即享 policy, for the department; other policies
    have no such list."""
    policy = outreach.policy_get_for_office(policy_id=policy_id)
    if not policy.no_application_needed:
        raise Http404
    headers = outreach.no_application_headers()
    rows = outreach.no_application_rows(policy=policy, today=timezone.localdate())
    if fmt == "xlsx":
        body = outreach.table_xlsx(headers, rows, title=policy.title)
        response = HttpResponse(body, content_type=XLSX)
    else:
        response = HttpResponse(
            outreach.table_csv(headers, rows), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="policy-{policy.pk}-qualifying.{fmt}"'
    return response
