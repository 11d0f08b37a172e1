"""The daily digest of new matches: at most one a day per enterprise, each match told once."""

import datetime
from zoneinfo import ZoneInfo

import time_machine
from django_tenants.utils import schema_context

from cms.models import Industry, PolicyPage, Qualification
from enterprises.models import Enterprise
from notifications.models import Notification
from proactive.models import MatchDigest, PolicyMatch
from proactive.services import matching
from proactive.services.digest import digests_send
from proactive.services.profiles import profile_of, profile_save

from ..cms.content import policy

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = datetime.date(2026, 12, 5)


def at(day: datetime.date, hour: int = 9):
    return time_machine.travel(
        datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=SHANGHAI), tick=False
    )


def software_policy(title: str) -> PolicyPage:
    page = policy(title, enterprise_sizes=["small", "micro"])
    page.industries.set([Industry.objects.get(code="I")])
    page.save_revision().publish()
    matching.policy_rematch(policy_id=page.pk)
    return page


def small_software(username: str = "enterprise_user") -> Enterprise:
    enterprise = Enterprise.objects.get(account__username=username)
    profile_save(
        profile=profile_of(enterprise),
        by=enterprise.account,
        industry=Industry.objects.get(code="65"),
        founded_on=datetime.date(2019, 3, 1),
        headcount=40,
        revenue_band=500,
        assets_band=None,
        tags=[],
        qualifications=[],
    )
    matching.enterprise_rematch(enterprise_id=enterprise.pk)
    return enterprise


def notices(enterprise: Enterprise) -> list[Notification]:
    """The digests the enterprise's account received (live-server tests commit other notices)."""
    return list(
        Notification.objects.filter(
            recipient=enterprise.account, url__endswith="/policies/for-me/"
        ).order_by("pk")
    )


def sent(enterprise: Enterprise) -> int:
    """Run the digest (every enterprise of the park) and say how many it sent `enterprise`
    (other tests' committed enterprises may get theirs too)."""
    before = MatchDigest.objects.filter(enterprise=enterprise).count()
    digests_send()
    return MatchDigest.objects.filter(enterprise=enterprise).count() - before


def test_one_digest_a_day_tells_each_new_match_once(in_park_a):
    with at(DAY):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
        software_policy("软件人才奖励")
        assert sent(enterprise) == 1
        [notice] = notices(enterprise)
        assert notice.url.endswith("/policies/for-me/")
        assert notice.url.startswith("http")
        assert "软件企业研发补贴" in notice.body
        assert "2" in notice.title
        assert not PolicyMatch.objects.filter(enterprise=enterprise, notified_at=None).exists()
        assert MatchDigest.objects.get(enterprise=enterprise, sent_on=DAY).policies == 2
        # The same day again: nothing new is said.
        assert sent(enterprise) == 0
        assert len(notices(enterprise)) == 1


def test_a_match_later_that_day_waits_for_the_next_days_digest(in_park_a):
    with at(DAY):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
        assert sent(enterprise) == 1
    with at(DAY, hour=15):
        newer = software_policy("下午发布的政策")
        assert sent(enterprise) == 0
        assert PolicyMatch.objects.get(policy=newer).notified_at is None
    next_day = DAY + datetime.timedelta(days=1)
    with at(next_day):
        assert sent(enterprise) == 1
        latest = notices(enterprise)[-1]
        assert "下午发布的政策" in latest.body
        assert "软件企业研发补贴" not in latest.body
        assert MatchDigest.objects.get(enterprise=enterprise, sent_on=next_day).policies == 1
        assert PolicyMatch.objects.get(policy=newer).notified_at is not None
        assert sent(enterprise) == 0


def test_near_misses_and_other_enterprises_are_not_in_the_digest(in_park_a):
    with at(DAY):
        enterprise = small_software()
        other = Enterprise.objects.get(account__username="other_enterprise_user")
        page = policy("专精特新企业奖励")
        page.industries.set([Industry.objects.get(code="I")])
        page.qualifications.set([Qualification.objects.get_or_create(name="专精特新中小企业")[0]])
        page.save_revision().publish()
        matching.policy_rematch(policy_id=page.pk)
        assert PolicyMatch.objects.get(policy=page, enterprise=enterprise).verdict == "near"
        assert sent(enterprise) == 0
        assert notices(enterprise) == []
        assert notices(other) == []


def test_the_digest_runs_in_each_park_on_its_own(park_a, park_b):
    with schema_context("alpha"), at(DAY):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
    with schema_context("beta"), at(DAY):
        digests_send()
    with schema_context("alpha"), at(DAY):
        assert notices(enterprise) == []  # beta's digest told no one of alpha
        assert sent(enterprise) == 1
        assert len(notices(enterprise)) == 1


def test_today_defaults_to_the_shanghai_date(in_park_a):
    # 23:30 UTC on the 4th is already the 5th in Shanghai.
    with time_machine.travel(
        datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC), tick=False
    ):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
        assert sent(enterprise) == 1
    assert MatchDigest.objects.get(enterprise=enterprise).sent_on == DAY
