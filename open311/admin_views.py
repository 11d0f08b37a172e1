"""The back office's page of Open311 API keys (/admin/open311/keys/): park operators issue a
key (shown once) and revoke one. Wagtail's admin wraps these views (login, access_admin); who
may use them is the keys' services' rule (park operators), asked again here for the menu."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.permissions import has_role

from .forms import ApiKeyForm
from .keys import api_key_issue, api_key_revoke, api_keys_for


def may_manage_keys(user) -> bool:
    return has_role(user, {Role.PARK_OPERATOR})


def _operator(request: HttpRequest) -> User:
    """The park operator making the request; anyone else: PermissionDenied (Wagtail's admin
    then sends them to its dashboard with a message)."""
    if not may_manage_keys(request.user):
        raise PermissionDenied
    return cast(User, request.user)


def key_index(request: HttpRequest) -> HttpResponse:
    user = _operator(request)
    context = {"keys": api_keys_for(user), "page_title": _("Open311 API keys")}
    return TemplateResponse(request, "open311/admin/key_index.html", context)


def key_create(request: HttpRequest) -> HttpResponse:
    user = _operator(request)
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key, text = api_key_issue(by=user, **form.cleaned_data)
        context = {"key": key, "text": text, "page_title": _("Key issued")}
        response = TemplateResponse(request, "open311/admin/key_created.html", context)
        # The key is on this page only: no cache, no back-button copy.
        response["Cache-Control"] = "no-store"
        return response
    context = {"form": form, "page_title": _("Issue an Open311 API key")}
    return TemplateResponse(request, "open311/admin/key_create.html", context)


def key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = _operator(request)
    key = get_object_or_404(api_keys_for(user), pk=pk)
    if request.method == "POST":
        api_key_revoke(by=user, pk=key.pk)
        messages.success(request, _("Key %(name)s was revoked.") % {"name": key.name})
        return redirect("open311_keys")
    context = {"key": key, "page_title": _("Revoke an Open311 API key")}
    return TemplateResponse(request, "open311/admin/key_revoke.html", context)
