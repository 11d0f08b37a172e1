"""Matches update when a policy is published, when a profile changes and when a qualification
expires; each park matches its own enterprises only."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction

from cms.models import Industry, PolicyPage, Qualification
from enterprises.models import Enterprise
from proactive import tasks
from proactive.models import PolicyMatch
from proactive.services import matching
from proactive.services.profiles import HeldQualification, profile_for, profile_save
from tests.cms.content import policy

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def run_tasks():
    """Tasks sent after commit run at once (a test's transaction never commits), in the
    schema they were sent from."""
    with (
        mock.patch("core.tasks.transaction.on_commit", lambda send, *args, **kwargs: send()),
        mock.patch.object(
            tasks.policy_rematch, "delay", lambda pk: matching.policy_rematch(policy_id=pk)
        ),
        mock.patch.object(
            tasks.profile_rematch,
            "delay",
            lambda pk: matching.enterprise_rematch(enterprise_id=pk),
        ),
    ):
        yield


def software_policy(title="软件企业扶持", **fields) -> PolicyPage:
    page = policy(title, enterprise_sizes=["small", "micro"], **fields)
    page.industries.set([Industry.objects.get(code="I")])
    page.save_revision().publish()
    return page


def fill(username="enterprise_user", *, code="65", headcount=40, revenue=500, held=()):
    enterprise = Enterprise.objects.get(account__username=username)
    profile_save(
        profile=profile_for(enterprise),
        by=enterprise.account,
        industry=Industry.objects.get(code=code),
        founded_on=datetime.date(2019, 3, 1),
        headcount=headcount,
        revenue_band=revenue,
        assets_band=None,
        tags=[],
        qualifications=list(held),
    )
    return enterprise


def verdicts(page) -> dict[str, str]:
    return dict(
        PolicyMatch.objects.filter(policy=page).values_list(
            "enterprise__account__username", "verdict"
        )
    )


@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_publishing_a_policy_matches_the_profiles_that_qualify(park_a, run_tasks):
    with schema_context("alpha"):
        fill("enterprise_user")  # small software company
        fill("other_enterprise_user", code="39", headcount=400, revenue=5000)  # medium factory
        page = software_policy()
        assert verdicts(page) == {"enterprise_user": "match"}
        page.industries.add(Industry.objects.get(code="C"))
        page.save_revision().publish()
        # Manufacturing now, but medium-sized: another size is not a near miss.
        assert verdicts(page) == {"enterprise_user": "match"}
        page.enterprise_sizes = ["small", "micro", "medium"]
        page.save_revision().publish()
        assert verdicts(page) == {"enterprise_user": "match", "other_enterprise_user": "match"}
        page.unpublish()
        assert verdicts(page) == {}


@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_a_profile_change_updates_that_enterprises_matches(park_a, run_tasks):
    with schema_context("alpha"):
        page = software_policy()
        assert verdicts(page) == {}
        fill(code="39", headcount=40, revenue=500)
        assert verdicts(page) == {}
        fill(code="65", headcount=None, revenue=500)  # the size cannot be derived: near miss
        assert verdicts(page) == {"enterprise_user": "near"}
        assert PolicyMatch.objects.get(policy=page).missing == "size"
        fill(code="65", headcount=40, revenue=500)
        assert verdicts(page) == {"enterprise_user": "match"}
        fill(code="65", headcount=400, revenue=20000)  # now large
        assert verdicts(page) == {}


def test_an_expired_qualification_stops_matching_the_day_after_it_ends(park_a, run_tasks):
    with (
        schema_context("alpha"),
        time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI)),
    ):
        high_tech, _created = Qualification.objects.get_or_create(name="高新技术企业")
        page = policy("高企奖励")
        page.qualifications.set([high_tech])
        page.save_revision().publish()
        held = HeldQualification(high_tech, "GR202344200001", datetime.date(2026, 12, 5))
        fill(held=[held])
        assert verdicts(page) == {"enterprise_user": "match"}
    with (
        schema_context("alpha"),
        time_machine.travel(datetime.datetime(2026, 12, 6, 0, 5, tzinfo=SHANGHAI)),
    ):
        matching.matches_refresh()
        assert verdicts(page) == {"enterprise_user": "near"}


@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_a_rematch_keeps_when_a_match_began_and_whether_it_was_told(park_a, run_tasks):
    with schema_context("alpha"):
        fill()
        page = software_policy()
        first = PolicyMatch.objects.get(policy=page)
        PolicyMatch.objects.filter(pk=first.pk).update(notified_at=first.since)
        assert matching.matches_refresh() == 0
        again = PolicyMatch.objects.get(policy=page)
        assert (again.since, again.notified_at) == (first.since, first.since)


@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_pending_enterprises_and_expired_policies_are_not_matched(park_a, run_tasks):
    with schema_context("alpha"):
        enterprise = fill()
        expired = software_policy("已失效政策", expiry_date=datetime.date(2026, 12, 4))
        current = software_policy()
        assert verdicts(expired) == {}
        assert verdicts(current) == {"enterprise_user": "match"}
        enterprise.status = Enterprise.Status.PENDING
        enterprise.save()
        assert verdicts(current) == {}


@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_each_park_matches_its_own_enterprises_only(park_a, park_b, run_tasks):
    with schema_context("alpha"):
        fill()
        alpha_policy = software_policy()
    with schema_context("beta"):
        beta_policy = software_policy()
        assert verdicts(beta_policy) == {}
        assert not PolicyMatch.objects.filter(policy_id=alpha_policy.pk).exists()
    with schema_context("alpha"):
        assert verdicts(alpha_policy) == {"enterprise_user": "match"}
        assert (
            not PolicyMatch.objects.filter(policy_id=beta_policy.pk)
            .exclude(policy=alpha_policy)
            .exists()
        )


@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_a_policy_in_a_restricted_section_matches_no_one(park_a, run_tasks):
    with schema_context("alpha"):
        fill()
        page = software_policy("仅限登录可见的政策")
        assert verdicts(page) == {"enterprise_user": "match"}
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        matching.matches_refresh()
        assert verdicts(page) == {}
