"""What an integrator sends: the parameters of POST requests and of the queries, checked here;
the appeal itself is checked by the site's own form (appeals.forms.AppealForm)."""

import datetime
import re
import uuid
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appeals.forms import AppealForm
from core.forms import DESCRIPTION_MAX
from enterprises.models import Enterprise
from onewindow.models import AppealCategory

TITLE_MAX = 100
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]{1,40})\](\[\])?$")
# The appeal form's fields as Open311 names them, for the caller's error messages.
_OPEN311_NAMES = {
    "category": "service_code",
    "title": "attribute[title]",
    "contact_name": "first_name",
    "contact_mobile": "phone",
}


@dataclass(frozen=True)
class Attribute:
    """An attribute of a service definition (GeoReport v2)."""

    code: str
    datatype: str
    required: bool
    order: int
    description: str
    datatype_description: str = ""


def service_attributes(category: AppealCategory) -> list[Attribute]:
    """What a request of this service may carry besides the standard fields: every category
    takes a title (an appeal has one; without it the description's first line is used)."""
    return [
        Attribute(
            code="title",
            datatype="string",
            required=False,
            order=1,
            description=_("A short title of the appeal."),
            datatype_description=_(
                "At most 100 characters. When left out, the first line of the description."
            ),
        )
    ]


def attributes_from(data: QueryDict) -> dict[str, list[str]]:
    """`attribute[code]=value` and `attribute[code][]=value` pairs, by code."""
    found: dict[str, list[str]] = {}
    for name in data:
        match = _ATTRIBUTE.match(name)
        if match:
            found.setdefault(match.group(1), []).extend(data.getlist(name))
    return found


class RequestForm(forms.Form):
    """POST requests: the standard parameters (the api_key is checked before this form)."""

    service_code = forms.CharField(max_length=20)
    account_id = forms.CharField(max_length=30)
    description = forms.CharField(max_length=DESCRIPTION_MAX)
    first_name = forms.CharField(max_length=30, required=False)
    last_name = forms.CharField(max_length=30, required=False)
    phone = forms.CharField(max_length=20, required=False)
    email = forms.EmailField(required=False)
    lat = forms.FloatField(min_value=-90, max_value=90, required=False)
    long = forms.FloatField(min_value=-180, max_value=180, required=False)
    address_string = forms.CharField(max_length=250, required=False)
    address_id = forms.CharField(max_length=60, required=False)
    device_id = forms.CharField(max_length=100, required=False)
    media_url = forms.URLField(max_length=500, required=False, assume_scheme="https")

    def clean(self):
        data = super().clean() or {}
        if (data.get("lat") is None) != (data.get("long") is None):
            raise forms.ValidationError(
                gettext_lazy("Send lat and long together."), code="lat_long"
            )
        return data


def appeal_form_for(
    request_form: RequestForm,
    *,
    category: AppealCategory,
    enterprise: Enterprise,
    attributes: dict[str, list[str]],
    token: uuid.UUID,
) -> AppealForm:
    """The site's appeal form filled from an Open311 request: the same checks as on the site.
    The contact defaults to the enterprise's registered contact and mobile."""
    data = request_form.cleaned_data
    description = _with_location(data["description"], data)
    title = " ".join(attributes.get("title", [])).strip() or _first_line(data["description"])
    name = _full_name(data["first_name"].strip(), data["last_name"].strip())
    return AppealForm(
        data={
            "category": str(category.pk),
            "title": title,
            "description": description,
            "contact_name": name or enterprise.contact_name,
            "contact_mobile": data["phone"].strip() or enterprise.mobile,
            "submission_key": str(token),
        }
    )


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1] + "…"


def _full_name(first: str, last: str) -> str:
    # Chinese names are written family name first, without a space (李 + 明 = 李明).
    if any("\u4e00" <= ch <= "\u9fff" for ch in first + last):
        return f"{last}{first}"
    return f"{first} {last}".strip()


def _with_location(description: str, data: dict) -> str:
    """The location goes into the description, which the window reads (an appeal has no
    location field); written in the park's language, whoever sent it."""
    parts = [data["address_string"].strip()]
    if data.get("lat") is not None:
        parts.append(f"{data['lat']:.6f}, {data['long']:.6f}")
    location = " · ".join(part for part in parts if part)
    if not location:
        return description
    with translation.override(settings.LANGUAGE_CODE):
        line = _("Location: %(location)s") % {"location": location}
    return f"{description}\n\n{line}"


def appeal_form_errors(form: AppealForm) -> list[str]:
    """The appeal form's errors, each naming the Open311 parameter it is about."""
    return [
        f"{_OPEN311_NAMES.get(field, field)}: {message}"
        for field, messages in form.errors.items()
        for message in messages
    ]


def form_errors(form: forms.Form) -> list[str]:
    return [
        f"{field}: {message}" if field != "__all__" else str(message)
        for field, messages in form.errors.items()
        for message in messages
    ]


def moment_parse(name: str, value: str) -> datetime.datetime | None:
    """A W3C datetime parameter (a missing offset is the park's time), None when empty;
    ValueError naming the parameter otherwise."""
    value = value.strip()
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            _("%(name)s: not a W3C datetime (e.g. 2026-01-01T00:00:00+08:00).") % {"name": name}
        ) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def comma_list(value: str) -> list[str]:
    """`a,b, c` → ["a", "b", "c"] (empty items dropped)."""
    return [item.strip() for item in value.split(",") if item.strip()]


class ApiKeyForm(forms.Form):
    """A park operator issues a key for an integrator (back office)."""

    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=60,
        help_text=gettext_lazy("What the key is used for, e.g. the park's WeChat mini-program."),
    )
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"),
        max_length=120,
        help_text=gettext_lazy(
            "Who the key is for. Keys of the same organisation see the requests filed with "
            "any of them."
        ),
    )
