"""Size class (大型/中型/小型/微型) by 工信部联企业〔2011〕300号《中小企业划型标准规定》.

Each industry group has the bounds of "small and medium" (中小微) — an enterprise at or above
both of them is large — and the lower bounds of medium and of small: an enterprise below the
SME ceiling is medium when it reaches every medium bound, else small when it reaches every small
bound, else micro. Bounds are on employees (从业人员 X), annual revenue (营业收入 Y, 万元) and
total assets (资产总额 Z, 万元). Revenue and assets are asked as bands whose edges are exactly
these thresholds (proactive.models.REVENUE_BANDS, ASSETS_BANDS), so a band's lower edge decides.

`size_class` answers None, with the reason, when the rules cannot decide: no industry, a figure
the industry's rule needs is missing, or the industry is outside the regulation (finance has its
own standard; railway transport is excluded).
"""

from dataclasses import dataclass

from cms.industries import classes

X, Y, Z = "headcount", "revenue", "assets"


@dataclass(frozen=True)
class Rule:
    name: str
    # Large when every one of these is reached (the SME ceiling: "X<1000 或 Y<40000" ⇒ SME).
    large: dict[str, int]
    medium: dict[str, int]
    small: dict[str, int]

    @property
    def needs(self) -> set[str]:
        return set(self.large) | set(self.medium) | set(self.small)


RULES = {
    "agriculture": Rule("农、林、牧、渔业", {Y: 20000}, {Y: 500}, {Y: 50}),
    "industry": Rule("工业", {X: 1000, Y: 40000}, {X: 300, Y: 2000}, {X: 20, Y: 300}),
    "construction": Rule("建筑业", {Y: 80000, Z: 80000}, {Y: 6000, Z: 5000}, {Y: 300, Z: 300}),
    "wholesale": Rule("批发业", {X: 200, Y: 40000}, {X: 20, Y: 5000}, {X: 5, Y: 1000}),
    "retail": Rule("零售业", {X: 300, Y: 20000}, {X: 50, Y: 500}, {X: 10, Y: 100}),
    "transport": Rule("交通运输业", {X: 1000, Y: 30000}, {X: 300, Y: 3000}, {X: 20, Y: 200}),
    "warehousing": Rule("仓储业", {X: 200, Y: 30000}, {X: 100, Y: 1000}, {X: 20, Y: 100}),
    "postal": Rule("邮政业", {X: 1000, Y: 30000}, {X: 300, Y: 2000}, {X: 20, Y: 100}),
    "accommodation": Rule("住宿业", {X: 300, Y: 10000}, {X: 100, Y: 2000}, {X: 10, Y: 100}),
    "catering": Rule("餐饮业", {X: 300, Y: 10000}, {X: 100, Y: 2000}, {X: 10, Y: 100}),
    "telecom": Rule("信息传输业", {X: 2000, Y: 100000}, {X: 100, Y: 1000}, {X: 10, Y: 100}),
    "software": Rule("软件和信息技术服务业", {X: 300, Y: 10000}, {X: 100, Y: 1000}, {X: 10, Y: 50}),
    "real_estate": Rule("房地产开发经营", {Y: 200000, Z: 10000}, {Y: 1000, Z: 5000}, {Y: 100, Z: 2000}),
    "property": Rule("物业管理", {X: 1000, Y: 5000}, {X: 300, Y: 1000}, {X: 100, Y: 500}),
    "leasing": Rule("租赁和商务服务业", {X: 300, Z: 120000}, {X: 100, Z: 8000}, {X: 10, Z: 100}),
    "other": Rule("其他未列明行业", {X: 300}, {X: 100}, {X: 10}),
}  # fmt: skip

# Divisions (and K's groups) with a rule of their own; the rest follow their section.
_BY_DIVISION = {
    "51": "wholesale", "52": "retail",
    "54": "transport", "55": "transport", "56": "transport", "57": "transport", "58": "transport",
    # 59 holds 装卸搬运 (transport in 300号) and 仓储 (warehousing); a division-level profile
    # cannot tell them apart, and warehousing is the larger part.
    "59": "warehousing", "60": "postal",
    "61": "accommodation", "62": "catering",
    "63": "telecom", "64": "telecom", "65": "software",
    "701": "real_estate", "702": "property",
}  # fmt: skip
_BY_SECTION = {
    "A": "agriculture", "B": "industry", "C": "industry", "D": "industry", "E": "construction",
    "L": "leasing",
}  # fmt: skip
# Outside the regulation: finance (金融业企业划型标准规定 applies), railway transport, and
# 自有房地产经营活动 (GB/T 4754-2017's 704 房地产租赁经营), which 300号 excludes.
NOT_COVERED = {"J", "53", "704"}


def rule_for(code: str) -> Rule | None:
    """The rule for a division code; None when the regulation does not cover it."""
    section = classes()[code].section
    if code in NOT_COVERED or section in NOT_COVERED:
        return None
    return RULES[_BY_DIVISION.get(code) or _BY_SECTION.get(section) or "other"]


@dataclass(frozen=True)
class Sizing:
    size: str | None  # "large" | "medium" | "small" | "micro", or None
    reason: str = ""  # why None: "no_industry", "not_covered", "missing:<headcount|revenue|assets>"


def size_class(
    industry_code: str | None,
    headcount: int | None,
    revenue: int | None,
    assets: int | None,
) -> Sizing:
    """The size class of an enterprise; revenue and assets in 万元 (a band's lower edge)."""
    if not industry_code or industry_code not in classes():
        return Sizing(None, "no_industry")
    rule = rule_for(industry_code)
    if rule is None:
        return Sizing(None, "not_covered")
    figures = {X: headcount, Y: revenue, Z: assets}
    for need in (X, Y, Z):
        if need in rule.needs and figures[need] is None:
            return Sizing(None, f"missing:{need}")

    def reaches(bounds: dict[str, int]) -> bool:
        return all((figures[name] or 0) >= bound for name, bound in bounds.items())

    if reaches(rule.large):
        return Sizing("large")
    if reaches(rule.medium):
        return Sizing("medium")
    if reaches(rule.small):
        return Sizing("small")
    return Sizing("micro")
