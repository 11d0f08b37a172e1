"""The park window's back office: queue, triage, walk-in filing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_action_run, form_add_errors

from .. import selectors
from ..forms import AcceptForm, AnswerForm, QueueFilterForm, ReasonForm, WalkInForm
from ..services import window
from ..services.intake import appeal_submit


@role_required(Role.WINDOW_STAFF)
def queue(request):
    filters = QueueFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    appeals = selectors.appeal_queue(
        query=criteria.get("q") or "",
        status=criteria.get("status") or "",
        category_id=getattr(criteria.get("category"), "pk", None),
        due=criteria.get("due") or "all",
    )
    page = Paginator(appeals, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "appeals/window/queue.html",
        {"filters": filters, "page": page, "counts": selectors.window_counts()},
    )


def _detail_context(request, appeal, **forms):
    context = {
        "appeal": appeal,
        "actions": appeal.allowed_actions(request.user),
        "events": appeal.events.all(),
        "accept_form": AcceptForm(),
        "return_form": ReasonForm(prefix="return"),
        "reject_form": ReasonForm(prefix="reject"),
        "answer_form": AnswerForm(),
    }
    context.update(forms)
    return context


@role_required(Role.WINDOW_STAFF)
def window_detail(request, tracking_number: str):
    appeal = selectors.appeal_get_for_window(tracking_number=tracking_number)
    return render(request, "appeals/window/detail.html", _detail_context(request, appeal))


def _act(request, tracking_number, form, form_key, action, done: str):
    appeal = selectors.appeal_get_for_window(tracking_number=tracking_number)
    if form_action_run(request, form, lambda data: action(appeal, data), done):
        return redirect("appeals:window_detail", tracking_number=tracking_number)
    return render(
        request,
        "appeals/window/detail.html",
        _detail_context(request, appeal, **{form_key: form}),
        status=400,
    )


@require_POST
@role_required(Role.WINDOW_STAFF)
def accept(request, tracking_number: str):
    def action(appeal, data):
        window.appeal_accept(
            appeal=appeal,
            by=request.user,
            category=data["category"],
            department=data["department"],
            note=data["note"],
        )

    return _act(
        request,
        tracking_number,
        AcceptForm(request.POST),
        "accept_form",
        action,
        _("Accepted and sent to the district."),
    )


@require_POST
@role_required(Role.WINDOW_STAFF)
def return_for_info(request, tracking_number: str):
    def action(appeal, data):
        window.appeal_return(appeal=appeal, by=request.user, reason=data["reason"])

    form = ReasonForm(request.POST, prefix="return")
    return _act(
        request,
        tracking_number,
        form,
        "return_form",
        action,
        _("Returned to the enterprise for more information."),
    )


@require_POST
@role_required(Role.WINDOW_STAFF)
def reject(request, tracking_number: str):
    def action(appeal, data):
        window.appeal_reject(appeal=appeal, by=request.user, reason=data["reason"])

    form = ReasonForm(request.POST, prefix="reject")
    return _act(request, tracking_number, form, "reject_form", action, _("Not accepted."))


@require_POST
@role_required(Role.WINDOW_STAFF)
def answer(request, tracking_number: str):
    def action(appeal, data):
        window.appeal_answer_at_window(
            appeal=appeal, by=request.user, text=data["text"], uploads=data["attachments"]
        )

    form = AnswerForm(request.POST, request.FILES)
    return _act(request, tracking_number, form, "answer_form", action, _("Answered at the window."))


@role_required(Role.WINDOW_STAFF)
def walk_in(request):
    form = WalkInForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appeal = appeal_submit(
                enterprise=data["enterprise"],
                by=request.user,
                category=data["category"],
                title=data["title"],
                description=data["description"],
                contact_name=data["contact_name"],
                contact_mobile=data["contact_mobile"],
                uploads=data["attachments"],
                submission_key=data["submission_key"],
                at_window=True,
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(
                request, _("Filed as %(number)s.") % {"number": appeal.tracking_number}
            )
            return redirect("appeals:window_detail", tracking_number=appeal.tracking_number)
    return render(request, "appeals/window/walk_in.html", {"form": form})
