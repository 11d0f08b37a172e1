"""The district hub's pages: liaisons' case work, district admins' arbitration."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.downloads import private_file_response
from core.forms import form_action_run
from core.workdays import uncovered_years
from tenants.selectors import park_list_for_hub, park_url

from . import selectors
from .facts import case_facts
from .forms import (
    CaseAnswerForm,
    CaseFilterForm,
    ExtensionDecisionForm,
    ExtensionForm,
    QuestionForm,
    RedispatchForm,
    ReturnForm,
    TransferForm,
)
from .models import ExtensionRequest
from .services import cases, extensions

HUB_ROLES = (Role.LIAISON, Role.DISTRICT_ADMIN)


@role_required(*HUB_ROLES)
def case_list(request):
    filters = CaseFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    found = selectors.case_list_for_user(
        user=request.user,
        query=criteria.get("q") or "",
        status=criteria.get("status") or "",
        overdue=bool(criteria.get("overdue")),
    )
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "onewindow/case_list.html",
        {
            "filters": filters,
            "page": page,
            "department": selectors.liaison_department(request.user),
        },
    )


def _case_context(request, case, **forms):
    context = {
        "case": case,
        "events": case.events.select_related("actor"),
        "answers": case.answers.select_related("department"),
        "enterprise_files": case.attachments.filter(from_enterprise=True),
        "actions": case.allowed_actions(request.user),
        "answer_form": CaseAnswerForm(),
        "question_form": QuestionForm(),
        "transfer_form": TransferForm(),
        "return_form": ReturnForm(),
        "extension_form": ExtensionForm(),
        "pending_extension": case.extensions.filter(status=ExtensionRequest.Status.PENDING).first(),
        "facts": case_facts(case),
    }
    context.update(forms)
    return context


@role_required(*HUB_ROLES)
def case_detail(request, pk: int):
    case = selectors.case_get_for_user(user=request.user, pk=pk)
    return render(request, "onewindow/case_detail.html", _case_context(request, case))


def _act(request, pk, form, form_key, action, done):
    case = selectors.case_get_for_user(user=request.user, pk=pk)
    if form_action_run(request, form, lambda data: action(case, data), done):
        return redirect("onewindow:case_detail", pk=pk)
    context = _case_context(request, case, **({form_key: form} if form_key else {}))
    return render(request, "onewindow/case_detail.html", context, status=400)


class _Empty:
    """A form with nothing to fill in (signing for a case), for _act."""

    cleaned_data: dict = {}

    def is_valid(self):
        return True

    def add_error(self, _field, _exc):
        """The error is shown as a message at the top of the page."""


@require_POST
@role_required(Role.LIAISON)
def case_sign(request, pk: int):
    return _act(
        request,
        pk,
        _Empty(),
        None,
        lambda case, _data: cases.case_sign(case=case, by=request.user),
        _("Signed for."),
    )


@require_POST
@role_required(Role.LIAISON)
def case_answer(request, pk: int):
    def action(case, data):
        cases.case_answer(
            case=case, by=request.user, text=data["text"], uploads=data["attachments"]
        )

    return _act(
        request,
        pk,
        CaseAnswerForm(request.POST, request.FILES),
        "answer_form",
        action,
        _("Answer sent to the park."),
    )


@require_POST
@role_required(Role.LIAISON)
def case_request_info(request, pk: int):
    def action(case, data):
        cases.case_request_info(case=case, by=request.user, question=data["question"])

    return _act(
        request,
        pk,
        QuestionForm(request.POST),
        "question_form",
        action,
        _("Request sent to the enterprise through the park."),
    )


@require_POST
@role_required(Role.LIAISON)
def case_transfer(request, pk: int):
    def action(case, data):
        cases.case_transfer(
            case=case, by=request.user, department=data["department"], reason=data["reason"]
        )

    return _act(request, pk, TransferForm(request.POST), "transfer_form", action, _("Transferred."))


@require_POST
@role_required(Role.LIAISON)
def case_return(request, pk: int):
    def action(case, data):
        cases.case_return(case=case, by=request.user, reason=data["reason"])

    response = _act(
        request,
        pk,
        ReturnForm(request.POST),
        "return_form",
        action,
        _("Returned to the district for re-dispatch."),
    )
    # The case has left the department: its page is no longer this liaison's to see.
    if response.status_code == 302:
        return redirect("onewindow:case_list")
    return response


@require_POST
@role_required(Role.LIAISON)
def case_extension(request, pk: int):
    def action(case, data):
        extensions.extension_request(
            case=case, by=request.user, days=data["days"], reason=data["reason"]
        )

    return _act(
        request,
        pk,
        ExtensionForm(request.POST),
        "extension_form",
        action,
        _("Extension requested; a district admin will decide."),
    )


def case_file(request, pk: int, file_pk: int):
    if not request.user.is_authenticated or request.user.role not in HUB_ROLES:
        raise Http404
    attachment = selectors.case_attachment_get_for_user(user=request.user, case_pk=pk, pk=file_pk)
    return private_file_response(
        attachment.file, filename=attachment.name, content_type=attachment.content_type
    )


@role_required(Role.DISTRICT_ADMIN)
def arbitration(request):
    queue = selectors.arbitration_queue()
    return render(
        request,
        "onewindow/arbitration.html",
        {
            **queue,
            "redispatch_form": RedispatchForm(),
            "decision_form": ExtensionDecisionForm(),
        },
    )


@require_POST
@role_required(Role.DISTRICT_ADMIN)
def redispatch(request, pk: int):
    case = selectors.case_get_for_user(user=request.user, pk=pk)
    form = RedispatchForm(request.POST)
    if form.is_valid():
        try:
            cases.case_redispatch(
                case=case,
                by=request.user,
                department=form.cleaned_data["department"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Re-dispatched."))
    else:
        messages.error(request, _("Choose a department; nothing was changed."))
    return redirect("onewindow:arbitration")


@require_POST
@role_required(Role.DISTRICT_ADMIN)
def extension_decide(request, pk: int):
    """One form, two buttons: approve (延期批准) or deny (不予批准, with the reason as note)."""
    extension = get_object_or_404(ExtensionRequest, pk=pk)
    form = ExtensionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The decision could not be read; nothing was changed."))
        return redirect("onewindow:arbitration")
    note = form.cleaned_data["note"]
    try:
        if form.approves:
            extensions.extension_approve(extension=extension, by=request.user, note=note)
        else:
            extensions.extension_deny(extension=extension, by=request.user, reason=note)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("onewindow:arbitration")


def hub_home(request):
    """The district hub's home: the parks, what waits for this person, calendar warnings."""
    parks = [
        {"park": park, "url": park_url(domain, request)} for park, domain in park_list_for_hub()
    ]
    return render(
        request,
        "onewindow/hub_home.html",
        {
            "parks": parks,
            "uncovered_years": _calendar_warning(request),
            "workload": selectors.hub_workload(user=request.user),
        },
    )


def _calendar_warning(request) -> list[int]:
    """Years (this and next) the official calendar package does not cover, for district admins."""
    if not request.user.is_authenticated or request.user.role != Role.DISTRICT_ADMIN:
        return []
    year = timezone.localdate().year
    return uncovered_years([year, year + 1])
