"""A dashboard table as data: what the page shows, the chart draws and the export writes are the
same cells, so an exported figure always matches the one on screen."""

from dataclasses import dataclass, field

from core.rates import Rate

MISSING = "—"


@dataclass(frozen=True)
class Cell:
    """One figure (a count, a Rate, a mean, a text) and where it drills down to."""

    value: object
    href: str = ""

    @property
    def text(self) -> str:
        """The figure as the page shows it."""
        value = self.value
        if value is None:
            return MISSING
        if isinstance(value, float):
            return f"{value:.1f}"
        return str(value)

    @property
    def number(self) -> float | int | None:
        """The figure for a chart or a spreadsheet: a rate in per cent (one decimal)."""
        value = self.value
        if isinstance(value, Rate):
            return None if value.value is None else round(value.value * 100, 1)
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return round(value, 1) if isinstance(value, float) else value
        return None

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.value, Rate | int | float) or self.value is None


@dataclass
class Table:
    """A titled table; `name` is its export file name and its anchor on the page."""

    name: str
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    label_column: int = 0  # the column that names the row (its row header)

    def column(self, index: int) -> list[Cell]:
        return [row[index] for row in self.rows]

    def chart(self, index: int, *, label_index: int = 0) -> dict:
        """The JSON a chart of column `index` needs (static/analytics/charts.js)."""
        return {
            "labels": [row[label_index].text for row in self.rows],
            "series": [
                {"name": self.headers[index], "values": [c.number for c in self.column(index)]}
            ],
            "links": [row[index].href or None for row in self.rows],
        }
