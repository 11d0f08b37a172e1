"""The dashboards (数据看板) as JSON, for a big screen or another system: the district page and a
liaison's department page (analytics/views.py), and the drill-down list behind any figure.

The figures are the pages' own: the same scope form reads the same query parameters, the same
builders (analytics.dashboard) make the same tables of cells (analytics.tables), the same
drill-down (analytics.drilldown) lists what a figure counts. Parameters the page would quietly
ignore are refused here with 400, so a client learns of its mistake."""

from dataclasses import replace
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Role
from analytics import dashboard as boards
from analytics.drilldown import (
    CASE_METRICS,
    WINDOW_METRICS,
    drill_cases,
    drill_window,
    window_metric_labels,
)
from analytics.scope import PERIODS, Scope, ScopeForm
from analytics.tables import Cell
from core.replica import replica_reads
from onewindow.selectors import liaison_department

from ..pagination import Pagination
from ..permissions import IsDistrictAdmin, IsHubStaff, IsLiaison
from ..serializers.analytics import (
    DashboardSerializer,
    DepartmentDashboardSerializer,
    DrilldownSerializer,
    DrillRowSerializer,
)
from ..serializers.common import READ_ERRORS
from .cases import form_valid

TAG = "analytics"

SCOPE_PARAMETERS = [
    OpenApiParameter("period", str, enum=[name for name, _label in PERIODS]),
    OpenApiParameter("at", OpenApiTypes.DATE, description="A day in the month, quarter or year."),
    OpenApiParameter("start", OpenApiTypes.DATE, description="A custom period's first day."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="A custom period's last day."),
    OpenApiParameter("park", int),
    OpenApiParameter("department", int),
    OpenApiParameter("category", int),
]


def scope_from(request, *, department: int | None = None) -> Scope:
    """The scope the page would read from these parameters (narrowed to `department` when
    given, as a liaison's is); 400 where the page would ignore them."""
    form = ScopeForm(request.query_params)
    form_valid(form)
    try:
        scope = form.scope()
        # The comparisons the dashboards draw must be dates too (not before year 1 or after 9999).
        scope.previous()
        scope.trend()
    except (ValueError, OverflowError):
        raise ValidationError(
            _("The dashboards cannot show a period so far from today."), code="period"
        ) from None
    return replace(scope, department=department) if department is not None else scope


def dashboard_data(request, board: boards.Dashboard, **extra: Any) -> dict:
    data = {
        "scope": board.scope,
        "computed_at": board.computed_at,
        "kpis": [{"label": label, "cell": cell} for label, cell in board.kpis],
        "tables": [board.trend, *board.tables.values()],
        "keywords": [
            {"word": word, "cell": Cell(count, href)} for word, count, href in board.keywords
        ],
        **extra,
    }
    serializer = DepartmentDashboardSerializer if extra else DashboardSerializer
    return serializer(data, context={"request": request}).data


class DistrictParameters(serializers.Serializer):
    sort = serializers.ChoiceField(choices=boards.DEPARTMENT_METRICS, default="on_time")


class DistrictDashboardView(APIView):
    permission_classes = [IsDistrictAdmin]

    @extend_schema(
        tags=[TAG],
        summary="The district dashboard's figures (district admins)",
        parameters=[
            *SCOPE_PARAMETERS,
            OpenApiParameter(
                "sort",
                str,
                enum=boards.DEPARTMENT_METRICS,
                description="The figure the department scorecard is ranked by.",
            ),
        ],
        responses={200: DashboardSerializer, **READ_ERRORS},
    )
    @replica_reads
    def get(self, request):
        params = DistrictParameters(data=request.query_params)
        params.is_valid(raise_exception=True)
        sort = params.validated_data["sort"]
        scope = scope_from(request)
        board = boards.district_dashboard(scope)
        if sort != "on_time":  # as the page does: the scorecard ranked by another figure
            board.tables["departments"] = boards.department_scorecard(
                scope, boards.links_for("analytics:cases", scope), sort=sort
            )
        return Response(dashboard_data(request, board))


def _own_department(user):
    """A liaison's department; a liaison without one may see no department's figures."""
    own = liaison_department(user)
    if own is None:
        raise PermissionDenied
    return own


class DepartmentDashboardView(APIView):
    permission_classes = [IsLiaison]

    @extend_schema(
        tags=[TAG],
        summary="The caller's department against the district (liaisons)",
        parameters=SCOPE_PARAMETERS,
        responses={200: DepartmentDashboardSerializer, **READ_ERRORS},
    )
    @replica_reads
    def get(self, request):
        own = _own_department(request.user)
        board = boards.department_view(scope_from(request, department=own.pk))
        return Response(dashboard_data(request, board, department={"id": own.pk, "name": own.name}))


class DrilldownParameters(serializers.Serializer):
    metric = serializers.ChoiceField(choices=[*CASE_METRICS, *WINDOW_METRICS], default="volume")
    staff = serializers.IntegerField(required=False, min_value=1)
    keyword = serializers.CharField(required=False, max_length=20, allow_blank=True)


class DrilldownView(APIView):
    """The page's drill-down: a liaison's scope is their department; the window's figures are
    the parks', not a department's (404, as on the page)."""

    permission_classes = [IsHubStaff]

    @extend_schema(
        tags=[TAG],
        summary="The cases (or window records) a figure counts",
        parameters=[
            *SCOPE_PARAMETERS,
            OpenApiParameter("metric", str, enum=[*CASE_METRICS, *WINDOW_METRICS]),
            OpenApiParameter("staff", int, description="A window figure's staff member."),
            OpenApiParameter(
                "keyword",
                {"type": "string", "maxLength": 20},
                description="Cases with this hot keyword.",
            ),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int),
        ],
        responses={200: DrilldownSerializer, **READ_ERRORS},
    )
    @replica_reads
    def get(self, request):
        params = DrilldownParameters(data=request.query_params)
        params.is_valid(raise_exception=True)
        metric = params.validated_data["metric"]
        if request.user.role == Role.LIAISON:
            if metric in WINDOW_METRICS:
                raise Http404
            scope = scope_from(request, department=_own_department(request.user).pk)
        else:
            scope = scope_from(request)
        rows, column, kind = self._rows(scope, metric, params.validated_data)
        paginator = Pagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        context = {"request": request, "kind": kind, "column": column}
        labels = {**boards.metric_labels(), **window_metric_labels()}
        response = paginator.get_paginated_response(
            DrillRowSerializer(page, many=True, context=context).data
        )
        response.data = {
            "metric": metric,
            "label": labels[metric],
            "kind": kind,
            "column": column.heading if column is not None else None,
            **response.data,
        }
        return response

    @staticmethod
    def _rows(scope: Scope, metric: str, params: dict) -> tuple[QuerySet[Any], Any, str]:
        if metric in WINDOW_METRICS:
            records, fact = drill_window(scope, metric, staff=params.get("staff"))
            return records, fact, "window"
        keyword = params.get("keyword", "")  # the field refuses a NUL, which PostgreSQL would
        cases, fact = drill_cases(scope, metric, as_of=timezone.localdate(), keyword=keyword)
        return cases, fact, "cases"
