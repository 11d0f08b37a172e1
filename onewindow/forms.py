from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DESCRIPTION_MAX, attachments_field

from .models import Case, Department
from .services.extensions import MAX_EXTENSION_DAYS


def active_departments():
    return Department.objects.filter(is_active=True)


class CaseAnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"), max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = attachments_field()


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("What the enterprise must send"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TransferForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Transfer to"), queryset=Department.objects.none(), empty_label=_("Choose…")
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # self.fields holds plain Fields to the type checker; this is the one declared above.
        cast(forms.ModelChoiceField, self.fields["department"]).queryset = active_departments()


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Why this case is not for your department"), max_length=500)


class ExtensionForm(forms.Form):
    days = forms.IntegerField(
        label=_("Extra working days"), min_value=1, max_value=MAX_EXTENSION_DAYS
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RedispatchForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Dispatch to"), queryset=Department.objects.none(), empty_label=_("Choose…")
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["department"]).queryset = active_departments()


class ExtensionDecisionForm(forms.Form):
    """A district admin's decision on an extension request (延期审批)."""

    APPROVE, DENY = "approve", "deny"

    decision = forms.ChoiceField(choices=[(APPROVE, _("Approve")), (DENY, _("Deny"))])
    note = forms.CharField(label=_("Note (required to deny)"), max_length=500, required=False)

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tracking number, title or enterprise"), max_length=100, required=False
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = [("", _("All statuses")), *Case.Status.choices]
        cast(forms.ChoiceField, self.fields["status"]).choices = statuses
