"""Hot topics (热点诉求): what enterprises write about most, and the categories on the rise.

The keywords of each case are segmented once, when the case arrives (`onewindow.facts`:
jieba's TF-IDF extractor without the domain's filler words), and stored on the case; here they
are only counted, in SQL, so a district's volume costs one grouped scan.
"""

import datetime
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q

from .metrics import scope_filter
from .models import AppealCategory, Case, CaseArrival


def _cases(*, park=None, category=None, department=None, period_start=None, period_end=None):
    cases = Case.objects.filter(
        scope_filter(park=park, category=category, period_start=period_start, period_end=period_end)
    )
    if department is not None:
        arrived = CaseArrival.objects.filter(case=OuterRef("pk"), department=department)
        cases = cases.filter(Exists(arrived))
    return cases


def hot_keywords(*, limit: int = 10, **scope) -> list[tuple[str, int]]:
    """The words in the most cases of the scope: (word, number of cases), most first.

    `scope` takes the filters of `onewindow.metrics.appeal_metrics` (park, category,
    department, period_start, period_end); a department counts the cases that arrived there.
    """
    # No ordering: the subquery is a set (Case's default ordering would sort every case).
    ids = _cases(**scope).order_by().values("id")
    sql, params = ids.query.sql_with_params()
    # On the database the ORM reads the cases from (the read replica in a dashboard's scope).
    with connections[ids.db].cursor() as cursor:
        # `sql` is the ORM's own parameterised subquery: no user text is interpolated.
        cursor.execute(
            "SELECT word, count(*) AS n FROM onewindow_case c, unnest(c.keywords) AS word "  # noqa: S608  # nosec B608
            f"WHERE c.id IN ({sql}) GROUP BY word ORDER BY n DESC, word LIMIT %s",
            [*params, limit],
        )
        return [(word, n) for word, n in cursor.fetchall()]


@dataclass(frozen=True)
class CategoryTrend:
    """A category's volume in the period and in the one before."""

    category: AppealCategory
    count: int
    previous: int

    @property
    def change(self) -> int:
        return self.count - self.previous

    @property
    def growth(self) -> float | None:
        """Growth against the previous period (0.5 = +50 %); None when it had none."""
        return self.change / self.previous if self.previous else None


def categories_rising(
    *,
    period_start: datetime.date,
    period_end: datetime.date,
    previous_start: datetime.date,
    previous_end: datetime.date,
    limit: int = 10,
    **scope,
) -> list[CategoryTrend]:
    """Categories with more cases than in the previous period, the largest rise first."""
    both = _cases(period_start=previous_start, period_end=period_end, **scope)
    counts = both.values("category").annotate(
        now=Count("id", filter=Q(submitted_on__gte=period_start)),
        before=Count("id", filter=Q(submitted_on__lte=previous_end)),
    )
    rising = {row["category"]: row for row in counts if row["now"] > row["before"]}
    categories = AppealCategory.objects.in_bulk(list(rising))
    trends = [
        CategoryTrend(category=categories[pk], count=row["now"], previous=row["before"])
        for pk, row in rising.items()
    ]
    return sorted(trends, key=lambda t: (-t.change, t.category.name))[:limit]
