"""The enterprise profile's forms (一企一档): the profile itself and the qualifications held."""

import re
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.industries import classes, sections
from cms.models import Industry, Qualification, shanghai_today

from .models import ASSETS_BANDS, REVENUE_BANDS, EnterpriseProfile
from .services.profiles import TAG_LENGTH_MAX, TAGS_MAX, HeldQualification, band_choices

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TAG_SEPARATORS = re.compile(r"[,，、;；]")
HEADCOUNT_MAX = 10_000_000


def divisions() -> Any:
    """The divisions of GB/T 4754 (two digits; K's groups, three): what a profile names."""
    return Industry.objects.filter(code__regex=r"^[0-9]{2,3}$").order_by("code")


class DivisionChoiceIterator(forms.models.ModelChoiceIterator):
    """The divisions grouped by their section (门类), one <optgroup> each."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        known = classes()
        grouped: dict[str, list] = {}
        for industry in self.queryset:
            grouped.setdefault(known[industry.code].section, []).append(self.choice(industry))
        for section in sections():
            if section.code in grouped:
                yield (f"{section.code} {section.name}", grouped[section.code])


class DivisionField(forms.ModelChoiceField):
    iterator = DivisionChoiceIterator


def _band_field(
    label: "StrOrPromise", edges: tuple[int, ...], help_text: "StrOrPromise" = ""
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        # Labelled when the form is made, in the reader's language.
        choices=lambda: [("", "---------"), *band_choices(edges)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=help_text,
    )


class ProfileForm(forms.Form):
    industry = DivisionField(
        label=_("Industry"),
        queryset=divisions(),
        required=False,
        help_text=_("The division of the national industry classification (GB/T 4754)."),
    )
    founded_on = forms.DateField(
        label=_("Founding date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    headcount = forms.IntegerField(
        label=_("Employees"), required=False, min_value=0, max_value=HEADCOUNT_MAX
    )
    revenue_band = _band_field(_("Annual revenue"), REVENUE_BANDS)
    assets_band = _band_field(
        _("Total assets"),
        ASSETS_BANDS,
        _(
            "Needed for construction, real estate development and leasing and business services,"
            " whose size class depends on total assets."
        ),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=300,
        help_text=_("Up to 10 tags of up to 20 characters, separated by commas or 、."),
    )

    def clean_founded_on(self):
        founded_on = self.cleaned_data["founded_on"]
        if founded_on and founded_on > shanghai_today():
            raise ValidationError(_("The founding date cannot be in the future."), code="future")
        return founded_on

    def clean_tags(self) -> list[str]:
        tags = [tag.strip() for tag in TAG_SEPARATORS.split(self.cleaned_data["tags"])]
        tags = list(dict.fromkeys(tag for tag in tags if tag))
        if len(tags) > TAGS_MAX:
            raise ValidationError(
                _("Give at most %(count)d tags."), code="tags", params={"count": TAGS_MAX}
            )
        too_long = [tag for tag in tags if len(tag) > TAG_LENGTH_MAX]
        if too_long:
            raise ValidationError(
                _("A tag has at most %(length)d characters: %(tags)s"),
                code="tags",
                params={"length": TAG_LENGTH_MAX, "tags": "、".join(too_long)},
            )
        return tags

    @classmethod
    def initial_from(cls, profile: EnterpriseProfile) -> dict[str, Any]:
        return {
            "industry": profile.industry_id,
            "founded_on": profile.founded_on,
            "headcount": profile.headcount,
            "revenue_band": profile.revenue_band,
            "assets_band": profile.assets_band,
            "tags": "、".join(profile.tags),
        }


class QualificationForm(forms.Form):
    qualification = forms.ModelChoiceField(
        label=_("Qualification"), queryset=Qualification.objects.all(), required=False
    )
    certificate_number = forms.CharField(
        label=_("Certificate number"), max_length=60, required=False
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # A row left empty is simply not a qualification; a chosen one needs its certificate.
        if data.get("qualification") and not data.get("certificate_number"):
            self.add_error(
                "certificate_number",
                ValidationError(_("Give the certificate number."), code="required"),
            )
        if not data.get("qualification") and (
            data.get("certificate_number") or data.get("expires_on")
        ):
            self.add_error(
                "qualification", ValidationError(_("Choose the qualification."), code="required")
            )
        return data


class BaseQualificationFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        chosen = [item.qualification.pk for item in self.held()]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(_("Each qualification can be listed once."), code="duplicate")

    def held(self) -> list[HeldQualification]:
        """The rows filled in and not marked for removal."""
        return [
            HeldQualification(
                qualification=form.cleaned_data["qualification"],
                certificate_number=form.cleaned_data["certificate_number"],
                expires_on=form.cleaned_data.get("expires_on"),
            )
            for form in self.forms
            if form.cleaned_data.get("qualification") and not form.cleaned_data.get("DELETE")
        ]


# Two empty rows to add qualifications without a script; a saved page shows two more.
QualificationFormSet = cast(
    type[BaseQualificationFormSet],
    forms.formset_factory(
        QualificationForm,
        formset=BaseQualificationFormSet,
        extra=2,
        can_delete=True,
        max_num=30,
        validate_max=True,
    ),
)


def qualification_initial(profile: EnterpriseProfile) -> list[dict[str, Any]]:
    if profile.pk is None:
        return []
    return [
        {
            "qualification": item.qualification_id,
            "certificate_number": item.certificate_number,
            "expires_on": item.expires_on,
        }
        for item in profile.qualifications.all()
    ]


class OfficeProfileFilterForm(forms.Form):
    q = forms.CharField(label=_("Enterprise name or credit code"), required=False, max_length=60)
    unverified = forms.BooleanField(label=_("Not verified only"), required=False)
