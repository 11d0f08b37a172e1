"""Size classes on the thresholds of 工信部联企业〔2011〕300号, at their boundaries."""

import pytest

from proactive.sizing import size_class

# (division, employees, revenue 万元, assets 万元, expected)
CASES = [
    # 工业 (制造业 39): large at X≥1000 and Y≥40000; medium X≥300 and Y≥2000; small X≥20 and Y≥300.
    ("39", 1000, 40000, None, "large"),
    ("39", 999, 40000, None, "medium"),
    ("39", 1000, 30000, None, "medium"),
    ("39", 300, 2000, None, "medium"),
    ("39", 299, 2000, None, "small"),
    ("39", 300, 1000, None, "small"),
    ("39", 20, 300, None, "small"),
    ("39", 19, 300, None, "micro"),
    ("39", 20, 200, None, "micro"),
    # 软件和信息技术服务业 (65): large X≥300 and Y≥10000; medium X≥100 and Y≥1000; small X≥10, Y≥50.
    ("65", 300, 10000, None, "large"),
    ("65", 299, 10000, None, "medium"),
    ("65", 100, 1000, None, "medium"),
    ("65", 99, 1000, None, "small"),
    ("65", 10, 50, None, "small"),
    ("65", 10, 0, None, "micro"),
    ("65", 9, 5000, None, "micro"),
    # 零售业 (52): large X≥300 and Y≥20000; medium X≥50 and Y≥500; small X≥10 and Y≥100.
    ("52", 300, 20000, None, "large"),
    ("52", 50, 500, None, "medium"),
    ("52", 49, 500, None, "small"),
    ("52", 10, 100, None, "small"),
    ("52", 10, 50, None, "micro"),
    # 批发业 (51): large X≥200 and Y≥40000; medium X≥20 and Y≥5000; small X≥5 and Y≥1000.
    ("51", 200, 40000, None, "large"),
    ("51", 20, 5000, None, "medium"),
    ("51", 19, 5000, None, "small"),
    ("51", 5, 1000, None, "small"),
    ("51", 4, 1000, None, "micro"),
    # 建筑业 (47): by revenue and assets; large Y≥80000 and Z≥80000; medium Y≥6000 and Z≥5000.
    ("47", None, 80000, 80000, "large"),
    ("47", None, 80000, 10000, "medium"),
    ("47", None, 6000, 5000, "medium"),
    ("47", None, 5000, 5000, "small"),
    ("47", None, 300, 300, "small"),
    ("47", None, 300, 100, "micro"),
    # 租赁和商务服务业 (72): by employees and assets.
    ("72", 300, None, 120000, "large"),
    ("72", 100, None, 8000, "medium"),
    ("72", 100, None, 5000, "small"),
    ("72", 9, None, 120000, "micro"),
    # 物业管理 (702) and 房地产开发经营 (701) differ though both are 房地产业.
    ("702", 300, 1000, None, "medium"),
    ("701", None, 1000, 5000, "medium"),
    ("701", None, 100, 300, "micro"),
    # 其他未列明行业 (研究和试验发展 73): employees only.
    ("73", 300, None, None, "large"),
    ("73", 100, None, None, "medium"),
    ("73", 10, None, None, "small"),
    ("73", 9, None, None, "micro"),
    # 农、林、牧、渔业 (01): revenue only.
    ("01", None, 20000, None, "large"),
    ("01", None, 500, None, "medium"),
    ("01", None, 50, None, "small"),
    ("01", None, 0, None, "micro"),
]


@pytest.mark.parametrize(("division", "employees", "revenue", "assets", "expected"), CASES)
def test_size_class_on_the_official_thresholds(division, employees, revenue, assets, expected):
    assert size_class(division, employees, revenue, assets).size == expected


@pytest.mark.parametrize(
    ("division", "employees", "revenue", "assets", "reason"),
    [
        (None, 50, 1000, None, "no_industry"),
        ("65", None, 1000, None, "missing:headcount"),
        ("65", 50, None, None, "missing:revenue"),
        ("47", None, 6000, None, "missing:assets"),
        ("66", 50, 1000, 1000, "not_covered"),  # finance has its own standard
        ("53", 50, 1000, 1000, "not_covered"),  # railway transport is excluded
    ],
)
def test_size_class_unknown_says_why(division, employees, revenue, assets, reason):
    sizing = size_class(division, employees, revenue, assets)
    assert (sizing.size, sizing.reason) == (None, reason)
