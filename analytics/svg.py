"""Server-rendered SVG charts (统计图) for the printable monthly report.

The report has to print and read without JavaScript, so these charts are drawn here rather than by
ECharts. Text widths are estimated (a CJK character is about one em, anything else about 0.6 em)
because the server cannot measure fonts; labels that would not fit are shortened with "…" and keep
their full text in a <title> tooltip.
"""

import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

# The same palette as static/analytics/charts.js: each colour has at least 4.5:1 contrast on white,
# so it may colour text as well as marks.
PALETTE = ("#0b5fa5", "#c2410c", "#0f766e", "#7e22ce", "#be185d", "#4d7c0f", "#92400e", "#52606d")
# A dash pattern per series, so lines stay apart for colour-blind readers and on a grey printer.
DASHES = ("", "6 4", "2 3", "10 3 2 3")
TEXT = "#1f2933"
MUTED = "#52606d"
GRID = "#cbd2d9"
FONT_FAMILY = "PingFang SC, Noto Sans CJK SC, Microsoft YaHei, system-ui, sans-serif"
FONT_SIZE = 14
MISSING = "—"

BAR_ROW = 30
BAR_THICKNESS = 18
BAR_VALUE_WIDTH = 76
LEGEND_ROW = 22

Attrs = Mapping[str, str | float]


def bar_chart_svg(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    title: str,
    unit: str = "",
    width: int = 640,
) -> SafeString:
    """Horizontal bars, one row per label: the label on the left, the value at the bar's end."""
    label_width = round(width * 0.38)
    bar_x = label_width + 8
    bar_room = width - bar_x - BAR_VALUE_WIDTH
    known = [v for v in values if v is not None]
    scale = max([*known, 100.0 if unit == "%" else 0.0]) or 1.0
    rows = [
        _bar_row(i, label, value, unit, bar_x, bar_room * max(value or 0.0, 0.0) / scale)
        for i, (label, value) in enumerate(zip(labels, values, strict=True))
    ]
    height = max(len(rows), 1) * BAR_ROW + 8
    axis = _el("line", {"x1": bar_x, "y1": 4, "x2": bar_x, "y2": height - 4, "stroke": MUTED})
    return _svg(title, width, height, *rows, axis)


def _bar_row(
    index: int, label: str, value: float | None, unit: str, bar_x: int, length: float
) -> SafeString:
    middle = 4 + index * BAR_ROW + BAR_ROW / 2
    shown = _fit(label, bar_x - 16)
    parts = [_text(bar_x - 8, middle, shown, anchor="end", full=label)]
    if value is None:
        parts.append(_text(bar_x + 6, middle, MISSING, fill=MUTED))
    else:
        rect: dict[str, str | float] = {"x": bar_x, "y": middle - BAR_THICKNESS / 2}
        rect |= {"width": length, "height": BAR_THICKNESS, "fill": PALETTE[0]}
        parts.append(_el("rect", rect))
        parts.append(_text(bar_x + length + 6, middle, _number(value) + unit))
    return _el("g", {}, *parts)


def line_chart_svg(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    unit: str = "",
    width: int = 640,
    height: int = 240,
) -> SafeString:
    """One line per series over the months in `labels`; a missing month (None) leaves a gap."""
    known = [v for _, values in series for v in values if v is not None]
    ticks = _ticks(known, unit)
    tick_texts = [_number(t) + unit for t in ticks]
    legend, legend_height = _legend([name for name, _ in series], width)
    # The first and last month labels are centred on the plot's edges: leave room for their halves.
    first_half = _text_width(labels[0]) / 2 if labels else 0.0
    last_half = _text_width(labels[-1]) / 2 if labels else 0.0
    left = max(max(map(_text_width, tick_texts)) + 12, first_half + 4)
    right = max(16, last_half + 4)
    top, bottom = 12 + legend_height, height - 28
    box = _Box(left, top, width - left - right, bottom - top, ticks[0], ticks[-1], len(labels))
    parts = [*legend, *_y_axis(box, ticks, tick_texts), *_x_axis(box, labels)]
    for index, (_, values) in enumerate(series):
        parts.extend(_series_marks(box, values, index))
    return _svg(title, width, height, *parts)


class _Box:
    """The plot area and the mapping from (label index, value) to SVG coordinates."""

    def __init__(
        self, x: float, y: float, w: float, h: float, low: float, high: float, count: int
    ) -> None:
        self.x, self.y, self.w, self.h = x, y, w, h
        self.low, self.high, self.count = low, high, count

    def px(self, index: int) -> float:
        if self.count < 2:
            return self.x + self.w / 2
        return self.x + self.w * index / (self.count - 1)

    def py(self, value: float) -> float:
        return self.y + self.h * (self.high - value) / ((self.high - self.low) or 1.0)


def _y_axis(box: _Box, ticks: Sequence[float], texts: Sequence[str]) -> Iterator[SafeString]:
    for tick, text in zip(ticks, texts, strict=True):
        y = box.py(tick)
        colour = MUTED if tick == 0 else GRID
        yield _el("line", {"x1": box.x, "y1": y, "x2": box.x + box.w, "y2": y, "stroke": colour})
        yield _text(box.x - 6, y, text, anchor="end", fill=MUTED)


def _x_axis(box: _Box, labels: Sequence[str]) -> Iterator[SafeString]:
    if not labels:
        return
    # Show every label that fits; with many months, every second (third …) one.
    widest = max(map(_text_width, labels)) + 8
    every = max(1, math.ceil(widest * len(labels) / max(box.w, 1.0)))
    for index, label in enumerate(labels):
        if index % every == 0:
            yield _text(box.px(index), box.y + box.h + 18, label, anchor="middle", fill=MUTED)


def _series_marks(box: _Box, values: Sequence[float | None], index: int) -> Iterator[SafeString]:
    colour, dash = PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]
    runs = _runs(values)
    for run in runs:
        if len(run) > 1:
            points = " ".join(f"{_coord(box.px(i))},{_coord(box.py(v))}" for i, v in run)
            line: dict[str, str | float] = {"points": points, "fill": "none", "stroke": colour}
            line["stroke-width"] = 2
            if dash:
                line["stroke-dasharray"] = dash
            yield _el("polyline", line)
    # A dot on every known month, so a month between two gaps still shows.
    for i, v in (point for run in runs for point in run):
        yield _el("circle", {"cx": box.px(i), "cy": box.py(v), "r": 3, "fill": colour})


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The stretches of consecutive known values: a None ends one line and starts the next."""
    runs: list[list[tuple[int, float]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]


def _legend(names: Sequence[str], width: int) -> tuple[list[SafeString], int]:
    """A row (wrapping) of line samples and names, only when there is more than one series."""
    if len(names) < 2:
        return [], 0
    parts: list[SafeString] = []
    x, row = 0.0, 0
    for index, name in enumerate(names):
        item_width = 28 + _text_width(name) + 16
        if x and x + item_width > width:
            x, row = 0.0, row + 1
        y = 4 + row * LEGEND_ROW + LEGEND_ROW / 2
        sample: dict[str, str | float] = {"x1": x, "y1": y, "x2": x + 22, "y2": y}
        sample |= {"stroke": PALETTE[index % len(PALETTE)], "stroke-width": 3}
        if dash := DASHES[index % len(DASHES)]:
            sample["stroke-dasharray"] = dash
        parts.append(_el("line", sample))
        parts.append(_text(x + 28, y, name))
        x += item_width
    return parts, (row + 1) * LEGEND_ROW + 4


def _ticks(values: Sequence[float], unit: str) -> list[float]:
    """4 to 5 evenly spaced round values covering `values` and zero (0–100 for percentages)."""
    low, high = min([*values, 0.0]), max([*values, 0.0])
    if unit == "%" and low >= 0 and high <= 100:
        return [0.0, 25.0, 50.0, 75.0, 100.0]
    if high == low:
        high = low + 1
    raw = (high - low) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    # 2.5 only from 1 up: 0.25 would print as "0.2" with one decimal.
    multiples = (1, 2, 2.5, 5, 10) if magnitude >= 1 else (1, 2, 5, 10)
    step = next(m * magnitude for m in multiples if m * magnitude >= raw)
    # Labels show one decimal at most, so a finer step would print the same label twice.
    step = max(step, 0.1)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(i * step, 6) for i in range(first, last + 1)]


def _svg(title: str, width: int, height: float, *parts: SafeString) -> SafeString:
    # width="100%" with a viewBox: the chart shrinks to a phone's width and keeps its proportions.
    attrs: dict[str, str | float] = {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {width} {_coord(height)}",
        "width": "100%",
        "role": "img",
        "aria-label": title,
        "font-family": FONT_FAMILY,
        "font-size": FONT_SIZE,
        "fill": TEXT,
    }
    return _el("svg", attrs, _el("title", {}, title), *parts)


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    fill: str = TEXT,
    full: str = "",
) -> SafeString:
    attrs: dict[str, str | float] = {"x": x, "y": y, "dy": "0.35em", "text-anchor": anchor}
    attrs["fill"] = fill
    if full and full != content:
        return _el("text", attrs, _el("title", {}, full), content)
    return _el("text", attrs, content)


def _el(tag: str, attrs: Attrs, *children: str) -> SafeString:
    """One element. Attribute values and plain-text children go through escape(); children that
    are already SafeString (built here) are kept as markup."""
    rendered = "".join(f' {name}="{escape(_attr(value))}"' for name, value in attrs.items())
    body = "".join(conditional_escape(child) for child in children)
    return mark_safe(f"<{tag}{rendered}>{body}</{tag}>")  # noqa: S308  # nosec B308 B703 - escaped above


def _attr(value: str | float) -> str:
    return value if isinstance(value, str) else _coord(value)


def _coord(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _number(value: float) -> str:
    """A value as shown to a reader: thousands separated, at most one decimal, never "-0"."""
    text = f"{value:,.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text_width(text: str) -> float:
    return sum(FONT_SIZE * _em(char) for char in text)


def _em(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.6


def _fit(text: str, room: float) -> str:
    """`text`, or as much of it as fits in `room` pixels followed by "…"."""
    if _text_width(text) <= room:
        return text
    kept, used = "", FONT_SIZE * _em("…")
    for char in text:
        used += FONT_SIZE * _em(char)
        if used > room:
            break
        kept += char
    return kept + "…"
