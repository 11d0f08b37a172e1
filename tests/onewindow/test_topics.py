"""Hot topics: keywords from the Chinese text of appeals, and the categories on the rise."""

import datetime

from django.utils import timezone

from onewindow.facts import STOP_WORDS, case_keywords
from onewindow.models import Case
from onewindow.topics import categories_rising, hot_keywords

from ..appeals.helpers import category, dispatched_case

CORPUS = (
    ("税费咨询", "研发费用加计扣除的申报口径"),
    ("税费咨询", "研发费用加计扣除如何备案"),
    ("厂房租金补贴", "想了解厂房租金补贴的申请条件"),
)


def test_the_keywords_of_an_appeal_leave_out_the_filler_words():
    words = case_keywords("企业申请咨询：研发费用加计扣除", "请问我司如何办理研发费用加计扣除？")

    assert {"研发", "费用", "加计", "扣除"} <= set(words)
    assert not set(words) & STOP_WORDS
    for filler in ("企业", "申请", "咨询"):
        assert filler not in words


def test_the_words_enterprises_repeat_come_first(park_a):
    Case.objects.all().delete()  # cases committed by server tests; rolled back after this test
    for title, description in CORPUS:
        _appeal, case = dispatched_case("alpha", description=description, title=title)
    ranked = hot_keywords(park=case.park, limit=50)
    words = dict(ranked)

    assert ranked[0][1] == 2  # most first
    assert words["税费"] == 2
    assert words["加计"] == 2
    assert words["扣除"] == 2
    assert words["厂房"] == 1
    assert not set(words) & STOP_WORDS


def test_another_park_s_keywords_are_not_counted(park_a, park_b):
    Case.objects.all().delete()
    _appeal, case = dispatched_case("alpha", title="厂房租金补贴", description="厂房租金补贴")
    dispatched_case("beta", title="人才公寓", description="人才公寓申请")

    words = dict(hot_keywords(park=case.park, limit=50))

    assert "厂房" in words
    assert "人才" not in words
    assert "公寓" not in words


def test_a_category_with_more_appeals_than_the_period_before_is_rising(park_a):
    Case.objects.all().delete()
    finance, tech = category("融资服务"), category("科技项目")
    for _ in range(2):
        _appeal, case = dispatched_case("alpha", category=finance)
    dispatched_case("alpha", category=tech)
    today = timezone.localdate(case.submitted_at)
    # The tech case is moved to the previous month: no rise for tech.
    Case.objects.filter(category=tech).update(submitted_on=today - datetime.timedelta(days=40))
    month_start = today.replace(day=1)
    previous_end = month_start - datetime.timedelta(days=1)

    rising = categories_rising(
        period_start=month_start,
        period_end=today,
        previous_start=previous_end.replace(day=1) - datetime.timedelta(days=31),
        previous_end=previous_end,
    )

    assert [(t.category.name, t.count, t.previous) for t in rising] == [("融资服务", 2, 0)]
    assert rising[0].growth is None  # nothing before: no percentage
