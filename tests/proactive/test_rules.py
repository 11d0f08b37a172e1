"""The rules engine on a table of profiles × criteria, and its two evaluations agreeing."""

import datetime
import random

import pytest

from cms.industries import divisions, divisions_covered
from proactive.rules import Criteria, Facts, Outcome, evaluate, match_all

TODAY = datetime.date(2026, 12, 5)
HIGH_TECH, SPECIALISED = 1, 2

SOFTWARE = Criteria(policy_id=1, divisions=divisions_covered(["I"]), industry_names=("软件",))
SMALL_OR_MICRO = Criteria(policy_id=2, sizes=frozenset({"small", "micro"}))
YOUNG = Criteria(policy_id=3, max_years=5)
SETTLED = Criteria(policy_id=4, min_years=3, max_years=10)
HIGH_TECH_ONLY = Criteria(policy_id=5, qualifications={HIGH_TECH: "高新技术企业"})
BOTH = Criteria(
    policy_id=6, qualifications={HIGH_TECH: "高新技术企业", SPECIALISED: "专精特新中小企业"}
)
EITHER = Criteria(
    policy_id=7,
    qualifications={HIGH_TECH: "高新技术企业", SPECIALISED: "专精特新中小企业"},
    qualification_rule="any",
)

EMPTY = Facts(enterprise_id=1)
CODER = Facts(
    enterprise_id=2,
    division="65",
    division_name="软件和信息技术服务业",
    size="small",
    founded_on=datetime.date(2021, 12, 5),  # five years today
    qualifications={HIGH_TECH: datetime.date(2026, 12, 5)},  # valid through today
)
FACTORY = Facts(
    enterprise_id=3,
    division="39",
    division_name="计算机、通信和其他电子设备制造业",
    size="medium",
    founded_on=datetime.date(2021, 12, 6),  # five years tomorrow: four full years today
    qualifications={HIGH_TECH: datetime.date(2026, 12, 4), SPECIALISED: None},  # expired yesterday
)

TABLE = [
    (SOFTWARE, EMPTY, Outcome.UNKNOWN, "no_industry"),
    (SOFTWARE, CODER, Outcome.MET, "industry_covered"),
    (SOFTWARE, FACTORY, Outcome.NOT_MET, "industry_other"),
    (SMALL_OR_MICRO, EMPTY, Outcome.UNKNOWN, "no_size"),
    (SMALL_OR_MICRO, CODER, Outcome.MET, "size_in"),
    (SMALL_OR_MICRO, FACTORY, Outcome.NOT_MET, "size_out"),
    (YOUNG, EMPTY, Outcome.UNKNOWN, "no_founding_date"),
    (YOUNG, CODER, Outcome.MET, "years_in"),  # five full years is at most five
    (SETTLED, FACTORY, Outcome.MET, "years_in"),
    (SETTLED, CODER, Outcome.MET, "years_in"),
    (HIGH_TECH_ONLY, EMPTY, Outcome.NOT_MET, "qualification_missing"),
    (HIGH_TECH_ONLY, CODER, Outcome.MET, "qualified"),
    (HIGH_TECH_ONLY, FACTORY, Outcome.NOT_MET, "qualification_expired"),
    (BOTH, CODER, Outcome.NOT_MET, "qualification_missing"),
    (BOTH, FACTORY, Outcome.NOT_MET, "qualification_expired"),
    (EITHER, CODER, Outcome.MET, "qualified"),
    (EITHER, FACTORY, Outcome.MET, "qualified"),
    (EITHER, EMPTY, Outcome.NOT_MET, "qualification_missing"),
]


@pytest.mark.parametrize(("criteria", "facts", "outcome", "reason"), TABLE)
def test_each_criterion_met_not_met_or_unknown_with_its_reason(criteria, facts, outcome, reason):
    (result,) = evaluate(criteria, facts, TODAY).results
    assert (result.outcome, result.reason) == (outcome, reason)
    assert result.text  # every reason reads as a sentence


def test_years_count_full_years_to_the_anniversary():
    assert CODER.years_on(TODAY) == 5
    assert FACTORY.years_on(TODAY) == 4
    assert evaluate(Criteria(policy_id=8, min_years=5), FACTORY, TODAY).verdict is None
    assert evaluate(Criteria(policy_id=8, min_years=5), CODER, TODAY).verdict == "match"


def test_a_qualification_is_valid_through_its_expiry_date():
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert evaluate(HIGH_TECH_ONLY, CODER, TODAY).verdict == "match"
    assert evaluate(HIGH_TECH_ONLY, CODER, tomorrow).verdict == "near"


def test_verdict_is_match_near_miss_or_nothing():
    policy = Criteria(
        policy_id=9,
        divisions=divisions_covered(["I"]),
        industry_names=("软件",),
        sizes=frozenset({"small"}),
        qualifications={HIGH_TECH: "高新技术企业"},
    )
    assert evaluate(policy, CODER, TODAY).verdict == "match"
    near = evaluate(policy, CODER, TODAY + datetime.timedelta(days=1))
    assert (near.verdict, [r.key for r in near.missing]) == ("near", ["qualifications"])
    assert evaluate(policy, FACTORY, TODAY).verdict is None  # industry, size and qualification
    assert evaluate(Criteria(policy_id=10), CODER, TODAY).verdict is None  # no criterion at all


def test_a_near_miss_is_within_reach_another_industry_is_not():
    policy = Criteria(
        policy_id=11, divisions=divisions_covered(["I"]), industry_names=("软件",), min_years=3
    )
    assert evaluate(policy, CODER, TODAY).verdict == "match"
    unknown_industry = Facts(enterprise_id=4, founded_on=CODER.founded_on)
    near = evaluate(policy, unknown_industry, TODAY)
    assert (near.verdict, near.missing[0].reason) == ("near", "no_industry")
    other_industry = Facts(enterprise_id=5, division="39", founded_on=CODER.founded_on)
    assert evaluate(policy, other_industry, TODAY).verdict is None


def _random_facts(rng: random.Random, enterprise_id: int) -> Facts:
    codes = [item.code for item in divisions()]
    return Facts(
        enterprise_id=enterprise_id,
        division=rng.choice([None, "65", "39", rng.choice(codes)]),
        size=rng.choice([None, "large", "medium", "small", "micro"]),
        founded_on=rng.choice([None, TODAY - datetime.timedelta(days=rng.randrange(0, 9000))]),
        qualifications={
            pk: rng.choice([None, TODAY + datetime.timedelta(days=rng.randrange(-60, 60))])
            for pk in rng.sample([1, 2, 3, 4], rng.randrange(0, 4))
        },
    )


def _random_criteria(rng: random.Random, policy_id: int) -> Criteria:
    low = rng.choice([None, 0, 2, 5])
    return Criteria(
        policy_id=policy_id,
        divisions=rng.choice([None, divisions_covered(["I"]), divisions_covered(["C", "73"])]),
        sizes=rng.choice([None, frozenset({"small", "micro"}), frozenset({"medium"})]),
        min_years=low,
        max_years=rng.choice([None, 3, 10]) if low is None or low < 3 else None,
        qualifications=rng.choice([None, {1: "a"}, {1: "a", 2: "b"}, {3: "c", 4: "d"}]),
        qualification_rule=rng.choice(["all", "any"]),
    )


def test_matching_everyone_at_once_agrees_with_one_by_one():
    rng = random.Random(15)
    facts = [_random_facts(rng, pk) for pk in range(1, 401)]
    criteria = [_random_criteria(rng, pk) for pk in range(1, 61)]
    bulk = {
        (p, e): (verdict, missing) for p, e, verdict, missing in match_all(criteria, facts, TODAY)
    }
    single = {}
    for policy in criteria:
        for item in facts:
            evaluation = evaluate(policy, item, TODAY)
            if evaluation.verdict:
                missing = evaluation.missing[0].key if evaluation.missing else ""
                single[policy.policy_id, item.enterprise_id] = (evaluation.verdict, missing)
    assert bulk == single
    assert {verdict for verdict, _missing in bulk.values()} == {"match", "near"}
