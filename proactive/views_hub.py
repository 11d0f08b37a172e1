"""The district hub's district-policy pages (区级政策): district admins write a policy once
and publish it for every park."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_add_errors

from .forms_hub import DistrictPolicyForm
from .services import district


@role_required(Role.DISTRICT_ADMIN)
def policy_list(request):
    overview = district.district_policies_overview(by=request.user)
    return render(request, "proactive/hub/list.html", overview)


@role_required(Role.DISTRICT_ADMIN)
def policy_new(request):
    return _edit(request, None)


@role_required(Role.DISTRICT_ADMIN)
def policy_edit(request, pk: int):
    return _edit(request, district.district_policy_get_for_user(user=request.user, pk=pk))


def _edit(request, policy):
    form = DistrictPolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        try:
            district.district_policy_save(by=request.user, policy=policy, **form.fields_cleaned())
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            messages.success(request, _("The district policy is saved."))
            return redirect("proactive_hub:list")
    return render(
        request,
        "proactive/hub/edit.html",
        {"form": form, "policy": policy},
        status=400 if form.is_bound else 200,
    )


@require_POST
@role_required(Role.DISTRICT_ADMIN)
def policy_publish(request, pk: int):
    policy = district.district_policy_get_for_user(user=request.user, pk=pk)
    return _act(request, district.district_policy_publish, policy, _("Published for every park."))


@require_POST
@role_required(Role.DISTRICT_ADMIN)
def policy_withdraw(request, pk: int):
    policy = district.district_policy_get_for_user(user=request.user, pk=pk)
    done = _("Withdrawn: every park unpublishes its copy.")
    return _act(request, district.district_policy_withdraw, policy, done)


def _act(request, action, policy, done: str):
    try:
        action(policy=policy, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("proactive_hub:list")
