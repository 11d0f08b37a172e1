"""The dashboards' pages: district admins (hub), liaisons (their department, hub), park window
staff and operators (their park). Every table exports as CSV or XLSX from the same URL."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Min, QuerySet, Sum
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.models import Role
from accounts.permissions import role_required
from core.rates import Rate
from core.replica import replica_reads
from onewindow.models import Department, ParkProactiveFigures
from onewindow.selectors import liaison_department
from proactive.services.figures import REPORTED, park_figures
from tenants.selectors import park_current

from . import dashboard as boards
from .drilldown import (
    CASE_METRICS,
    WINDOW_METRICS,
    drill_cases,
    drill_window,
    window_metric_labels,
)
from .exports import FORMATS, table_response
from .report import monthly_report, report_month
from .scope import Scope, ScopeForm
from .tables import Cell, Table

PAGE_SIZE = 50
EXPORT_ROWS = 20000


def _scope(request, **forced: int | None) -> tuple[ScopeForm, Scope]:
    form = ScopeForm(request.GET or None)
    scope = form.scope()
    if forced:
        scope = Scope(**{**scope.__dict__, **forced})
    return form, scope


def _export(request, tables: dict[str, Table], scope: Scope):
    """The table asked for by ?export=<name>&format=csv|xlsx, or None for the page."""
    name = request.GET.get("export")
    if not name:
        return None
    table = tables.get(name)
    fmt = request.GET.get("format", "csv")
    if table is None or fmt not in FORMATS:
        raise Http404
    return table_response(table, fmt, filename=f"{name}-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}")


def _page(request, template: str, board: boards.Dashboard, form: ScopeForm, **context):
    tables = board.tables
    export = _export(request, {**tables, "trend": board.trend}, board.scope)
    if export is not None:
        return export
    return render(
        request,
        template,
        {
            "board": board,
            "form": form,
            "scope": board.scope,
            "query": board.scope.query(),
            "charts": _charts(board),
            **context,
        },
    )


def _charts(board: boards.Dashboard) -> dict:
    """Each chart's JSON (static/analytics/charts.js) and its rows as text for the data-table
    alternative, from the tables on the page."""
    charts: dict[str, dict[str, Any]] = {}
    trend = board.trend
    if trend.rows:
        charts["trend"] = {
            "labels": [row[0].text for row in trend.rows],
            "series": [
                {"name": trend.headers[i], "values": [c.number for c in trend.column(i)]}
                for i in range(2, len(trend.headers))
            ],
            "links": [None] * len(trend.rows),
        }
        charts["volume"] = trend.chart(1)
    on_time = boards.DEPARTMENT_METRICS.index("on_time") + 2  # after rank and name
    for name, index in (("departments", on_time), ("parks", 1), ("categories", 1)):
        table = board.tables.get(name)
        if table is not None and table.rows:
            charts[name] = table.chart(index, label_index=1 if name == "departments" else 0)
    return {
        name: {
            "id": f"chart-{name}",
            "data": data,
            "rows": [
                (label, [_shown(series["values"][i]) for series in data["series"]])
                for i, label in enumerate(data["labels"])
            ],
        }
        for name, data in charts.items()
    }


def _shown(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


@role_required(Role.DISTRICT_ADMIN)
@replica_reads
def district(request):
    form, scope = _scope(request)
    board = _with_proactive(boards.district_dashboard(scope), _proactive_district_table())
    sort = request.GET.get("sort", "on_time")
    if sort != "on_time":
        board.tables["departments"] = boards.department_scorecard(
            scope, boards.links_for("analytics:cases", scope), sort=sort
        )
    return _page(
        request,
        "analytics/district.html",
        board,
        form,
        sort=sort,
        sorts=[(name, boards.metric_labels()[name]) for name in boards.DEPARTMENT_METRICS],
        report_url=reverse("analytics:report"),
    )


def _with_proactive(board: boards.Dashboard, table: Table) -> boards.Dashboard:
    """The board with a proactive-service table (exported like the others). The board may be
    the cached one: the cache hands out a copy, so adding to it changes nothing shared."""
    board.tables[table.name] = table
    return board


def _proactive_labels() -> dict[str, str]:
    return {
        "profiles": _("Enterprise profiles"),
        "matches": _("Policy matches"),
        "enterprises_matched": _("Enterprises with a match"),
        "outreach_done": _("Outreach contacts made"),
        "applied": _("Applied"),
        "granted": _("Granted"),
        "visits": _("Visits this period"),
        "visits_due": _("Enterprises due a visit"),
        "visited": _("Enterprises visited"),
        "visit_appeals": _("Visit items filed as appeals"),
    }


def _proactive_park_table() -> Table:
    """The park's proactive-service figures, counted now from the park's own tables."""
    figures = park_figures()
    labels = _proactive_labels()
    rows = [[Cell(labels[name]), Cell(getattr(figures, name))] for name in REPORTED]
    rows.append([Cell(_("Visit coverage")), Cell(Rate(figures.visited, figures.visits_due))])
    return Table(
        name="proactive",
        title=_("Proactive service"),
        headers=[_("Figure"), _("Count")],
        rows=rows,
        note=_("Counted now; the visits are of the visit period %(start)s to %(end)s.")
        % {"start": figures.period_start.isoformat(), "end": figures.period_end.isoformat()},
    )


def _proactive_district_table() -> Table:
    """Each active park's proactive-service figures as the park last reported them (hourly),
    and the district's totals: aggregates over the hub's rows."""
    reported = ParkProactiveFigures.objects.filter(park__is_active=True)
    labels = _proactive_labels()
    rows = [
        [
            Cell(row.park.name),
            *(Cell(getattr(row, name)) for name in REPORTED),
            Cell(_as_of(row.counted_at)),
        ]
        for row in reported.select_related("park").order_by("park__name")
    ]
    if rows:
        totals = reported.aggregate(
            **{name: Sum(name) for name in REPORTED}, counted_at=Min("counted_at")
        )
        rows.append(
            [
                Cell(_("All parks")),
                *(Cell(totals[name]) for name in REPORTED),
                Cell(_as_of(totals["counted_at"])),
            ]
        )
    return Table(
        name="proactive_parks",
        title=_("Proactive service by park"),
        headers=[
            pgettext("place", "Park"),
            *(labels[name] for name in REPORTED),
            _("As of"),
        ],
        rows=rows,
        note=_("Each park counts its figures every hour; visits are of its current visit period."),
    )


def _as_of(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@role_required(Role.LIAISON)
@replica_reads
def department(request):
    own = liaison_department(request.user)
    if own is None:
        raise PermissionDenied
    form, scope = _scope(request, department=own.pk)
    board = boards.department_view(scope)
    return _page(request, "analytics/department.html", board, form, department=own)


@role_required(Role.WINDOW_STAFF, Role.PARK_OPERATOR)
@replica_reads
def park(request):
    form, scope = _scope(request, park=park_current().pk)
    board = _with_proactive(boards.park_dashboard(scope), _proactive_park_table())
    return _page(request, "analytics/park.html", board, form)


def _drill_scope(request) -> tuple[ScopeForm, Scope]:
    """The drill-down's scope: a liaison's is their department, a park's is the park."""
    user = request.user
    if getattr(request, "tenant", None) is not None and request.tenant.schema_name != "public":
        if user.role not in (Role.WINDOW_STAFF, Role.PARK_OPERATOR):
            raise PermissionDenied
        return _scope(request, park=park_current().pk)
    if user.role == Role.LIAISON:
        own = liaison_department(user)
        if own is None:
            raise PermissionDenied
        return _scope(request, department=own.pk)
    if user.role != Role.DISTRICT_ADMIN:
        raise PermissionDenied
    return _scope(request)


@role_required(Role.DISTRICT_ADMIN, Role.LIAISON, Role.WINDOW_STAFF, Role.PARK_OPERATOR)
@replica_reads
def cases(request):
    form, scope = _drill_scope(request)
    metric = request.GET.get("metric", "volume")
    labels = {**boards.metric_labels(), **window_metric_labels()}
    if metric not in labels:
        raise Http404
    today = timezone.localdate()
    rows: QuerySet[Any]
    if metric in WINDOW_METRICS:
        if request.user.role == Role.LIAISON:
            raise Http404  # the window is the park's, not a department's
        rows, column = drill_window(scope, metric, staff=_int(request.GET.get("staff")))
        kind = "window"
    else:
        if metric not in CASE_METRICS:
            raise Http404
        keyword = _keyword(request)
        rows, column = drill_cases(scope, metric, as_of=today, keyword=keyword)
        kind = "cases"
    if request.GET.get("export") == "cases":
        fmt = request.GET.get("format", "csv")
        if fmt not in FORMATS:
            raise Http404
        table = _drill_table(rows[:EXPORT_ROWS], kind, column, labels[metric])
        return table_response(table, fmt, filename=f"{metric}-{scope.start:%Y%m%d}")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "analytics/cases.html",
        {
            "form": form,
            "scope": scope,
            "metric": metric,
            "metric_label": labels[metric],
            "keyword": _keyword(request),
            "department_name": _department_name(scope.department),
            "kind": kind,
            "page": page,
            "rows": [(row, column.value(row) if column else None) for row in page.object_list],
            "column": column,
            "query": request.GET.urlencode(),
            "at_park": request.tenant.schema_name != "public",
        },
    )


def _drill_table(rows, kind: str, column, title: str) -> Table:
    """The drill-down list as a table to download: the same columns as the page."""
    if kind == "cases":
        headers = [_("Tracking number"), pgettext("place", "Park"), _("Category"), _("Title")]
        headers += [_("Department credited"), _("Submitted on")]
    else:
        headers = [
            _("Tracking number"),
            pgettext("place", "Park"),
            _("Category"),
            _("Window staff"),
        ]
        headers += [_("Outcome"), _("Submitted on")]
    if column is not None:
        headers.append(column.heading)
    table = Table(name="cases", title=title, headers=headers)
    for row in rows:
        if kind == "cases":
            credited = row.answered_department or row.department
            middle = [row.title, credited.name if credited else None]
        else:
            middle = [row.staff_name, row.get_outcome_display()]
        cells = [row.tracking_number, row.park.name, row.category.name, *middle]
        cells.append(row.submitted_on.isoformat())
        if column is not None:
            cells.append(column.value(row))
        table.rows.append([Cell(value) for value in cells])
    return table


def _department_name(pk: int | None) -> str:
    if pk is None:
        return ""
    department = Department.objects.filter(pk=pk).first()
    return department.name if department else ""


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@role_required(Role.DISTRICT_ADMIN)
@replica_reads
def report(request):
    month = report_month(request.GET.get("month"), today=timezone.localdate())
    if month is None:
        raise Http404
    context = monthly_report(month)
    return render(request, "analytics/report.html", context)


def _keyword(request) -> str:
    """The drill-down's keyword as it is searched and shown: PostgreSQL refuses a NUL."""
    return request.GET.get("keyword", "").replace("\x00", "")[:20]
