"""What a dashboard shows: a period (month, quarter, year or custom) and optional park,
department and category, all read from the URL so any view can be bookmarked and shared."""

import datetime
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from onewindow.models import AppealCategory, Department
from tenants.models import Park

PERIODS = (
    ("month", gettext_lazy("Month")),
    ("quarter", gettext_lazy("Quarter")),
    ("year", gettext_lazy("Year")),
    ("custom", gettext_lazy("Custom")),
)
LONGEST_CUSTOM = datetime.timedelta(days=3 * 366)
# The dates a dashboard may be asked about (the platform's records start well after the first).
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)


@dataclass(frozen=True)
class Scope:
    """A dashboard's period and filters. `park`, `department`, `category` are pks or None."""

    period: str
    start: datetime.date
    end: datetime.date
    park: int | None = None
    department: int | None = None
    category: int | None = None

    @property
    def label(self) -> str:
        if self.period == "month":
            return _("%(year)d-%(month)02d") % {"year": self.start.year, "month": self.start.month}
        if self.period == "quarter":
            return _("Q%(quarter)d %(year)d") % {
                "quarter": (self.start.month - 1) // 3 + 1,
                "year": self.start.year,
            }
        if self.period == "year":
            return _("%(year)d") % {"year": self.start.year}
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"

    def filters(self) -> dict:
        """The keyword filters of `onewindow.metrics` for this scope."""
        return {
            "park": self.park,
            "department": self.department,
            "category": self.category,
            "period_start": self.start,
            "period_end": self.end,
        }

    def previous(self) -> "Scope":
        """The period of the same length just before (for rising categories)."""
        if self.period in ("month", "quarter", "year"):
            months = {"month": 1, "quarter": 3, "year": 12}[self.period]
            start = _add_months(self.start, -months)
            return replace(self, start=start, end=self.start - datetime.timedelta(days=1))
        length = self.end - self.start
        end = self.start - datetime.timedelta(days=1)
        return replace(self, start=end - length, end=end)

    def trend(self, months: int = 12) -> "Scope":
        """The `months` months up to the end of this period, for the monthly trend lines."""
        first = _add_months(self.end.replace(day=1), -(months - 1))
        return replace(self, period="custom", start=min(first, self.start), end=self.end)

    def query(self, **extra: object) -> str:
        """The URL query string of this scope (plus `extra`), so a link keeps the filters."""
        params: dict[str, object] = {"period": self.period}
        if self.period == "custom":
            params.update(start=self.start.isoformat(), end=self.end.isoformat())
        else:
            params["at"] = self.start.isoformat()
        for name in ("park", "department", "category"):
            if getattr(self, name) is not None:
                params[name] = getattr(self, name)
        params.update({k: v for k, v in extra.items() if v is not None and v != ""})
        return urlencode(params)

    def cache_key(self) -> str:
        return (
            f"{self.period}:{self.start}:{self.end}:{self.park}:{self.department}:{self.category}"
        )


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_bounds(period: str, at: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month, quarter or year that contains `at`."""
    if period == "month":
        start = at.replace(day=1)
        months = 1
    elif period == "quarter":
        start = datetime.date(at.year, (at.month - 1) // 3 * 3 + 1, 1)
        months = 3
    else:
        start = datetime.date(at.year, 1, 1)
        months = 12
    return start, _add_months(start, months) - datetime.timedelta(days=1)


class ScopeForm(forms.Form):
    """The filters as they come in the URL; bad values get a message and change nothing."""

    period = forms.ChoiceField(label=gettext_lazy("Period"), choices=PERIODS, required=False)
    at = forms.DateField(label=gettext_lazy("In"), required=False)
    start = forms.DateField(label=gettext_lazy("From"), required=False)
    end = forms.DateField(label=gettext_lazy("To"), required=False)
    park = forms.ModelChoiceField(
        label=pgettext_lazy("place", "Park"),
        queryset=Park.objects.exclude(schema_name="public").order_by("name"),
        required=False,
        empty_label=gettext_lazy("All parks"),
    )
    department = forms.ModelChoiceField(
        label=gettext_lazy("Department"),
        queryset=Department.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("All departments"),
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        queryset=AppealCategory.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("All categories"),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        days = [data.get(name) for name in ("at", "start", "end")]
        if any(day is not None and not EARLIEST <= day <= LATEST for day in days):
            # Period arithmetic near year 1 or 9999 would overflow the date type.
            raise forms.ValidationError(
                _("The dashboards cannot show a period so far from today."), code="period"
            )
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if start is None or end is None:
                raise forms.ValidationError(
                    _("Give both the first and the last day of a custom period."), code="period"
                )
            if end < start:
                raise forms.ValidationError(
                    _("The last day comes before the first day."), code="period"
                )
            if end - start > LONGEST_CUSTOM:
                raise forms.ValidationError(
                    _("A custom period may span three years at most."), code="period"
                )
        return data

    def scope(self, *, today: datetime.date | None = None) -> Scope:
        """The scope asked for; the current year when the URL asks for nothing valid."""
        today = today or timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        period = data.get("period") or "year"
        if period == "custom":
            start, end = data["start"], data["end"]
        else:
            start, end = period_bounds(period, data.get("at") or today)
        return Scope(
            period=period,
            start=start,
            end=end,
            park=_pk(data.get("park")),
            department=_pk(data.get("department")),
            category=_pk(data.get("category")),
        )


def _pk(obj) -> int | None:
    return obj.pk if obj is not None else None
