"""Hot topics: keywords from the Chinese text of appeals, and the category trend by month."""

from django.utils import timezone

from onewindow.models import Case
from onewindow.topics import category_trend, hot_keywords

from ..appeals.helpers import dispatched_case


def test_the_words_enterprises_repeat_come_first(park_a):
    Case.objects.all().delete()  # cases committed by server tests; rolled back after this test
    for description in ("研发费用加计扣除的申报口径", "研发费用加计扣除如何备案", "厂房租金补贴"):
        _appeal, case = dispatched_case("alpha", description=description, title="税费咨询")
    ranked = hot_keywords(park=case.park, limit=50)
    words = dict(ranked)
    assert ranked[0] == ("税费", 3)
    assert words["加计"] == 2
    assert words["扣除"] == 2
    assert words["厂房"] == 1
    assert "咨询" not in words
    assert "如何" not in words


def test_the_trend_counts_cases_per_category_and_month(park_a):
    Case.objects.all().delete()
    _appeal, case = dispatched_case("alpha")
    month = timezone.localdate(case.submitted_at).replace(day=1)
    assert category_trend(park=case.park) == [
        {"month": month, "category": case.category.name, "count": 1}
    ]
