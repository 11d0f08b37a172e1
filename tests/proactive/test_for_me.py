"""适合我的政策: the enterprise's own matches, qualifying first, open windows first, each policy
with every criterion explained and the near misses with what is missing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation
from django.utils.html import escape
from django_tenants.utils import schema_context

from cms.models import Industry, PolicyPage, Qualification
from enterprises.models import Enterprise
from proactive import rules
from proactive.services import matching
from proactive.services.profiles import HeldQualification, profile_of, profile_save

from ..cms.content import policy
from ..conftest import host_client, log_in

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2026, 12, 5)
pytestmark = pytest.mark.usefixtures("_frozen")


@pytest.fixture
def _frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI), tick=False):
        yield


def high_tech() -> Qualification:
    return Qualification.objects.get_or_create(name="高新技术企业")[0]


def eligible_policy(
    title: str, *, section: str = "I", qualification: str = "高新技术企业", **fields
) -> PolicyPage:
    """Small and micro enterprises of `section` holding `qualification`."""
    page = policy(title, enterprise_sizes=["small", "micro"], **fields)
    page.industries.set([Industry.objects.get(code=section)])
    page.qualifications.set([Qualification.objects.get_or_create(name=qualification)[0]])
    page.save_revision().publish()
    return page


def fill(username: str = "enterprise_user", *, code: str = "65", certified: bool = True):
    """A small enterprise of `code`, with 高新技术企业 or without; its matches computed."""
    enterprise = Enterprise.objects.get(account__username=username)
    held = [HeldQualification(high_tech(), "GR202344200001", None)] if certified else []
    profile_save(
        profile=profile_of(enterprise),
        by=enterprise.account,
        industry=Industry.objects.get(code=code),
        founded_on=datetime.date(2019, 3, 1),
        headcount=40,
        revenue_band=500,
        assets_band=None,
        tags=[],
        qualifications=held,
    )
    # Tasks are sent on commit, which a test never reaches.
    matching.enterprise_rematch(enterprise_id=enterprise.pk)
    return enterprise


def texts(enterprise: Enterprise, page: PolicyPage) -> list[str]:
    """Each criterion's sentence as the page (in Chinese) says it."""
    with translation.override("zh-hans"):
        evaluation = rules.evaluate_profile(profile_of(enterprise), [page], TODAY)[page.pk]
        return [result.text for result in evaluation.results]


def for_me(username: str = "enterprise_user"):
    client = host_client("alpha.localhost")
    log_in(client, username)
    response = client.get("/policies/for-me/")
    assert response.status_code == 200
    return response


def test_a_qualifying_policy_is_shown_with_the_reasons(park_a):
    with schema_context("alpha"):
        page = eligible_policy("软件企业研发补贴")
        enterprise = fill()
        reasons = texts(enterprise, page)
    response = for_me()
    html = response.content.decode()
    assert [item.policy.pk for item in response.context["matches"].qualifying] == [page.pk]
    assert response.context["matches"].near == []
    assert "软件企业研发补贴" in html
    assert f'href="{page.url}"' in html
    assert len(reasons) == 3
    for reason in reasons:
        assert escape(reason) in html
    assert html.count('class="criterion met"') == 3


def test_a_near_miss_says_what_is_missing(park_a):
    with schema_context("alpha"):
        page = eligible_policy("软件企业研发补贴")
        enterprise = fill(certified=False)
        evaluation = rules.evaluate_profile(profile_of(enterprise), [page], TODAY)[page.pk]
        [missing] = evaluation.missing
        with translation.override("zh-hans"):
            missing_text = missing.text
    response = for_me()
    matches = response.context["matches"]
    assert matches.qualifying == []
    assert [item.policy.pk for item in matches.near] == [page.pk]
    assert [result.key for result in matches.near[0].missing] == ["qualifications"]
    assert missing.outcome == rules.Outcome.NOT_MET
    assert escape(missing_text) in response.content.decode()


def test_open_application_windows_come_first_and_no_application_policies_say_so(park_a):
    with schema_context("alpha"):
        open_now = eligible_policy(
            "申报中的政策",
            application_opens=datetime.date(2026, 12, 1),
            application_closes=datetime.date(2026, 12, 31),
        )
        eligible_policy("免申即享政策", no_application_needed=True)
        eligible_policy(
            "已截止的政策",
            application_opens=datetime.date(2026, 11, 1),
            application_closes=datetime.date(2026, 11, 30),
        )
        fill()
    response = for_me()
    qualifying = response.context["matches"].qualifying
    assert qualifying[0].policy.pk == open_now.pk
    assert {item.policy.title for item in qualifying} == {
        "申报中的政策",
        "免申即享政策",
        "已截止的政策",
    }
    html = response.content.decode()
    assert html.count('class="status closed no-application"') == 1


def test_qualifying_policies_come_before_near_misses(park_a):
    with schema_context("alpha"):
        near = eligible_policy("专精特新企业奖励", qualification="专精特新中小企业")
        match = eligible_policy("软件企业研发补贴")
        fill()
    html = for_me().content.decode()
    assert html.index(match.title) < html.index(near.title)


def test_another_enterprises_matches_are_never_shown(park_a):
    with schema_context("alpha"):
        theirs = eligible_policy("制造业专属政策", section="C")
        fill("other_enterprise_user", code="39")
        fill("enterprise_user", code="65", certified=False)
    response = for_me("enterprise_user")
    assert "制造业专属政策" not in response.content.decode()
    other = for_me("other_enterprise_user")
    assert [item.policy.pk for item in other.context["matches"].qualifying] == [theirs.pk]


def test_an_unfilled_profile_is_asked_to_be_completed(park_a):
    with schema_context("alpha"):
        eligible_policy("软件企业研发补贴")
    response = for_me()
    assert response.context["filled"] is False
    assert response.context["matches"].qualifying == []
    assert 'href="/profile/"' in response.content.decode()
