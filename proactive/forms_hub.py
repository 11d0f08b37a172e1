"""The district hub's form for a district policy (区级政策)."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.industries import divisions, sections
from cms.models.policies import QualificationRule
from onewindow.models import DistrictPolicy

from .models import SizeClass
from .services.district import POLICY_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# One qualification a line, or several separated by commas or 、.
_NAME_SEPARATORS = re.compile(r"[\n,，、;；]+")


def industry_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """GB/T 4754 sections, each with its divisions; a section chosen covers all of them.
    (The hub has no cms tables: the choices come from the shipped data.)"""
    by_section: dict[str, list[tuple[str, str]]] = {}
    for division in divisions():
        by_section.setdefault(division.section, []).append(
            (division.code, f"{division.code} {division.name}")
        )
    return [
        (
            f"{section.code} {section.name}",
            [
                (section.code, gettext("%(code)s %(name)s (whole section)") % vars(section)),
                *by_section.get(section.code, []),
            ],
        )
        for section in sections()
    ]


class QualificationNamesField(forms.CharField):
    """Qualification names as text, one a line (or comma / 、 separated), cleaned to a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        names: list[str] = []
        for name in _NAME_SEPARATORS.split(text):
            name = name.strip()
            if name and name not in names:
                names.append(name)
        return names

    def validate(self, value: Any) -> None:
        super().validate(value)
        for name in value:
            if len(name) > 60:
                raise forms.ValidationError(
                    _("A qualification name has at most 60 characters: %(name)s"),
                    code="max_length",
                    params={"name": name},
                )


class DistrictPolicyForm(forms.ModelForm):
    industry_codes = forms.MultipleChoiceField(
        label=_("Industries (GB/T 4754)"),
        choices=industry_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("None chosen: every industry. Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    enterprise_sizes = forms.MultipleChoiceField(
        label=_("Enterprise sizes"),
        choices=SizeClass.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every size."),
    )
    qualification_names = QualificationNamesField(
        label=_("Required qualifications"),
        required=False,
        help_text=_("One a line, or separated by commas or 、; e.g. 国家高新技术企业."),
    )
    qualification_rule = forms.ChoiceField(
        label=_("Qualifications needed"),
        choices=QualificationRule.choices,
        initial=QualificationRule.ALL,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = DistrictPolicy
        fields = POLICY_FIELDS
        widgets = {
            "publish_date": DATE,
            "effective_date": DATE,
            "expiry_date": DATE,
            "application_opens": DATE,
            "application_closes": DATE,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "interpretation": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "interpretation": _("Plain text; a blank line starts a new paragraph."),
        }

    def fields_cleaned(self) -> dict[str, Any]:
        """What district_policy_save takes."""
        return {name: self.cleaned_data[name] for name in POLICY_FIELDS}
