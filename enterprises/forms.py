from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .validators import clean_mobile, clean_uscc


class RegistrationForm(forms.Form):
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
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def clean_uscc(self) -> str:
        return clean_uscc(self.cleaned_data["uscc"])

    def clean_mobile(self) -> str:
        return clean_mobile(self.cleaned_data["mobile"])

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
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
