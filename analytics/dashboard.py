"""The figures of the dashboards (数据看板), built as tables from SQL aggregates over the facts.

The district dashboard, a park's dashboard and a liaison's department view are the same
building blocks over different scopes. Each figure carries the link of its drill-down list
(`analytics.drilldown`), with the same filters. A built dashboard is cached for a few minutes
(`ANALYTICS_CACHE_SECONDS`): the page says when its figures were computed.
"""

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Aggregate, Count, FloatField, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from core.rates import Rate
from onewindow.metrics import SATISFIED_LEVELS, AppealMetrics, appeal_metrics, metrics_by
from onewindow.models import Department, HubBooking, HubServiceDay, WindowRecord
from onewindow.topics import categories_rising, hot_keywords
from tenants.models import Park

from .drilldown import CASE_METRICS
from .scope import Scope
from .tables import Cell, Table


class Median(Aggregate):
    """PostgreSQL's median (percentile_cont 0.5); rows with NULL are left out."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def metric_labels() -> dict[str, str]:
    """The published figures, in the reader's language, in the order the scorecards show."""
    return {
        "volume": _("Appeals"),
        "window_on_time": _("Window on-time rate"),
        "response_rate": _("Response rate"),
        "on_time": _("On-time rate"),
        "early_completion": _("Early completion rate"),
        "average_handling_days": _("Average handling working days"),
        "resolution": _("Resolution rate"),
        "satisfaction": _("Satisfaction rate"),
        "rehandling": _("Re-handling rate"),
        "return_rate": _("Return rate"),
        "transfer_rate": _("Transfer rate"),
        "transfers_per_case": _("Transfers per case"),
    }


# Every DESIGN rate but the window's, which no department is credited with.
DEPARTMENT_METRICS = tuple(name for name in CASE_METRICS if name != "window_on_time")
HEADLINE_METRICS = (
    "volume",
    "window_on_time",
    "response_rate",
    "on_time",
    "early_completion",
    "satisfaction",
    "resolution",
    "average_handling_days",
)
TREND_METRICS = ("on_time", "early_completion", "satisfaction", "response_rate")
# Lower is better for these: the ranking sorts them ascending.
LOWER_IS_BETTER = frozenset(
    {"average_handling_days", "rehandling", "return_rate", "transfer_rate", "transfers_per_case"}
)


@dataclass
class Dashboard:
    scope: Scope
    computed_at: datetime.datetime
    headline: AppealMetrics
    kpis: list[tuple[str, Cell]]
    trend: Table
    tables: dict[str, Table] = field(default_factory=dict)
    keywords: list[tuple[str, int, str]] = field(default_factory=list)


Links = Callable[..., str]


def links_for(url_name: str, scope: Scope) -> Links:
    """A function giving the drill-down link of a figure: the scope, narrowed by `narrow`."""
    base = reverse(url_name)

    def link(metric: str, **narrow: object) -> str:
        period = narrow.pop("month", None)
        target = scope
        if isinstance(period, datetime.date):
            target = replace(scope, period="month", start=period, end=_month_end(period))
        fields: dict[str, Any] = {
            k: v for k, v in narrow.items() if k in ("park", "department", "category")
        }
        extra = {k: v for k, v in narrow.items() if k not in fields}
        if fields:
            target = replace(target, **fields)
        return f"{base}?{target.query(metric=metric, **extra)}"

    return link


def _month_end(first: datetime.date) -> datetime.date:
    following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


# The rows already computed by the dashboard being built in this thread (None: no build).
_building = threading.local()


def rows_by(dimension: str, scope: Scope) -> list:
    """`metrics_by` for the scope's period; within one dashboard build, the same rows once
    (the trend and the months table ask for the same months when the period is a year)."""
    memo: dict | None = getattr(_building, "memo", None)
    key = (dimension, scope.start, scope.end, scope.park, scope.department, scope.category)
    if memo is None:
        return metrics_by(dimension, **scope.filters())
    if key not in memo:
        memo[key] = metrics_by(dimension, **scope.filters())
    return memo[key]


def metric_cells(metrics: AppealMetrics, names, link: Links, **narrow: object) -> list[Cell]:
    return [Cell(getattr(metrics, name), link(name, **narrow)) for name in names]


def cached(kind: str, scope: Scope, build: Callable[[], Dashboard]) -> Dashboard:
    """The dashboard from the cache when it was built in the last few minutes."""
    seconds = getattr(settings, "ANALYTICS_CACHE_SECONDS", 300)
    if not seconds:
        return _built(build)
    key = f"analytics:{kind}:{get_language()}:{scope.cache_key()}:{timezone.localdate()}"
    dashboard = cache.get(key)
    if dashboard is None:
        dashboard = _built(build)
        cache.set(key, dashboard, seconds)
    return dashboard


def _built(build: Callable[[], Dashboard]) -> Dashboard:
    """Run one build with its own memo of rows, forgotten afterwards (never across requests)."""
    _building.memo = {}
    try:
        return build()
    finally:
        _building.memo = None


def district_dashboard(scope: Scope, *, url_name: str = "analytics:cases") -> Dashboard:
    """Everything the district admins' dashboard shows for `scope`."""
    return cached("district", scope, lambda: _district(scope, links_for(url_name, scope)))


def park_dashboard(scope: Scope, *, url_name: str = "analytics:cases") -> Dashboard:
    """A park's own dashboard: the district one narrowed to the park (scope.park is set)."""
    return cached("park", scope, lambda: _district(scope, links_for(url_name, scope)))


def _district(scope: Scope, link: Links) -> Dashboard:
    filters = scope.filters()
    headline = appeal_metrics(**filters)
    dashboard = Dashboard(
        scope=scope,
        computed_at=timezone.now(),
        headline=headline,
        kpis=[
            (metric_labels()[name], Cell(getattr(headline, name), link(name)))
            for name in HEADLINE_METRICS
        ],
        trend=trend_table(scope, link),
    )
    dashboard.tables["departments"] = department_scorecard(scope, link)
    if scope.park is None:
        dashboard.tables["parks"] = volume_table("park", _("Parks"), scope, link)
    dashboard.tables["categories"] = volume_table("category", _("Categories"), scope, link)
    dashboard.tables["months"] = volume_table("month", _("Months"), scope, link)
    dashboard.tables["windows"] = window_scorecard(scope, link, by_staff=False)
    dashboard.tables["staff"] = window_scorecard(scope, link, by_staff=True)
    dashboard.tables["servicedays_parks"] = service_day_table(scope, by="park")
    dashboard.tables["servicedays_departments"] = service_day_table(scope, by="department")
    dashboard.tables["rising"] = rising_table(scope, link)
    dashboard.keywords = [
        (word, count, link("volume", keyword=word))
        for word, count in hot_keywords(limit=20, **filters)
    ]
    dashboard.tables["keywords"] = Table(
        name="keywords",
        title=_("Hot keywords"),
        headers=[_("Keyword"), _("Appeals")],
        rows=[[Cell(word), Cell(count, href)] for word, count, href in dashboard.keywords],
    )
    return dashboard


def trend_table(scope: Scope, link: Links) -> Table:
    """The headline rates month by month over the year up to the period's end."""
    trend = scope.trend()
    labels = metric_labels()
    rows = rows_by("month", trend)
    return Table(
        name="trend",
        title=_("Monthly trend"),
        headers=[_("Month"), labels["volume"], *(labels[name] for name in TREND_METRICS)],
        rows=[
            [
                Cell(row.label),
                *metric_cells(row.metrics, ("volume", *TREND_METRICS), link, month=row.key),
            ]
            for row in rows
        ],
    )


def department_scorecard(
    scope: Scope, link: Links, *, sort: str = "on_time", only: int | None = None
) -> Table:
    """The departments ranked for appraisal (部门考核), every DESIGN rate, sortable."""
    labels = metric_labels()
    rows = rows_by("department", scope)
    if only is not None:
        rows = [row for row in rows if row.key == only]
    rows = ranked(rows, sort)
    return Table(
        name="departments",
        title=_("Department scorecard"),
        headers=[_("Rank"), _("Department"), *(labels[name] for name in DEPARTMENT_METRICS)],
        rows=[
            [
                Cell(rank),
                Cell(row.label),
                *metric_cells(row.metrics, DEPARTMENT_METRICS, link, department=row.key),
            ]
            for rank, row in enumerate(rows, start=1)
        ],
        label_column=1,
    )


def ranked(rows: list, sort: str) -> list:
    """Rows best first by `sort`; rows without that figure ("—") last."""
    sort = sort if sort in DEPARTMENT_METRICS else "on_time"

    def key(row) -> tuple:
        value = getattr(row.metrics, sort)
        value = value.value if isinstance(value, Rate) else value
        if value is None:
            return (1, 0.0, row.label)
        return (0, value if sort in LOWER_IS_BETTER else -value, row.label)

    return sorted(rows, key=key)


def volume_table(dimension: str, title: str, scope: Scope, link: Links) -> Table:
    labels = metric_labels()
    names = ("volume", "on_time", "early_completion", "satisfaction", "average_handling_days")
    rows = rows_by(dimension, scope)
    if dimension == "month":
        rows = sorted(rows, key=lambda row: row.key)
    return Table(
        name={"park": "parks", "category": "categories", "month": "months"}[dimension],
        title=_("Appeals by %(dimension)s") % {"dimension": title},
        headers=[title, *(labels[name] for name in names)],
        rows=[
            [Cell(row.label), *metric_cells(row.metrics, names, link, **{dimension: row.key})]
            for row in rows
        ],
    )


def _window_records(scope: Scope):
    q = Q(submitted_on__gte=scope.start, submitted_on__lte=scope.end)
    if scope.park is not None:
        q &= Q(park=scope.park)
    if scope.category is not None:
        q &= Q(category=scope.category)
    return WindowRecord.objects.filter(q)


WINDOW_FIGURES = {
    "appeals": Count("id"),
    "accepted": Count("id", filter=Q(outcome=WindowRecord.Outcome.ACCEPTED)),
    "on_time": Count("id", filter=Q(on_time=True)),
    "median_hours": Median("hours_to_accept"),
    "answered": Count("id", filter=Q(answered_at_window=True)),
    "returned": Count("id", filter=Q(returned_count__gte=1)),
    "rejected": Count("id", filter=Q(outcome=WindowRecord.Outcome.REJECTED)),
    "rated": Count("id", filter=Q(satisfaction__isnull=False)),
    "satisfied": Count("id", filter=Q(satisfaction__in=SATISFIED_LEVELS)),
}


def window_scorecard(scope: Scope, link: Links, *, by_staff: bool) -> Table:
    """窗口考核: per park window, or per window staff member."""
    keys = ["park", "staff_id", "staff_name"] if by_staff else ["park"]
    records = _window_records(scope)
    if by_staff:
        records = records.filter(staff_id__isnull=False)
    rows = records.order_by().values(*keys).annotate(**WINDOW_FIGURES)
    parks = {p.pk: p.name for p in Park.objects.all()}
    table_rows = []
    for row in rows:
        narrow = {"park": row["park"]}
        if by_staff:
            narrow["staff"] = row["staff_id"]
        name = [Cell(parks.get(row["park"], "")), *([Cell(row["staff_name"])] if by_staff else [])]
        table_rows.append(
            [
                *name,
                Cell(row["appeals"], link("window_appeals", **narrow)),
                Cell(row["accepted"], link("window_accepted", **narrow)),
                Cell(Rate(row["on_time"], row["accepted"]), link("window_accepted", **narrow)),
                Cell(row["median_hours"]),
                Cell(row["answered"], link("window_answered", **narrow)),
                Cell(row["returned"], link("window_returned", **narrow)),
                Cell(row["rejected"], link("window_rejected", **narrow)),
                Cell(Rate(row["satisfied"], row["rated"]), link("window_rated", **narrow)),
            ]
        )
    table_rows.sort(key=lambda cells: [c.text for c in cells[: len(name)]])
    return Table(
        name="staff" if by_staff else "windows",
        title=_("Window staff scorecard") if by_staff else _("Park window scorecard"),
        headers=[
            pgettext("place", "Park"),
            *([_("Window staff")] if by_staff else []),
            _("Appeals"),
            _("Accepted"),
            _("Window on-time rate"),
            _("Median hours to acceptance"),
            _("Answered at the window"),
            _("Returned for more information"),
            _("Not accepted"),
            _("Satisfaction with window answers"),
        ],
        rows=table_rows,
    )


def service_day_table(scope: Scope, *, by: str) -> Table:
    """企业服务日: days held, bookings, attendance, no-shows, follow-ups filed as appeals."""
    days = HubServiceDay.objects.filter(date__gte=scope.start, date__lte=scope.end)
    bookings = HubBooking.objects.filter(hub_day__in=days).exclude(
        status__in=[HubBooking.Status.WAITING, HubBooking.Status.CANCELLED]
    )
    if scope.park is not None:
        days, bookings = days.filter(park=scope.park), bookings.filter(hub_day__park=scope.park)
    if scope.department is not None:
        days = days.filter(departments=scope.department)
        bookings = bookings.filter(department=scope.department)
    key = "hub_day__park" if by == "park" else "department"
    figures = {
        row[key]: row
        for row in bookings.order_by()
        .values(key)
        .annotate(
            bookings=Count("id"),
            attended=Count("id", filter=Q(status=HubBooking.Status.ATTENDED)),
            no_shows=Count("id", filter=Q(status=HubBooking.Status.NO_SHOW)),
            follow_ups=Count("id", filter=~Q(appeal_number="")),
        )
    }
    held_key = "park" if by == "park" else "departments"
    held = {
        row[held_key]: row["held"]
        for row in days.filter(status=HubServiceDay.Status.COMPLETED)
        .order_by()
        .values(held_key)
        .annotate(held=Count("id", distinct=True))
        if row[held_key] is not None
    }
    names = _names(by, set(figures) | set(held))
    rows = []
    for pk in sorted(names, key=lambda pk: names[pk]):
        row = figures.get(pk, {})
        rows.append(
            [
                Cell(names[pk]),
                Cell(held.get(pk, 0)),
                Cell(row.get("bookings", 0)),
                Cell(row.get("attended", 0)),
                Cell(row.get("no_shows", 0)),
                Cell(Rate(row.get("attended", 0), row.get("attended", 0) + row.get("no_shows", 0))),
                Cell(row.get("follow_ups", 0)),
            ]
        )
    return Table(
        name=f"servicedays_{by}s",
        title=_("Service days by park") if by == "park" else _("Service days by department"),
        headers=[
            pgettext("place", "Park") if by == "park" else _("Department"),
            _("Days held"),
            _("Bookings"),
            _("Attended"),
            _("No-shows"),
            _("Attendance rate"),
            _("Follow-ups filed as appeals"),
        ],
        rows=rows,
    )


def _names(by: str, keys: set) -> dict:
    model = Park if by == "park" else Department
    return {pk: str(obj) for pk, obj in model.objects.in_bulk(list(keys)).items()}


def rising_table(scope: Scope, link: Links) -> Table:
    previous = scope.previous()
    trends = categories_rising(
        period_start=scope.start,
        period_end=scope.end,
        previous_start=previous.start,
        previous_end=previous.end,
        park=scope.park,
        department=scope.department,
        category=scope.category,
    )
    return Table(
        name="rising",
        title=_("Categories on the rise"),
        headers=[_("Category"), _("Appeals"), _("Previous period"), _("Change")],
        rows=[
            [
                Cell(t.category.name),
                Cell(t.count, link("volume", category=t.category.pk)),
                Cell(t.previous),
                Cell(f"+{t.change}"),
            ]
            for t in trends
        ],
        note=_("Against %(period)s") % {"period": previous.label},
    )


def department_view(scope: Scope, *, url_name: str = "analytics:cases") -> Dashboard:
    """A liaison's view: their department's scorecard against the district average; no other
    department's figures or cases."""
    link = links_for(url_name, scope)

    def build() -> Dashboard:
        own = appeal_metrics(**scope.filters())
        district = appeal_metrics(**{**scope.filters(), "department": None})
        labels = metric_labels()
        table = Table(
            name="department",
            title=_("Your department against the district"),
            headers=[_("Figure"), _("Your department"), _("District (all departments)")],
            rows=[
                [
                    Cell(labels[name]),
                    Cell(getattr(own, name), link(name)),
                    Cell(getattr(district, name)),
                ]
                for name in DEPARTMENT_METRICS
            ],
        )
        dashboard = Dashboard(
            scope=scope,
            computed_at=timezone.now(),
            headline=own,
            kpis=[
                (labels[name], Cell(getattr(own, name), link(name)))
                for name in HEADLINE_METRICS
                if name != "window_on_time"
            ],
            trend=trend_table(scope, link),
        )
        dashboard.tables["department"] = table
        dashboard.tables["categories"] = volume_table("category", _("Categories"), scope, link)
        dashboard.keywords = [
            (word, count, link("volume", keyword=word))
            for word, count in hot_keywords(limit=20, **scope.filters())
        ]
        return dashboard

    return cached("department", scope, build)
