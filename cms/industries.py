"""The national industry classification (GB/T 4754-2017 国民经济行业分类), shipped as data.

`cms/data/gbt4754_2017.csv` holds the 20 sections (门类, A–T) and their divisions (大类, two
digits). Section K's one division, 70 房地产业, is shipped as its five groups (中类, 701–709),
because the size rules of 工信部联企业〔2011〕300号 tell 房地产开发经营 from 物业管理.

An enterprise's profile names one division; a policy names industries (`cms.Industry`), each of
which covers a set of codes — a section covers all its divisions. The strategic industries the
parks' policies speak of (人工智能, 集成电路 …) are mapped to the divisions they cover in
`THEME_CODES`.
"""

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "gbt4754_2017.csv"


@dataclass(frozen=True)
class IndustryClass:
    code: str
    name: str
    section: str  # the section's letter; a section's own row has its letter here too

    @property
    def is_section(self) -> bool:
        return self.code == self.section


@functools.cache
def classes() -> dict[str, IndustryClass]:
    """Every section and division by code, in the order of the classification."""
    with DATA.open(encoding="utf-8") as rows:
        return {
            row["code"]: IndustryClass(row["code"], row["name"], row["section"] or row["code"])
            for row in csv.DictReader(rows)
        }


def divisions() -> list[IndustryClass]:
    return [item for item in classes().values() if not item.is_section]


def sections() -> list[IndustryClass]:
    return [item for item in classes().values() if item.is_section]


def section_of(code: str) -> str:
    """The section letter of a division (or of a section)."""
    return classes()[code].section


def divisions_covered(codes: Iterable[str]) -> frozenset[str]:
    """The division codes that `codes` cover: a section covers each of its divisions."""
    covered: set[str] = set()
    known = classes()
    for code in codes:
        item = known.get(code)
        if item is None:
            continue
        if item.is_section:
            covered.update(d.code for d in known.values() if d.section == code and not d.is_section)
        else:
            covered.add(code)
    return frozenset(covered)


def unknown_codes(codes: Iterable[str]) -> list[str]:
    return [code for code in codes if code not in classes()]


# The strategic and emerging industries (战略性新兴产业 and the parks' own clusters) that policies
# name, with the divisions each covers.
THEME_CODES: dict[str, tuple[str, ...]] = {
    "人工智能": ("64", "65"),
    "信创产业": ("39", "65"),
    "数字经济": ("39", "63", "64", "65"),
    "文化创意": ("74", "86", "87", "88"),
    "新材料": ("26", "28", "29", "30", "31", "32"),
    "新能源": ("38", "44"),
    "智能制造": ("34", "35", "38", "39", "40"),
    "现代服务业": ("J", "L", "M"),
    "生物医药": ("27", "35", "73"),
    "电子信息": ("39",),
    "软件和信息服务业": ("I",),
    "集成电路": ("39", "65"),
    "高端装备制造": ("34", "35", "37", "38", "40"),
}
