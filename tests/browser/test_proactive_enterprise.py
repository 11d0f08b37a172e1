"""An enterprise fills its profile (一企一档) on a phone and then finds, under 适合我的政策, a
policy it qualifies for, with every reason. The web server sends the re-match to the broker
and a real Celery worker computes it."""

import uuid

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from .conftest import assert_accessible
from .test_appeal_journey import log_in, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARK = "baolong"
USERNAME = "proactive-browser"
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture(scope="module")
def newcomer(demo_site, django_db_blocker) -> dict:
    """A verified enterprise of Baolong with an empty profile, and a policy for small software
    companies founded at least three years ago holding 高新技术企业 (all committed)."""
    from accounts.models import Role, User
    from accounts.services import user_create
    from cms.models import Industry, Qualification
    from demo.parks import DEMO_PASSWORD, demo_uscc
    from enterprises.models import Enterprise
    from proactive.models import EnterpriseProfile
    from proactive.services import matching
    from tests.cms.content import policy

    title = f"软件企业成长专项扶持 {uuid.uuid4().hex[:6]}"
    with django_db_blocker.unblock(), schema_context(PARK):
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            user = user_create(username=USERNAME, password=DEMO_PASSWORD, role=Role.ENTERPRISE)
            Enterprise.objects.create(
                account=user,
                name="深圳云栖软件科技有限公司",
                uscc=demo_uscc(7501),
                contact_name="周敏",
                mobile="13700007501",
                status=Enterprise.Status.VERIFIED,
            )
        # A rerun on a kept database starts from an empty profile again.
        EnterpriseProfile.objects.filter(enterprise__account=user).delete()
        high_tech = Qualification.objects.get_or_create(name="高新技术企业")[0]
        page = policy(title, enterprise_sizes=["small", "micro"], min_years_since_founding=3)
        page.industries.set([Industry.objects.get(code="I")])
        page.qualifications.set([high_tech])
        page.save_revision().publish()
        matching.policy_rematch(policy_id=page.pk)
        return {
            "title": title,
            "policy": page.pk,
            "enterprise": user.enterprise.pk,
            "software": Industry.objects.get(code="65").pk,
            "high_tech": high_tech.pk,
        }


def reasons(newcomer: dict) -> list[str]:
    """The sentences the rules give for this enterprise and policy, in Chinese."""
    from cms.models import PolicyPage, shanghai_today
    from enterprises.models import Enterprise
    from proactive import rules
    from proactive.services.profiles import profile_of

    with schema_context(PARK), translation.override("zh-hans"):
        enterprise = Enterprise.objects.get(pk=newcomer["enterprise"])
        page = PolicyPage.objects.get(pk=newcomer["policy"])
        evaluation = rules.evaluate_profile(profile_of(enterprise), [page], shanghai_today())
        assert evaluation[page.pk].verdict == "match"
        return [result.text for result in evaluation[page.pk].results]


def test_an_enterprise_fills_its_profile_and_sees_a_policy_it_qualifies_for(
    demo_site, newcomer, phone, celery_worker
):
    from proactive.models import PolicyMatch

    base = demo_site.format(host=f"{PARK}.localhost")
    log_in(phone, base, USERNAME)

    phone.goto(base + "/policies/for-me/")
    assert phone.locator("main a[href='/profile/']").count() >= 1  # asked to complete it
    assert newcomer["title"] not in phone.content()

    phone.goto(base + "/profile/")
    assert_accessible(phone)
    phone.locator("#id_industry").select_option(str(newcomer["software"]))
    phone.locator("#id_founded_on").fill("2019-03-01")
    phone.locator("#id_headcount").fill("40")
    phone.locator("#id_revenue_band").select_option("500")
    phone.locator("#id_qualifications-0-qualification").select_option(str(newcomer["high_tech"]))
    phone.locator("#id_qualifications-0-certificate_number").fill("GR202344207501")
    phone.locator("#id_qualifications-0-expires_on").fill("2028-12-31")
    phone.locator("main form button[type=submit].primary").click()
    phone.wait_for_load_state()
    assert phone.url == base + "/profile/"
    assert phone.locator(".message.success").count() == 1
    assert "GR202344207501" in phone.content()
    assert phone.evaluate(FITS) is True

    def matched():
        with schema_context(PARK):
            return PolicyMatch.objects.filter(
                enterprise_id=newcomer["enterprise"], policy_id=newcomer["policy"], verdict="match"
            ).exists()

    wait_for(matched)

    phone.goto(base + "/policies/for-me/")
    card = phone.locator(".policy-match", has_text=newcomer["title"])
    assert card.count() == 1
    text = card.inner_text()
    expected = reasons(newcomer)
    assert len(expected) == 4
    for reason in expected:
        assert reason in text
    assert card.locator(".criterion.met").count() == 4
    assert phone.evaluate(FITS) is True
    assert_accessible(phone)

    card.get_by_role("link", name=newcomer["title"]).click()
    phone.wait_for_load_state()
    assert phone.locator("h1", has_text=newcomer["title"]).count() == 1
