from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from core.forms import form_add_errors

from .forms import LoginForm, PasswordResetForm, TokenIssueForm
from .models import ApiToken
from .tokens import token_issue, token_revoke, tokens_for


@method_decorator(ratelimit(key="ip", rate="20/m", method="POST", block=True), name="post")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "throttled"):
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


@method_decorator(ratelimit(key="ip", rate="5/m", method="POST", block=True), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mail_interval_minutes"] = settings.PASSWORD_RESET_MAIL_INTERVAL // 60
        return context


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def _user_in_schema(group, request) -> str:
    """One budget per account of this park (or the hub): user 7 of two parks are two people."""
    return f"{connection.schema_name}:{request.user.pk}"  # type: ignore[attr-defined]


# never_cache: the page shows a new token once, and no cache or back button may show it again.
@never_cache
@login_required
@ratelimit(key=_user_in_schema, rate="10/h", method="POST", block=True)
def api_tokens(request):
    """The signed-in person's API tokens; a POST issues one and shows it on this answer only."""
    form = TokenIssueForm(request.POST if request.method == "POST" else None)
    new_token, status = None, 200
    if request.method == "POST":
        new_token = _issue(request, form)
        status = 200 if new_token else 400
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": TokenIssueForm() if new_token else form,
            "new_token": new_token,
            "tokens": tokens_for(request.user),
        },
        status=status,
    )


def _issue(request, form: TokenIssueForm) -> str | None:
    if not form.is_valid():
        return None
    try:
        _token, raw = token_issue(
            user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
    except ValidationError as exc:
        form_add_errors(form, exc)
        return None
    return raw


@require_POST
@login_required
def api_token_revoke(request, pk: int):
    try:
        token = token_revoke(user=request.user, pk=pk)
    except ApiToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
