"""Proactive service in the demo parks: profiles for every verified enterprise (the persona's with
a valid and an expired qualification), their matches, outreach worked by the park's staff,
visits with a raised item filed as an appeal, and one district policy sent to every park.
Idempotent: a park whose persona enterprise has a profile is left as it is."""

import datetime
import random

from django_tenants.utils import schema_context

from accounts.models import User
from cms.models import Industry, Qualification, shanghai_today
from core.tasks import tasks_muted
from enterprises.models import Enterprise
from onewindow.models import AppealCategory, DistrictPolicy
from proactive.models import EnterpriseProfile, Outreach, PolicyMatch, Verdict, Visit
from proactive.services import district, figures, matching, outreach, visits
from proactive.services.profiles import (
    HeldQualification,
    profile_for,
    profile_save,
    profile_verify,
)
from tenants.models import Park

# The persona enterprise of each park: (division, employees, revenue band, assets band, founded).
PERSONA_PROFILES = {
    "tiananyungu": ("65", 120, 3000, None, datetime.date(2016, 4, 12)),
    "dayun": ("65", 45, 500, None, datetime.date(2019, 9, 3)),
    "baolong": ("35", 260, 5000, None, datetime.date(2012, 6, 18)),
    "zhonghaixin": ("39", 150, 5000, None, datetime.date(2017, 11, 8)),
    "shumacheng": ("72", 60, None, 2000, datetime.date(2020, 3, 26)),
}
OTHER_DIVISIONS = ("65", "64", "39", "73", "72", "35", "38")


def demo_proactive_seed(*, parks: list[Park], progress=print) -> None:
    today = shanghai_today()
    with tasks_muted():
        _district_policy(today)
        for park in parks:
            progress(f"proactive service: {park.name}")
            with schema_context(park.schema_name):
                district.district_policies_sync()
                _park(park, today)
                matching.matches_refresh()
                _outreach()
                _visits(today)
                figures.figures_report()  # the district dashboard's row (beat: hourly)


def _district_policy(today: datetime.date) -> None:
    if DistrictPolicy.objects.exists():
        return
    admin = User.objects.get(username="admin")
    for fields in (_specialised_policy(today), _tech_sme_policy(today)):
        policy = district.district_policy_save(by=admin, **fields)
        district.district_policy_publish(policy=policy, by=admin)


def _specialised_policy(today: datetime.date) -> dict:
    return dict(
        title="龙岗区支持专精特新中小企业高质量发展若干措施",
        issuing_authority="深圳市龙岗区工业和信息化局",
        document_number=f"深龙工信〔{today.year}〕12号",
        publish_date=today - datetime.timedelta(days=20),
        effective_date=today - datetime.timedelta(days=15),
        expiry_date=today + datetime.timedelta(days=3 * 365),
        summary="对新认定的国家级、省级专精特新中小企业给予一次性奖励，并对高新技术企业研发投入给予配套支持。",
        interpretation="本措施面向区内中小企业：国家级专精特新“小巨人”企业最高奖励50万元，"
        "省级专精特新中小企业奖励20万元；高新技术企业按上年度研发投入的5%给予配套资助。",
        industry_codes=["C", "I", "M"],
        enterprise_sizes=["medium", "small", "micro"],
        qualification_names=["高新技术企业", "专精特新中小企业"],
        qualification_rule="any",
        application_opens=today - datetime.timedelta(days=10),
        application_closes=today + datetime.timedelta(days=60),
        no_application_needed=False,
    )


def _tech_sme_policy(today: datetime.date) -> dict:
    # 免申即享: the park exports the qualifying enterprises; the persona's certificate expired,
    # so it sees this policy as a near miss with the date it lapsed.
    return dict(
        title="龙岗区科技型中小企业研发投入后补助（免申即享）",
        issuing_authority="深圳市龙岗区科技创新局",
        document_number=f"深龙科〔{today.year}〕7号",
        publish_date=today - datetime.timedelta(days=8),
        effective_date=today - datetime.timedelta(days=5),
        expiry_date=today + datetime.timedelta(days=2 * 365),
        summary="对入库的科技型中小企业按上年度研发费用的10%给予后补助，最高30万元，无需申请，由区科技创新局直接拨付。",
        interpretation="补助对象为有效期内的科技型中小企业。园区每季度将符合条件的企业名单报送区科技创新局，"
        "企业无需提交申请材料。",
        industry_codes=["C", "I", "M"],
        enterprise_sizes=["medium", "small", "micro"],
        qualification_names=["科技型中小企业"],
        qualification_rule="all",
        no_application_needed=True,
    )


def _park(park: Park, today: datetime.date) -> None:
    persona = Enterprise.objects.filter(account__username="enterprise").first()
    if persona is None or EnterpriseProfile.objects.filter(enterprise=persona).exists():
        return
    rng = random.Random(park.schema_name)  # nosec B311 - demo data
    high_tech, _c = Qualification.objects.get_or_create(name="高新技术企业")
    tech_sme, _c = Qualification.objects.get_or_create(name="科技型中小企业")
    code, headcount, revenue, assets, founded = PERSONA_PROFILES.get(
        park.schema_name, PERSONA_PROFILES["dayun"]
    )
    _fill(
        persona,
        code,
        headcount,
        revenue,
        assets,
        founded,
        [
            HeldQualification(high_tech, "GR202444201234", today + datetime.timedelta(days=700)),
            # Expired last quarter: the policies that ask for it show it as what is missing.
            HeldQualification(tech_sme, "2025440300A0012", today - datetime.timedelta(days=60)),
        ],
    )
    # The window checked the persona's profile against its documents.
    profile_verify(profile=profile_for(persona), by=User.objects.get(username="window"))
    for enterprise in Enterprise.objects.filter(status=Enterprise.Status.VERIFIED).exclude(
        pk=persona.pk
    ):
        held = []
        if rng.random() < 0.5:
            held.append(HeldQualification(high_tech, f"GR2023{rng.randrange(10**6):06d}", None))
        if rng.random() < 0.5:
            until = today + datetime.timedelta(days=rng.randrange(30, 400))
            held.append(
                HeldQualification(tech_sme, f"2026440300B{rng.randrange(10**4):04d}", until)
            )
        _fill(
            enterprise,
            rng.choice(OTHER_DIVISIONS),
            rng.choice([None, 12, 35, 80, 150, 420]),  # one left blank: size unknown
            rng.choice([300, 1000, 3000, 10000]),
            rng.choice([None, 300, 2000]),
            today - datetime.timedelta(days=rng.randrange(400, 6000)),
            held,
        )


def _fill(enterprise, code, headcount, revenue, assets, founded, held) -> None:
    profile_save(
        profile=profile_for(enterprise),
        by=enterprise.account,
        industry=Industry.objects.get(code=code),
        founded_on=founded,
        headcount=headcount,
        revenue_band=revenue,
        assets_band=assets,
        tags=["研发投入", "拟上市"] if enterprise.account.username == "enterprise" else [],
        qualifications=held,
    )


def _outreach() -> None:
    if Outreach.objects.exists():
        return
    operator = User.objects.get(username="operator")
    window = User.objects.get(username="window")
    matches = PolicyMatch.objects.filter(verdict=Verdict.MATCH).select_related(
        "policy", "enterprise"
    )
    if not matches.exists():
        return
    for number, match in enumerate(matches.order_by("policy_id", "enterprise_id")[:6]):
        policy, enterprise = match.policy, match.enterprise
        outreach.outreach_assign(
            policy=policy, enterprise=enterprise, assignee=operator, by=operator
        )
        if number % 3 == 0:
            outreach.outreach_record(
                policy=policy,
                enterprise=enterprise,
                outcome="contacted",
                note="已电话告知政策要点，企业表示准备材料。",
                by=operator,
            )
        if number % 3 == 1:
            outreach.outreach_record(
                policy=policy,
                enterprise=enterprise,
                outcome="applied",
                note="企业已在广东政务服务网提交申请。",
                by=window,
            )
        if number == 2:
            outreach.outreach_record(
                policy=policy,
                enterprise=enterprise,
                outcome="granted",
                note="主管部门已拨付资金，企业确认到账。",
                by=operator,
            )


def _visits(today: datetime.date) -> None:
    if Visit.objects.exists():
        return
    window = User.objects.get(username="window")
    persona = Enterprise.objects.get(account__username="enterprise")
    visit = visits.visit_record(
        enterprise=persona,
        visited_on=today - datetime.timedelta(days=12),
        visitor=window,
        met_with="李明（总经理）",
        summary="了解企业扩产计划和用工情况，介绍区级专精特新支持措施。",
        items=[
            "二期厂房扩建需要办理施工许可，希望了解审批流程和时限。",
            "新招聘的研发人员希望申请人才住房。",
        ],
        by=window,
    )
    first = visit.items.order_by("pk").first()
    category = AppealCategory.objects.order_by("pk").first()
    if first is not None and category is not None:
        defaults = visits.visit_item_defaults(first)
        visits.visit_item_file(item=first, by=window, category=category, **defaults)
    other = (
        Enterprise.objects.filter(status=Enterprise.Status.VERIFIED).exclude(pk=persona.pk).first()
    )
    if other is not None:
        visits.visit_record(
            enterprise=other,
            visited_on=today - datetime.timedelta(days=100),
            visitor=window,
            met_with="财务负责人",
            summary="季度走访：企业经营平稳，暂无诉求。",
            items=[],
            by=window,
        )
