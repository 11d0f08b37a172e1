"""The daily digest of new matches: at most one a day per enterprise, each match told once."""

import datetime
from zoneinfo import ZoneInfo

import time_machine
from django_tenants.utils import schema_context

from cms.models import Industry, PolicyPage
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
    return list(Notification.objects.filter(recipient=enterprise.account).order_by("pk"))


def test_one_digest_a_day_tells_each_new_match_once(in_park_a):
    with at(DAY):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
        software_policy("软件人才奖励")
        assert digests_send() == 1
        [notice] = notices(enterprise)
        assert notice.url.endswith("/policies/for-me/")
        assert notice.url.startswith("http")
        assert "软件企业研发补贴" in notice.body
        assert "2" in notice.title
        assert not PolicyMatch.objects.filter(enterprise=enterprise, notified_at=None).exists()
        assert MatchDigest.objects.get(enterprise=enterprise, sent_on=DAY).policies == 2
        # The same day again: nothing new is said.
        assert digests_send() == 0
        assert len(notices(enterprise)) == 1


def test_a_match_later_that_day_waits_for_the_next_days_digest(in_park_a):
    with at(DAY):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
        assert digests_send() == 1
    with at(DAY, hour=15):
        newer = software_policy("下午发布的政策")
        assert digests_send() == 0
        assert PolicyMatch.objects.get(policy=newer).notified_at is None
    next_day = DAY + datetime.timedelta(days=1)
    with at(next_day):
        assert digests_send() == 1
        latest = notices(enterprise)[-1]
        assert "下午发布的政策" in latest.body
        assert "软件企业研发补贴" not in latest.body
        assert MatchDigest.objects.get(enterprise=enterprise, sent_on=next_day).policies == 1
        assert PolicyMatch.objects.get(policy=newer).notified_at is not None
        assert digests_send() == 0


def test_near_misses_and_other_enterprises_are_not_in_the_digest(in_park_a):
    with at(DAY):
        enterprise = small_software()
        other = Enterprise.objects.get(account__username="other_enterprise_user")
        page = policy("大型企业政策", enterprise_sizes=["large"])
        page.industries.set([Industry.objects.get(code="I")])
        page.save_revision().publish()
        matching.policy_rematch(policy_id=page.pk)
        assert PolicyMatch.objects.get(policy=page, enterprise=enterprise).verdict == "near"
        assert digests_send() == 0
        assert notices(enterprise) == []
        assert notices(other) == []


def test_the_digest_runs_in_each_park_on_its_own(park_a, park_b):
    with schema_context("alpha"), at(DAY):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
    with schema_context("beta"), at(DAY):
        assert digests_send() == 0
    with schema_context("alpha"), at(DAY):
        assert digests_send() == 1
        assert len(notices(enterprise)) == 1


def test_today_defaults_to_the_shanghai_date(in_park_a):
    # 23:30 UTC on the 4th is already the 5th in Shanghai.
    with time_machine.travel(
        datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC), tick=False
    ):
        enterprise = small_software()
        software_policy("软件企业研发补贴")
        assert digests_send() == 1
    assert MatchDigest.objects.get(enterprise=enterprise).sent_on == DAY
