from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_add_errors

from . import selectors, services
from .forms import RegistrationForm, VerificationForm


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def register(request):
    if request.user.is_authenticated:
        return redirect("/")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.enterprise_register(
                company_name=data["company_name"],
                uscc=data["uscc"],
                contact_name=data["contact_name"],
                mobile=data["mobile"],
                password=data["password1"],
                email=data["email"],
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            return render(request, "enterprises/register_done.html", {"mobile": data["mobile"]})
    return render(request, "enterprises/register.html", {"form": form})


@role_required(Role.WINDOW_STAFF)
def pending_list(request):
    return render(
        request,
        "enterprises/pending_list.html",
        {"enterprises": selectors.enterprise_list_pending(), "form": VerificationForm()},
    )


@require_POST
@role_required(Role.WINDOW_STAFF)
def verify(request, pk: int):
    enterprise = selectors.enterprise_get_for_window(pk=pk)
    form = VerificationForm(request.POST)
    if form.is_valid():
        try:
            services.enterprise_verify(
                enterprise=enterprise,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(name)s: decision recorded.") % {"name": enterprise.name})
    else:
        messages.error(request, _("The decision could not be read; nothing was changed."))
    return redirect("enterprises:pending")
