"""Forms of the district hub's service-day pages."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from onewindow.models import Department
from tenants.models import Park

from .forms import OutcomeForm, ServiceDayForm

__all__ = ["HubDayFilterForm", "HubDayForm", "OutcomeForm"]


def _parks():
    return Park.objects.parks().active().order_by("name")


class HubDayFilterForm(forms.Form):
    park = forms.ModelChoiceField(
        label=pgettext_lazy("place", "Park"),
        queryset=Park.objects.none(),
        required=False,
        empty_label=_("All parks"),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("All departments"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["park"]).queryset = _parks()
        department = cast(forms.ModelChoiceField, self.fields["department"])
        department.queryset = Department.objects.filter(is_active=True)


class HubDayForm(ServiceDayForm):
    """A new service day for one park, set up from the hub."""

    park = forms.ModelChoiceField(
        label=pgettext_lazy("place", "Park"), queryset=Park.objects.none(), empty_label=_("Choose…")
    )

    field_order = ["park"]

    def __init__(self, *args, own_department=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["park"]).queryset = _parks()
        if own_department is not None:
            self.fields["departments"].initial = [own_department.pk]
            self.fields["departments"].help_text = _("Your own department must be among the hosts.")
