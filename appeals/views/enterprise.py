"""The enterprise's pages: file an appeal, follow it, answer questions, rate the answer."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.models import Role
from accounts.permissions import role_required
from core.downloads import private_file_response
from core.forms import form_add_errors

from .. import selectors
from ..forms import AppealForm, InfoReplyForm, RatingForm, ResubmitForm
from ..lifecycle import AppealAction
from ..services.intake import appeal_resubmit, appeal_submit
from ..services.journey import appeal_reply_info
from ..services.rating import appeal_rate


def _enterprise(request):
    return getattr(request.user, "enterprise", None)


@role_required(Role.ENTERPRISE)
def appeal_list(request):
    return render(
        request,
        "appeals/list.html",
        {"appeals": selectors.appeal_list_for_enterprise(user=request.user)},
    )


# Appeals an account may file an hour, through every door: this form, the JSON API and Open311
# spend one budget (the same group, key and rate).
APPEAL_RATE = "30/h"


@ratelimit(key="core.ratelimit.account_or_ip", rate=APPEAL_RATE, method="POST", block=True)
@role_required(Role.ENTERPRISE)
def appeal_new(request):
    enterprise = _enterprise(request)
    if enterprise is None or not enterprise.is_verified:
        return render(request, "appeals/not_verified.html", status=403)
    initial = {"contact_name": enterprise.contact_name, "contact_mobile": enterprise.mobile}
    form = AppealForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appeal = appeal_submit(
                enterprise=enterprise,
                by=request.user,
                category=data["category"],
                title=data["title"],
                description=data["description"],
                contact_name=data["contact_name"],
                contact_mobile=data["contact_mobile"],
                uploads=data["attachments"],
                submission_key=data["submission_key"],
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            return redirect("appeals:submitted", tracking_number=appeal.tracking_number)
    return render(request, "appeals/new.html", {"form": form})


@role_required(Role.ENTERPRISE)
def appeal_submitted(request, tracking_number: str):
    appeal = selectors.appeal_get_for_enterprise(user=request.user, tracking_number=tracking_number)
    return render(request, "appeals/submitted.html", {"appeal": appeal})


@role_required(Role.ENTERPRISE)
def appeal_detail(request, tracking_number: str):
    appeal = selectors.appeal_get_for_enterprise(user=request.user, tracking_number=tracking_number)
    return render(request, "appeals/detail.html", _detail_context(request, appeal))


def _detail_context(request, appeal, **forms) -> dict:
    return {
        "appeal": appeal,
        "actions": appeal.allowed_actions(request.user),
        "events": selectors.public_events(appeal),
        "reply_form": InfoReplyForm(),
        "rating_form": RatingForm(),
        **forms,
    }


@role_required(Role.ENTERPRISE)
def appeal_edit(request, tracking_number: str):
    appeal = selectors.appeal_get_for_enterprise(user=request.user, tracking_number=tracking_number)
    if AppealAction.RESUBMIT not in appeal.allowed_actions(request.user):
        messages.error(request, _("This appeal cannot be changed now."))
        return redirect("appeals:detail", tracking_number=tracking_number)
    initial = {
        "category": appeal.category_id,
        "title": appeal.title,
        "description": appeal.description,
        "contact_name": appeal.contact_name,
        "contact_mobile": appeal.contact_mobile,
    }
    form = ResubmitForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appeal_resubmit(
                appeal=appeal,
                by=request.user,
                category=data["category"],
                title=data["title"],
                description=data["description"],
                contact_name=data["contact_name"],
                contact_mobile=data["contact_mobile"],
                uploads=data["attachments"],
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(request, _("Resubmitted to the park window."))
            return redirect("appeals:detail", tracking_number=tracking_number)
    return render(request, "appeals/edit.html", {"form": form, "appeal": appeal})


def _post_action(request, tracking_number, form_class, action, template_key):
    appeal = selectors.appeal_get_for_enterprise(user=request.user, tracking_number=tracking_number)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            action(appeal, form.cleaned_data)
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            return redirect("appeals:detail", tracking_number=tracking_number)
    context = _detail_context(request, appeal, **{template_key: form})
    return render(request, "appeals/detail.html", context, status=400)


@require_POST
@role_required(Role.ENTERPRISE)
def appeal_reply(request, tracking_number: str):
    def action(appeal, data):
        appeal_reply_info(
            appeal=appeal, by=request.user, text=data["text"], uploads=data["attachments"]
        )
        messages.success(request, _("Your reply was sent to the department."))

    return _post_action(request, tracking_number, InfoReplyForm, action, "reply_form")


@require_POST
@role_required(Role.ENTERPRISE)
def appeal_rating(request, tracking_number: str):
    def action(appeal, data):
        appeal_rate(
            appeal=appeal,
            by=request.user,
            resolved=data["resolved"],
            satisfaction=data["satisfaction"],
            comment=data["comment"],
        )
        messages.success(request, _("Thank you for your rating."))

    return _post_action(request, tracking_number, RatingForm, action, "rating_form")


def attachment_download(request, tracking_number: str, pk: int):
    """An appeal's file, for its enterprise or the park window; 404 for anyone else."""
    attachment = selectors.attachment_get_for_user(
        user=request.user, tracking_number=tracking_number, pk=pk
    )
    return private_file_response(
        attachment.file, filename=attachment.name, content_type=attachment.content_type
    )
