import uuid
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DESCRIPTION_MAX, attachments_field
from enterprises.models import Enterprise
from enterprises.validators import clean_mobile
from onewindow.models import AppealCategory, Department

from .models import TRACKING_NUMBER_RE, Appeal, Satisfaction


def active_categories():
    return AppealCategory.objects.filter(is_active=True)


class AppealForm(forms.Form):
    """What an enterprise (or the window, for a walk-in) writes when filing an appeal."""

    category = forms.ModelChoiceField(
        label=_("Category"), queryset=AppealCategory.objects.none(), empty_label=_("Choose…")
    )
    title = forms.CharField(label=_("Title"), max_length=100)
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, what you need, by when (at most 4000 characters)."),
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=60)
    contact_mobile = forms.CharField(label=_("Contact mobile number"), max_length=20)
    attachments = attachments_field()
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # self.fields holds plain Fields to the type checker; these are the ones declared above.
        cast(forms.ModelChoiceField, self.fields["category"]).queryset = active_categories()

    def clean_contact_mobile(self) -> str:
        return clean_mobile(self.cleaned_data["contact_mobile"])


class ResubmitForm(AppealForm):
    # None removes the inherited field (Django's declarative forms); the stubs do not model it.
    submission_key = None  # type: ignore[assignment]


class WalkInForm(AppealForm):
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=Enterprise.objects.none(),
        empty_label=_("Choose…"),
        help_text=_("Only verified enterprises of this park are listed."),
    )
    field_order = ["enterprise"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        verified = Enterprise.objects.filter(status=Enterprise.Status.VERIFIED).order_by("name")
        cast(forms.ModelChoiceField, self.fields["enterprise"]).queryset = verified


class AcceptForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=AppealCategory.objects.none(),
        required=False,
        empty_label=_("Keep the enterprise's choice"),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("By the district's routing rules"),
    )
    note = forms.CharField(
        label=_("Internal note (not shown to the enterprise)"), max_length=500, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["category"]).queryset = active_categories()
        active = Department.objects.filter(is_active=True)
        cast(forms.ModelChoiceField, self.fields["department"]).queryset = active


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the enterprise will read it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"), max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = attachments_field()


class InfoReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"), max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    attachments = attachments_field()


class RatingForm(forms.Form):
    resolved = forms.TypedChoiceField(
        label=_("Was your problem solved?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=Satisfaction.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LookupForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("Tracking number"), max_length=30, help_text=_("For example TAYG-20261127-0042.")
    )
    mobile = forms.CharField(label=_("Registered mobile number"), max_length=20)

    def clean_mobile(self) -> str:
        return clean_mobile(self.cleaned_data["mobile"])

    def clean_tracking_number(self) -> str:
        value = self.cleaned_data["tracking_number"].strip().upper()
        if not TRACKING_NUMBER_RE.match(value):
            raise ValidationError(
                _("Enter a tracking number like TAYG-20261127-0042."), code="format"
            )
        return value


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tracking number, title or enterprise"), max_length=100, required=False
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=AppealCategory.objects.none(),
        required=False,
        empty_label=_("All categories"),
    )
    due = forms.ChoiceField(
        label=_("Window deadline"),
        required=False,
        choices=[
            ("all", _("Any")),
            ("due_soon", _("Due by the next working day")),
            ("overdue", _("Overdue")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = [("", _("All statuses")), *Appeal.Status.choices]
        cast(forms.ChoiceField, self.fields["status"]).choices = statuses
        categories = AppealCategory.objects.all()
        cast(forms.ModelChoiceField, self.fields["category"]).queryset = categories
