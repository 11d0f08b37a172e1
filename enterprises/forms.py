from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .validators import clean_mobile, clean_uscc


class RegistrationForm(forms.Form):
    """The registration form; with `sending_code`, only the mobile number is asked for (the
    "Send code" button), the other fields are kept as typed and the passwords dropped."""

    company_name = forms.CharField(label=_("Company name"), max_length=120)
    uscc = forms.CharField(
        label=_("Unified social credit code"),
        max_length=30,
        help_text=_("18 characters, printed on the business licence."),
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=60)
    mobile = forms.CharField(
        label=_("Mobile number"), max_length=20, help_text=_("You will log in with it.")
    )
    mobile_code = forms.CharField(
        label=_("SMS code"),
        max_length=6,
        help_text=_("Press “Send code” to receive it by SMS; it is valid for 10 minutes."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args: Any, sending_code: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sending_code = sending_code

    def full_clean(self) -> None:
        if not self.sending_code:
            return super().full_clean()
        # Only the number is needed to send a code; the page still marks what registering needs.
        required = {name: field.required for name, field in self.fields.items()}
        for name, field in self.fields.items():
            field.required = name == "mobile"
        try:
            super().full_clean()
        finally:
            for name, field in self.fields.items():
                field.required = required[name]

    def clean_uscc(self) -> str:
        value = self.cleaned_data["uscc"]
        return clean_uscc(value) if value or not self.sending_code else value

    def clean_mobile(self) -> str:
        return clean_mobile(self.cleaned_data["mobile"])

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if self.sending_code:
            return cleaned
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class VerificationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.HiddenInput
    )
    note = forms.CharField(label=_("Reason"), max_length=200, required=False)
