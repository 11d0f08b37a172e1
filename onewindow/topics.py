"""Hot topics (热点诉求): what enterprises write about most, per park, category and period.

Keywords come from the Chinese text of the cases (titles and descriptions), segmented and
weighted by jieba's TF-IDF keyword extractor; the category trend is a count per month.
"""

import datetime
from collections import Counter

import jieba.analyse
from django.db.models import Count
from django.db.models.functions import TruncMonth

from .models import Case

# Words every appeal uses; they say nothing about what it is about.
STOP_WORDS = set(
    [
        "企业",
        "我司",
        "公司",
        "咨询",
        "问题",
        "申请",
        "办理",
        "情况",
        "相关",
        "进度",
        "希望",
        "如何",
        "是否",
        "怎么",
        "请问",
        "想要",
        "了解",
    ]
)


def _scope(*, park=None, category=None, since: datetime.date | None = None):
    cases = Case.objects.all()
    if park is not None:
        cases = cases.filter(park=park)
    if category is not None:
        cases = cases.filter(category=category)
    if since is not None:
        cases = cases.filter(submitted_at__date__gte=since)
    return cases


def hot_keywords(*, park=None, category=None, since=None, limit: int = 10) -> list[tuple[str, int]]:
    """The words that stand out in the most cases: (word, number of cases using it)."""
    counts: Counter[str] = Counter()
    for title, description in _scope(park=park, category=category, since=since).values_list(
        "title", "description"
    ):
        words = jieba.analyse.extract_tags(f"{title}。{description}", topK=8)
        counts.update({word for word in words if word not in STOP_WORDS and len(word) > 1})
    return counts.most_common(limit)


def category_trend(*, park=None, since=None) -> list[dict]:
    """Cases per category and month: [{"month", "category", "count"}], oldest first."""
    rows = (
        _scope(park=park, since=since)
        .annotate(month=TruncMonth("submitted_at"))
        .values("month", "category__name")
        .annotate(count=Count("id"))
        .order_by("month", "category__name")
    )
    return [
        {"month": row["month"].date(), "category": row["category__name"], "count": row["count"]}
        for row in rows
    ]
