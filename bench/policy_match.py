"""Figures for issue 15: matching every enterprise of a park against every policy, and
re-matching after one policy is published.

Runs in the bench process after django.setup(), in park bench05 (not used by the other benches):
ENTERPRISES verified enterprises with profiles (divisions weighted as in a software and
manufacturing park, sizes derived by the 300号 rules, qualifications with expiry dates) and
POLICIES live policy pages targeted as the parks' are: each names one industry (a GB/T section,
a strategic cluster or a division) and, at random, size classes, years since founding and one or
two qualifications.

- policy_match_all_s: `matching.matches_refresh()` from an empty match table (every match and
  near miss written); the run with nothing changed is logged. policy_match_all_ratio: that time
  over the baseline measured in the same run, reading what matching reads (`facts_load` +
  `policies_load`), i.e. the cost of deciding and writing over reading.
- policy_match_one_publish_ms: median of PUBLISHES policies each changed, published
  (`save_revision().publish()`) and re-matched with `matching.policy_rematch` (what the task
  does); policy_match_one_publish_ratio: the re-match over the publish itself.
"""

import datetime
import random
import statistics
import time

from . import log, provision

PARK = provision.slug(5)
ENTERPRISES = 10_000
POLICIES = 500
PUBLISHES = 9
DIVISION_WEIGHTS = {"65": 30, "64": 12, "39": 14, "73": 6, "72": 8, "35": 6, "34": 4, "74": 6}


def run(env: dict[str, str]) -> dict[str, float]:
    from django_tenants.utils import schema_context

    from core.tasks import tasks_muted

    with schema_context(PARK), tasks_muted():
        seed()
        return measure()


def seed() -> None:
    from django.contrib.auth.hashers import make_password
    from wagtail.models import Page

    from accounts.models import Role, User
    from cms.industries import divisions
    from cms.models import Industry, PolicyIndexPage, PolicyPage, Qualification, shanghai_today
    from enterprises.models import Enterprise
    from proactive.models import (
        ASSETS_BANDS,
        REVENUE_BANDS,
        EnterpriseProfile,
        ProfileQualification,
    )
    from proactive.sizing import size_class

    rng = random.Random(15)
    started = time.monotonic()
    password = make_password(None)
    users = User.objects.bulk_create(
        User(username=f"match-{n:05d}", password=password, role=Role.ENTERPRISE)
        for n in range(ENTERPRISES)
    )
    enterprises = Enterprise.objects.bulk_create(
        Enterprise(
            account=user,
            name=f"匹配基准企业{n:05d}有限公司",
            uscc=f"91440300MA5{n:07d}",
            contact_name="联系人",
            mobile=f"139{n:08d}",
            status=Enterprise.Status.VERIFIED,
        )
        for n, user in enumerate(users)
    )
    industries = {item.code: item for item in Industry.objects.exclude(code=None)}
    codes = [item.code for item in divisions()]
    weights = [DIVISION_WEIGHTS.get(code, 0.3) for code in codes]
    today = shanghai_today()
    profiles = []
    for enterprise in enterprises:
        code = rng.choices(codes, weights)[0]
        headcount = int(rng.lognormvariate(3.2, 1.1))
        revenue = rng.choice(REVENUE_BANDS[: rng.randrange(2, len(REVENUE_BANDS))])
        assets = rng.choice(ASSETS_BANDS)
        profiles.append(
            EnterpriseProfile(
                enterprise=enterprise,
                industry=industries[code],
                founded_on=today - datetime.timedelta(days=rng.randrange(100, 9000)),
                headcount=headcount,
                revenue_band=revenue,
                assets_band=assets,
                size_class=size_class(code, headcount, revenue, assets).size or "",
            )
        )
    profiles = EnterpriseProfile.objects.bulk_create(profiles)
    names = [
        "高新技术企业",
        "专精特新中小企业",
        "科技型中小企业",
        "创新型中小企业",
        "规模以上工业企业",
    ]
    qualifications = [Qualification.objects.get_or_create(name=name)[0] for name in names]
    held = []
    for profile in profiles:
        for qualification, share in zip(qualifications, (0.3, 0.08, 0.25, 0.15, 0.1), strict=True):
            if rng.random() < share:
                held.append(
                    ProfileQualification(
                        profile=profile,
                        qualification=qualification,
                        certificate_number=f"GR{profile.pk:08d}",
                        expires_on=today + datetime.timedelta(days=rng.randrange(-200, 1000)),
                    )
                )
    ProfileQualification.objects.bulk_create(held)
    log(
        f"policy_match: {ENTERPRISES} enterprises with profiles in {time.monotonic() - started:.1f} s"
    )

    started = time.monotonic()
    index = PolicyIndexPage.objects.first()
    if index is None:
        index = PolicyIndexPage(title="政策库", slug="policies")
        Page.objects.get(depth=2).add_child(instance=index)
    # Targeted as the parks' policies are: an industry (a section, a cluster or a division)
    # and, often, sizes, years since founding and a qualification.
    targets = list(Industry.objects.filter(code__in=["I", "C", "M", *DIVISION_WEIGHTS])) + list(
        Industry.objects.filter(code=None)
    )
    for n in range(POLICIES):
        page = PolicyPage(
            title=f"基准政策{n:03d}",
            slug=f"bench-policy-{n:03d}",
            issuing_authority="龙岗区工业和信息化局",
            level="district",
            publish_date=today - datetime.timedelta(days=30),
            effective_date=today - datetime.timedelta(days=20),
            summary="基准测试政策",
            enterprise_sizes=rng.choice([[], ["small", "micro"], ["medium", "small", "micro"]]),
            min_years_since_founding=rng.choice([None, None, None, 1, 2, 3]),
            max_years_since_founding=rng.choice([None] * 5 + [5, 10]),
            qualification_rule=rng.choice(["all", "any"]),
            live=True,
        )
        index.add_child(instance=page)
        page.industries.set([rng.choice(targets)])
        page.qualifications.set(rng.sample(qualifications, rng.choice([0, 0, 1, 1, 1, 2])))
        page.save()  # parental many-to-many fields are written when the page is saved
    log(f"policy_match: {POLICIES} policies in {time.monotonic() - started:.1f} s")


def measure() -> dict[str, float]:
    from cms.models import PolicyPage
    from proactive.models import PolicyMatch
    from proactive.rules import facts_load, policies_load
    from proactive.services import matching

    started = time.monotonic()
    facts_load()
    policies_load()
    baseline = time.monotonic() - started

    started = time.monotonic()
    matching.matches_refresh()
    match_all = time.monotonic() - started
    stored = PolicyMatch.objects.count()
    started = time.monotonic()
    matching.matches_refresh()
    unchanged = time.monotonic() - started
    log(
        f"policy_match: all in {match_all:.2f} s ({stored} matches and near misses stored),"
        f" again with nothing changed {unchanged:.2f} s; reading alone {baseline:.2f} s"
    )

    publish_times, rematch_times = [], []
    for page in PolicyPage.objects.filter(slug__startswith="bench-policy-").order_by("pk")[
        :PUBLISHES
    ]:
        page.enterprise_sizes = ["medium", "small", "micro"]
        started = time.monotonic()
        page.save_revision().publish()
        publish_times.append(time.monotonic() - started)
        started = time.monotonic()
        matching.policy_rematch(policy_id=page.pk)
        rematch_times.append(time.monotonic() - started)
    publish, rematch = statistics.median(publish_times), statistics.median(rematch_times)
    log(f"policy_match: publish {publish * 1000:.0f} ms, re-match {rematch * 1000:.0f} ms")
    return {
        "policy_match_all_s": match_all,
        "policy_match_all_ratio": match_all / baseline,
        "policy_match_one_publish_ms": rematch * 1000,
        "policy_match_one_publish_ratio": rematch / publish,
        "policy_match_stored": stored,
    }
