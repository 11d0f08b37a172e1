from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from accounts.models import Role
from accounts.permissions import role_required
from core.forms import form_add_errors

from . import selectors, services
from .forms import RegistrationForm, VerificationForm

# Codes texted to a client, across every park (the counters live in the shared cache).
SEND_CODE_RATE = "5/h"


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def register(request):
    if request.user.is_authenticated:
        return redirect("/")
    if request.method == "POST" and request.POST.get("action") == "send_code":
        return _send_code(request)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.enterprise_register(
                company_name=data["company_name"],
                uscc=data["uscc"],
                contact_name=data["contact_name"],
                mobile=data["mobile"],
                mobile_code=data["mobile_code"],
                password=data["password1"],
                email=data["email"],
            )
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            return render(request, "enterprises/register_done.html", {"mobile": data["mobile"]})
    return render(request, "enterprises/register.html", {"form": form})


def _send_code(request):
    """The "Send code" button: the form comes back as typed (passwords and code dropped) with
    one answer for every number, whether or not it has an account."""
    if is_ratelimited(
        request, group="enterprises.send_code", key="ip", rate=SEND_CODE_RATE, increment=True
    ):
        raise Ratelimited
    kept = request.POST.copy()
    for name in ("password1", "password2", "mobile_code"):
        kept.pop(name, None)
    form = RegistrationForm(kept, sending_code=True)
    code_sent = False
    if form.is_valid():
        try:
            services.registration_code_send(mobile=form.cleaned_data["mobile"])
        except ValidationError as exc:
            form_add_errors(form, exc)
        else:
            code_sent = True
    return render(request, "enterprises/register.html", {"form": form, "code_sent": code_sent})


@role_required(Role.WINDOW_STAFF)
def pending_list(request):
    return render(
        request,
        "enterprises/pending_list.html",
        {"groups": selectors.enterprise_list_pending(), "form": VerificationForm()},
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
