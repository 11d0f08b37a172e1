"""Forms of the park's back office for proactive service: outreach and visits."""

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enterprises.models import Enterprise
from servicedays.forms import FollowUpAppealForm

from .models import OutreachOutcome, Verdict, VisitPlan
from .services.outreach import CONTACT_OUTCOMES
from .services.visits import ITEMS_MAX, office_staff

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OutreachFilterForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Verdict"),
        required=False,
        choices=[("", _("Qualifying and near misses")), *Verdict.choices],
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Any outcome")), *OutreachOutcome.choices],
    )
    assigned = forms.ChoiceField(
        label=_("Assigned to"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("Me")), ("none", _("No one yet"))],
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=office_staff(),
        required=False,
        empty_label=_("No one"),
    )


class ContactForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(choice.value, choice.label) for choice in CONTACT_OUTCOMES],
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VisitPlanForm(forms.Form):
    period_months = forms.TypedChoiceField(
        label=_("Visit every enterprise"), choices=VisitPlan.Period.choices, coerce=int
    )


class VisitForm(forms.Form):
    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=Enterprise.objects.none(),
        empty_label=_("Choose…"),
        help_text=_("Only verified enterprises of this park are listed."),
    )
    visited_on = forms.DateField(label=_("Visit date"), widget=DATE)
    visitor = forms.ModelChoiceField(label=_("Visited by"), queryset=office_staff())
    met_with = forms.CharField(
        label=_("Met with"),
        max_length=120,
        help_text=_("Whom you met: name and position."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        verified = Enterprise.objects.verified().order_by("name")
        cast(forms.ModelChoiceField, self.fields["enterprise"]).queryset = verified
        self.fields["visited_on"].initial = timezone.localdate()
        for number in range(1, ITEMS_MAX + 1):
            self.fields[f"item_{number}"] = forms.CharField(
                label=_("Raised item %(number)d") % {"number": number},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("One question or request per item: each can become an appeal.")
                if number == 1
                else "",
            )

    def visit_data(self) -> dict:
        """The cleaned data as `visit_record` takes it."""
        data = dict(self.cleaned_data)
        items = [data.pop(f"item_{number}") for number in range(1, ITEMS_MAX + 1)]
        return {**data, "items": items}


# A raised item is filed with the same fields as a service day's follow-up.
VisitItemAppealForm = FollowUpAppealForm
