from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailAdminLoginForm

from .throttle import lockout_error, login_lockout_seconds, password_reset_mail_claim


class ThrottledAuthenticationForm(auth_forms.AuthenticationForm):
    """Asks the login throttle before the password is checked, so that a locked-out login
    reads the lockout (code "throttled") rather than "wrong password". Failures are counted
    by the authentication backend (accounts.backends.ThrottledModelBackend).

    Put it after another login form among the bases: that form's fields then win, and its
    clean() is AuthenticationForm's, reached through this one."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username:
            seconds = login_lockout_seconds(self.request, username)
            if seconds:
                raise lockout_error(seconds)
        return super().clean()


class LoginForm(ThrottledAuthenticationForm):
    username = forms.CharField(
        label=_("Account (mobile number or user name)"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class WagtailLoginForm(WagtailAdminLoginForm, ThrottledAuthenticationForm):
    """Wagtail's admin login (WAGTAILADMIN_USER_LOGIN_FORM): throttled, and for people who may
    use the admin only — an enterprise account gets no session there."""

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise self.get_invalid_login_error()


class AdminLoginForm(AdminAuthenticationForm, ThrottledAuthenticationForm):
    """The hub's Django admin login (admin.site.login_form), throttled."""


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Sends at most one mail per account per PASSWORD_RESET_MAIL_INTERVAL; the page answers
    the same whether a mail went out, was held back, or the address is unknown."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        if password_reset_mail_claim(context["user"]):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class TokenIssueForm(forms.Form):
    """A new personal API token: what it is for and how long it lasts (API_TOKEN_DAYS)."""

    name = forms.CharField(
        label=_("Token name"),
        max_length=60,
        help_text=_("What the token is for, e.g. our WeChat mini-program."),
    )
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["days"]).choices = [
            (days, ngettext("%(days)d day", "%(days)d days", days) % {"days": days})
            for days in settings.API_TOKEN_DAYS
        ]
