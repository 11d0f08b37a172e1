"""The server-rendered SVG charts of the printable monthly report."""

import xml.etree.ElementTree as ET

import pytest
from django.utils.safestring import SafeString

from analytics.svg import bar_chart_svg, line_chart_svg

NS = {"svg": "http://www.w3.org/2000/svg"}
MONTHS = ["1月", "2月", "3月", "4月", "5月", "6月"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - parses our own output, not untrusted input


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iterfind(".//svg:text", NS)]


def test_a_bar_chart_draws_one_bar_per_label_and_shows_each_value():
    svg = bar_chart_svg(["园区甲", "园区乙", "园区丙"], [12, 3.25, 40], title="诉求数量")

    root = parse(svg)
    assert len(root.findall(".//svg:rect", NS)) == 3
    shown = texts(root)
    assert {"园区甲", "园区乙", "园区丙", "12", "3.2", "40"} <= set(shown)


def test_the_longest_bar_spans_the_room_and_the_others_are_in_proportion():
    root = parse(bar_chart_svg(["a", "b"], [50, 100], title="t"))

    widths = [float(rect.get("width", "")) for rect in root.iterfind(".//svg:rect", NS)]
    assert widths[1] == widths[0] * 2


def test_a_percentage_bar_chart_is_scaled_to_100_and_shows_the_unit():
    root = parse(bar_chart_svg(["a", "b"], [50, 25], title="按时办结率", unit="%"))

    widths = [float(rect.get("width", "")) for rect in root.iterfind(".//svg:rect", NS)]
    room = 640 - (round(640 * 0.38) + 8) - 76
    assert widths == pytest.approx([room / 2, room / 4], abs=0.05)
    assert {"50%", "25%"} <= set(texts(root))


def test_a_missing_value_shows_a_dash_and_draws_no_bar():
    root = parse(bar_chart_svg(["有数", "无数"], [80, None], title="满意率", unit="%"))

    assert len(root.findall(".//svg:rect", NS)) == 1
    assert "—" in texts(root)


def test_numbers_show_at_most_one_decimal_and_thousands_separators():
    root = parse(bar_chart_svg(["a", "b", "c"], [1234.567, 0.04, 7.0], title="t"))

    assert {"1,234.6", "0", "7"} <= set(texts(root))


def test_labels_and_titles_are_escaped():
    svg = bar_chart_svg(['<script>alert("x")</script>', "R&D 中心"], [1, 2], title="A & <B>")

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "R&amp;D 中心" in svg
    root = parse(svg)
    assert root.get("aria-label") == "A & <B>"
    assert root.findtext("svg:title", namespaces=NS) == "A & <B>"


def test_a_chart_is_an_accessible_image_that_shrinks_to_its_container():
    svg = bar_chart_svg(["a"], [1], title="诉求数量", width=500)

    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "诉求数量"
    assert root.get("width") == "100%"
    assert root.get("viewBox", "").startswith("0 0 500 ")


def test_a_long_label_is_shortened_but_kept_whole_in_its_tooltip():
    label = "深圳市龙岗区某某智能制造科技股份有限公司第二分公司"

    root = parse(bar_chart_svg([label], [5], title="t"))

    text = root.find(".//svg:text", NS)
    assert text is not None
    tooltip = text.find("svg:title", NS)
    assert tooltip is not None
    assert tooltip.text == label
    assert (tooltip.tail or "").endswith("…")
    assert len(tooltip.tail or "") < len(label)


def test_a_line_breaks_where_a_month_is_missing():
    svg = line_chart_svg(MONTHS, [("诉求", [5, 6, None, 8, 9, 7])], title="每月诉求")

    root = parse(svg)
    polylines = root.findall(".//svg:polyline", NS)
    assert [len(line.get("points", "").split()) for line in polylines] == [2, 3]


def test_a_line_chart_labels_the_months_and_draws_4_to_5_gridlines():
    root = parse(line_chart_svg(MONTHS, [("诉求", [5, 16, 12, 8, 9, 7])], title="每月诉求"))

    assert set(MONTHS) <= set(texts(root))
    gridlines = root.findall("./svg:line", NS)
    assert 4 <= len(gridlines) <= 5


def test_a_percentage_line_chart_runs_from_0_to_100_percent():
    root = parse(
        line_chart_svg(MONTHS, [("响应率", [90, 95, 99, 100, 97, 98])], title="t", unit="%")
    )

    assert {"0%", "25%", "50%", "75%", "100%"} <= set(texts(root))


def test_a_single_series_has_no_legend_and_several_have_one():
    one = parse(line_chart_svg(MONTHS, [("诉求", [1] * 6)], title="t"))
    two = parse(line_chart_svg(MONTHS, [("园区甲", [1] * 6), ("园区乙", [2] * 6)], title="t"))

    assert "诉求" not in texts(one)
    assert {"园区甲", "园区乙"} <= set(texts(two))


def test_a_line_chart_without_any_value_still_renders():
    root = parse(line_chart_svg(MONTHS, [("诉求", [None] * 6)], title="t"))

    assert root.findall(".//svg:polyline", NS) == []
