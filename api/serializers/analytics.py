"""The dashboards' figures as JSON: the same cells (analytics.tables) the pages show and the
CSV/XLSX exports write, each with the link of its drill-down list in the API and on the site."""

from urllib.parse import urlsplit

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from analytics.tables import Cell
from core.rates import Rate

from .cases import NamedSerializer


def drilldown_links(context: dict, href: str) -> tuple[str | None, str | None]:
    """A page's drill-down link as (the API's list, the page), both absolute. The API's list
    takes the page's query parameters, so the link keeps every filter."""
    if not href:
        return None, None
    request = context["request"]
    api = reverse("api:hub-analytics-cases") + "?" + urlsplit(href).query
    return request.build_absolute_uri(api), request.build_absolute_uri(href)


class CellSerializer(serializers.Serializer):
    """One figure: as shown, as a number (a rate in per cent), a rate's parts, its drill-down."""

    text = serializers.CharField(help_text="As the page shows it; “—” when there is no figure.")
    number = serializers.SerializerMethodField(
        allow_null=True,
        help_text="The figure as the exports write it (a rate in per cent, one decimal).",
    )
    numerator = serializers.SerializerMethodField(allow_null=True, help_text="A rate's numerator.")
    denominator = serializers.SerializerMethodField(
        allow_null=True, help_text="A rate's denominator."
    )
    href = serializers.SerializerMethodField(
        allow_null=True, help_text="The cases this figure counts (API)."
    )
    page_href = serializers.SerializerMethodField(
        allow_null=True, help_text="The same list on the site."
    )

    @extend_schema_field(OpenApiTypes.NUMBER)
    def get_number(self, cell: Cell) -> float | int | None:
        return cell.number

    @extend_schema_field(OpenApiTypes.INT)
    def get_numerator(self, cell: Cell) -> int | None:
        return cell.value.numerator if isinstance(cell.value, Rate) else None

    @extend_schema_field(OpenApiTypes.INT)
    def get_denominator(self, cell: Cell) -> int | None:
        return cell.value.denominator if isinstance(cell.value, Rate) else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_href(self, cell: Cell) -> str | None:
        return drilldown_links(self.context, cell.href)[0]

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_href(self, cell: Cell) -> str | None:
        return drilldown_links(self.context, cell.href)[1]


class TableSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The table's name (its export's, on the page).")
    title = serializers.CharField()
    note = serializers.CharField()
    headers = serializers.ListField(child=serializers.CharField())
    label_column = serializers.IntegerField(help_text="The column that names each row.")
    rows = serializers.ListField(child=serializers.ListField(child=CellSerializer()))


class KpiSerializer(serializers.Serializer):
    label = serializers.CharField()
    cell = CellSerializer()


class KeywordSerializer(serializers.Serializer):
    word = serializers.CharField()
    cell = CellSerializer(help_text="The appeals mentioning it, with their drill-down.")


class ScopeSerializer(serializers.Serializer):
    """The period and filters the figures are for (the query parameters the page takes)."""

    period = serializers.ChoiceField(choices=["month", "quarter", "year", "custom"])
    start = serializers.DateField()
    end = serializers.DateField()
    label = serializers.CharField()
    park = serializers.IntegerField(allow_null=True)
    department = serializers.IntegerField(allow_null=True)
    category = serializers.IntegerField(allow_null=True)


class DashboardSerializer(serializers.Serializer):
    """A dashboard: its headline figures, tables (the monthly trend first) and hot keywords."""

    scope = ScopeSerializer()
    computed_at = serializers.DateTimeField(help_text="Figures are cached a few minutes.")
    kpis = KpiSerializer(many=True)
    tables = TableSerializer(many=True)
    keywords = KeywordSerializer(many=True)


class DepartmentDashboardSerializer(DashboardSerializer):
    department = NamedSerializer(help_text="The liaison's department.")


class DrillRowSerializer(serializers.Serializer):
    """One case (or, for a window figure, one appeal at its window) the figure counts."""

    id = serializers.IntegerField()
    tracking_number = serializers.CharField()
    park = serializers.CharField(source="park.name")
    category = serializers.CharField(source="category.name")
    submitted_on = serializers.DateField()
    title = serializers.SerializerMethodField(allow_null=True, help_text="A case's title.")
    department = serializers.SerializerMethodField(
        allow_null=True, help_text="A case's department credited."
    )
    staff_name = serializers.SerializerMethodField(
        allow_null=True, help_text="A window record's staff member."
    )
    outcome = serializers.SerializerMethodField(
        allow_null=True, help_text="A window record's outcome."
    )
    fact = serializers.SerializerMethodField(
        allow_null=True, help_text="The fact that decides the figure for this row, under `column`."
    )

    def _is_case(self) -> bool:
        return self.context["kind"] == "cases"

    @extend_schema_field(OpenApiTypes.STR)
    def get_title(self, row) -> str | None:
        return row.title if self._is_case() else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_department(self, row) -> str | None:
        if not self._is_case():
            return None
        credited = row.answered_department or row.department
        return credited.name if credited else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_staff_name(self, row) -> str | None:
        return None if self._is_case() else row.staff_name

    @extend_schema_field(OpenApiTypes.STR)
    def get_outcome(self, row) -> str | None:
        return None if self._is_case() else row.get_outcome_display()

    @extend_schema_field(OpenApiTypes.STR)
    def get_fact(self, row) -> str | None:
        column = self.context["column"]
        return Cell(column.value(row)).text if column is not None else None


class DrilldownSerializer(serializers.Serializer):
    """The list behind a figure: `count` equals the figure's count (a rate's denominator)."""

    metric = serializers.CharField()
    label = serializers.CharField()
    kind = serializers.ChoiceField(choices=["cases", "window"])
    column = serializers.CharField(allow_null=True, help_text="The heading of `fact`.")
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = DrillRowSerializer(many=True)
