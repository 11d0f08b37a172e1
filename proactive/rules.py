"""The rules engine: a policy's eligibility against an enterprise profile, explained.

Each criterion a policy sets — industries, size classes, years since founding, qualifications —
is met, not met, or unknown (the profile lacks the field it needs). A profile that meets every
criterion qualifies ("match"); one that is a single step short — one profile field still to give,
or one qualification to obtain — is a near miss ("near"), shown with what is missing. A policy that sets no criterion targets no one and matches
no one.

Two evaluations, one definition: `evaluate` explains one profile against one policy (the
enterprise's page, the outreach list); `match_all` decides every profile against every policy at
once with bitsets (one bit per profile), for the background matching of a whole park. Both read
the same `Criteria` and `Facts`, and tests/proactive/test_rules.py proves they agree.
"""

import datetime
import enum
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.industries import divisions_covered
from cms.models import PolicyPage
from cms.models.policies import EnterpriseSize, QualificationRule
from cms.selectors import public

from .models import EnterpriseProfile, ProfileQualification, SizeClass, Verdict


class Outcome(enum.StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


INDUSTRY, SIZE, FOUNDED, QUALIFICATIONS = "industry", "size", "founded", "qualifications"
KEYS = (INDUSTRY, SIZE, FOUNDED, QUALIFICATIONS)


def criterion_label(key: str) -> str:
    return {
        INDUSTRY: _("Industry"),
        SIZE: _("Enterprise size"),
        FOUNDED: _("Years since founding"),
        QUALIFICATIONS: _("Qualifications"),
    }[key]


@dataclass(frozen=True)
class Criteria:
    """A policy's eligibility, loaded once. None: the policy sets no such criterion."""

    policy_id: int
    divisions: frozenset[str] | None = None
    industry_names: tuple[str, ...] = ()
    sizes: frozenset[str] | None = None
    min_years: int | None = None
    max_years: int | None = None
    qualifications: dict[int, str] | None = None  # id → name
    qualification_rule: str = QualificationRule.ALL

    @property
    def keys(self) -> tuple[str, ...]:
        present = {
            INDUSTRY: self.divisions is not None,
            SIZE: self.sizes is not None,
            FOUNDED: self.min_years is not None or self.max_years is not None,
            QUALIFICATIONS: self.qualifications is not None,
        }
        return tuple(key for key in KEYS if present[key])

    @classmethod
    def of(cls, policy: PolicyPage) -> "Criteria":
        """From a policy whose industries and qualifications are prefetched (`policies_load`)."""
        # An industry an editor named without GB/T codes (before codes existed) cannot be
        # matched: it is left out rather than failing every enterprise.
        industries = [item for item in policy.industries.all() if item.codes]
        qualifications = list(policy.qualifications.all())
        return cls(
            policy_id=policy.id,
            divisions=divisions_covered(code for item in industries for code in item.codes)
            if industries
            else None,
            industry_names=tuple(item.name for item in industries),
            sizes=frozenset(policy.enterprise_sizes) if policy.enterprise_sizes else None,
            min_years=policy.min_years_since_founding,
            max_years=policy.max_years_since_founding,
            qualifications={item.pk: item.name for item in qualifications}
            if qualifications
            else None,
            qualification_rule=policy.qualification_rule,
        )


@dataclass(frozen=True)
class Facts:
    """What matching reads of a profile."""

    enterprise_id: int
    division: str | None = None
    division_name: str = ""
    size: str | None = None
    founded_on: datetime.date | None = None
    qualifications: dict[int, datetime.date | None] = field(default_factory=dict)  # id → until
    qualification_names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, profile: EnterpriseProfile) -> "Facts":
        """From a profile whose industry and qualifications are loaded (`profiles_load`)."""
        industry = profile.industry
        held = list(profile.qualifications.all())
        return cls(
            enterprise_id=profile.enterprise_id,
            division=industry.code if industry else None,
            division_name=industry.name if industry else "",
            size=profile.size_class or None,
            founded_on=profile.founded_on,
            qualifications={item.qualification_id: item.expires_on for item in held},
            qualification_names={item.qualification_id: item.qualification.name for item in held},
        )

    def years_on(self, today: datetime.date) -> int | None:
        """Full years since founding on `today` (an anniversary completes a year)."""
        if self.founded_on is None:
            return None
        founded = self.founded_on
        years = today.year - founded.year
        return years - 1 if (today.month, today.day) < (founded.month, founded.day) else years

    def valid_on(self, today: datetime.date) -> set[int]:
        """Qualifications held and not expired on `today` (valid through their expiry date)."""
        return {pk for pk, until in self.qualifications.items() if until is None or until >= today}


@dataclass(frozen=True)
class CriterionResult:
    key: str
    outcome: Outcome
    reason: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return criterion_label(self.key)

    @property
    def text(self) -> str:
        """The reason as a sentence in the active language."""
        return _SENTENCES[self.reason](self.params)


_SENTENCES: dict[str, Any] = {
    "industry_covered": lambda p: (
        _("Your industry, %(industry)s, is among those the policy supports.") % p
    ),
    "industry_other": lambda p: (
        _("The policy supports %(industries)s; your industry is %(industry)s.") % p
    ),
    "no_industry": lambda p: _("Your profile does not give an industry yet."),
    "size_in": lambda p: _("Your enterprise is %(size)s, a size the policy supports.") % p,
    "size_out": lambda p: _("The policy supports %(sizes)s enterprises; yours is %(size)s.") % p,
    "no_size": lambda p: _(
        "Your size cannot be derived yet: give your industry, employees and annual revenue "
        "(and total assets where the rules need them)."
    ),
    "years_in": lambda p: (
        ngettext(
            "Founded %(years)d year ago, within the policy's range (%(range)s).",
            "Founded %(years)d years ago, within the policy's range (%(range)s).",
            p["years"],
        )
        % p
    ),
    "years_out": lambda p: (
        ngettext(
            "The policy asks for %(range)s since founding; yours is %(years)d year.",
            "The policy asks for %(range)s since founding; yours is %(years)d years.",
            p["years"],
        )
        % p
    ),
    "no_founding_date": lambda p: _("Your profile does not give a founding date yet."),
    "qualified": lambda p: _("You hold %(names)s.") % p,
    "qualification_expired": lambda p: _("Your %(names)s expired on %(date)s.") % p,
    "qualification_missing": lambda p: _("The policy asks for %(names)s.") % p,
}


@dataclass(frozen=True)
class Evaluation:
    policy_id: int
    results: tuple[CriterionResult, ...]

    @property
    def missing(self) -> list[CriterionResult]:
        return [result for result in self.results if result.outcome != Outcome.MET]

    @property
    def verdict(self) -> str | None:
        """Match: every criterion met. Near miss: one criterion short, and within reach — a
        profile field still to give (unknown) or a qualification to obtain or renew; another
        industry, size or age is not "nearly" eligible."""
        if not self.results:
            return None
        missing = self.missing
        if not missing:
            return Verdict.MATCH
        if len(missing) == 1 and (
            missing[0].outcome == Outcome.UNKNOWN or missing[0].key == QUALIFICATIONS
        ):
            return Verdict.NEAR
        return None


def _size_label(value: str) -> str:
    return str(SizeClass(value).label) if value in SizeClass.values else value


def _years_range(criteria: Criteria) -> str:
    low, high = criteria.min_years, criteria.max_years
    if low is not None and high is not None:
        return _("%(low)d to %(high)d years") % {"low": low, "high": high}
    if low is not None:
        return _("at least %(low)d years") % {"low": low}
    return _("at most %(high)d years") % {"high": high}


def _industry(criteria: Criteria, facts: Facts) -> CriterionResult:
    divisions = criteria.divisions or frozenset()  # asked only when the policy sets it
    if facts.division is None:
        return CriterionResult(INDUSTRY, Outcome.UNKNOWN, "no_industry")
    params = {"industry": facts.division_name, "industries": "、".join(criteria.industry_names)}
    if facts.division in divisions:
        return CriterionResult(INDUSTRY, Outcome.MET, "industry_covered", params)
    return CriterionResult(INDUSTRY, Outcome.NOT_MET, "industry_other", params)


def _size(criteria: Criteria, facts: Facts) -> CriterionResult:
    sizes = criteria.sizes or frozenset()  # asked only when the policy sets it
    if facts.size is None:
        return CriterionResult(SIZE, Outcome.UNKNOWN, "no_size")
    order = [value for value in EnterpriseSize.values if value in sizes]
    params = {"size": _size_label(facts.size), "sizes": "、".join(map(_size_label, order))}
    if facts.size in sizes:
        return CriterionResult(SIZE, Outcome.MET, "size_in", params)
    return CriterionResult(SIZE, Outcome.NOT_MET, "size_out", params)


def _years_ok(criteria: Criteria, years: int) -> bool:
    low, high = criteria.min_years, criteria.max_years
    return (low is None or years >= low) and (high is None or years <= high)


def _founded(criteria: Criteria, facts: Facts, today: datetime.date) -> CriterionResult:
    years = facts.years_on(today)
    if years is None:
        return CriterionResult(FOUNDED, Outcome.UNKNOWN, "no_founding_date")
    params = {"years": years, "range": _years_range(criteria)}
    if _years_ok(criteria, years):
        return CriterionResult(FOUNDED, Outcome.MET, "years_in", params)
    return CriterionResult(FOUNDED, Outcome.NOT_MET, "years_out", params)


def _qualifications(criteria: Criteria, facts: Facts, today: datetime.date) -> CriterionResult:
    wanted = criteria.qualifications or {}  # asked only when the policy sets it
    valid = facts.valid_on(today) & set(wanted)
    need_all = criteria.qualification_rule == QualificationRule.ALL
    met = valid == set(wanted) if need_all else bool(valid)
    if met:
        return CriterionResult(
            QUALIFICATIONS,
            Outcome.MET,
            "qualified",
            {"names": "、".join(wanted[pk] for pk in sorted(valid))},
        )
    lacking = [pk for pk in wanted if pk not in valid]
    expired = [pk for pk in lacking if pk in facts.qualifications]
    if expired and (need_all and len(lacking) == len(expired) or not need_all):
        until = max(facts.qualifications[pk] for pk in expired)  # type: ignore[type-var]
        return CriterionResult(
            QUALIFICATIONS,
            Outcome.NOT_MET,
            "qualification_expired",
            {"names": "、".join(wanted[pk] for pk in expired), "date": until},
        )
    separator = "、" if need_all else _(" or ")
    return CriterionResult(
        QUALIFICATIONS,
        Outcome.NOT_MET,
        "qualification_missing",
        {"names": separator.join(wanted[pk] for pk in lacking)},
    )


def evaluate(criteria: Criteria, facts: Facts, today: datetime.date) -> Evaluation:
    """One profile against one policy, each criterion explained."""
    results = []
    for key in criteria.keys:
        if key == INDUSTRY:
            results.append(_industry(criteria, facts))
        elif key == SIZE:
            results.append(_size(criteria, facts))
        elif key == FOUNDED:
            results.append(_founded(criteria, facts, today))
        else:
            results.append(_qualifications(criteria, facts, today))
    return Evaluation(criteria.policy_id, tuple(results))


# --- Loading -------------------------------------------------------------------------------


def policies_load(policies: Iterable[PolicyPage] | None = None) -> list[PolicyPage]:
    """Policies with what `Criteria.of` reads, in two queries; all live ones when None."""
    # Policies under a view restriction (a login-only or group section) are no one's match:
    # the enterprise's page and digest would show what the library hides.
    queryset = public(PolicyPage.objects.live()) if policies is None else None
    if queryset is None:
        ids = [policy.pk for policy in policies or ()]
        queryset = PolicyPage.objects.filter(pk__in=ids)
    return list(
        queryset.only(
            "id",
            "enterprise_sizes",
            "min_years_since_founding",
            "max_years_since_founding",
            "qualification_rule",
            "expiry_date",
            "effective_date",
        ).prefetch_related("industries", "qualifications")
    )


def profiles_load(**filters: Any) -> list[EnterpriseProfile]:
    """Profiles of verified enterprises with what `Facts.of` reads (three queries)."""
    return list(
        EnterpriseProfile.objects.filter(enterprise__status="verified", **filters)
        .select_related("industry")
        .prefetch_related(
            Prefetch(
                "qualifications",
                queryset=ProfileQualification.objects.select_related("qualification"),
            )
        )
    )


def facts_load(**filters: Any) -> list[Facts]:
    """`Facts` of the profiles of verified enterprises, read as plain rows (two queries): what
    the background matching reads for a whole park."""
    profiles = EnterpriseProfile.objects.filter(enterprise__status="verified", **filters)
    held: dict[int, dict[int, datetime.date | None]] = defaultdict(dict)
    for enterprise_id, qualification_id, until in ProfileQualification.objects.filter(
        profile__in=profiles
    ).values_list("profile__enterprise_id", "qualification_id", "expires_on"):
        held[enterprise_id][qualification_id] = until
    return [
        Facts(
            enterprise_id=enterprise_id,
            division=code,
            size=size or None,
            founded_on=founded_on,
            qualifications=held.get(enterprise_id, {}),
        )
        for enterprise_id, code, size, founded_on in profiles.order_by("enterprise_id").values_list(
            "enterprise_id", "industry__code", "size_class", "founded_on"
        )
    ]


def evaluate_profile(
    profile: EnterpriseProfile | None, policies: Iterable[PolicyPage], today: datetime.date
) -> dict[int, Evaluation]:
    """One enterprise against several policies, explained, keyed by policy id. An enterprise
    without a profile is evaluated as an empty one (every criterion unknown or not met)."""
    loaded = policies_load(policies)
    if profile is None:
        facts = Facts(enterprise_id=0)
    else:
        profile = profiles_load(pk=profile.pk)[0] if profile.enterprise.is_verified else profile
        facts = Facts.of(profile)
    return {policy.id: evaluate(Criteria.of(policy), facts, today) for policy in loaded}


# --- Everyone at once ----------------------------------------------------------------------


class Population:
    """The profiles of a park as bitsets: bit i is `facts[i]`; each criterion's "met" and
    "unknown" sets are unions of a few precomputed masks, so deciding a policy for every
    profile costs a handful of operations on integers."""

    def __init__(self, facts: Sequence[Facts], today: datetime.date) -> None:
        self.facts = list(facts)
        self.all = (1 << len(self.facts)) - 1
        self.by_division: dict[str, int] = defaultdict(int)
        self.by_size: dict[str, int] = defaultdict(int)
        self.by_years: dict[int, int] = defaultdict(int)
        self.by_qualification: dict[int, int] = defaultdict(int)
        self.no_division = self.no_size = self.no_founding = 0
        for index, item in enumerate(self.facts):
            bit = 1 << index
            if item.division is None:
                self.no_division |= bit
            else:
                self.by_division[item.division] |= bit
            if item.size is None:
                self.no_size |= bit
            else:
                self.by_size[item.size] |= bit
            years = item.years_on(today)
            if years is None:
                self.no_founding |= bit
            else:
                self.by_years[years] |= bit
            for pk in item.valid_on(today):
                self.by_qualification[pk] |= bit

    def met(self, criteria: Criteria, key: str) -> int:
        if key == INDUSTRY:
            return _union(self.by_division.get(code, 0) for code in criteria.divisions or ())
        if key == SIZE:
            return _union(self.by_size.get(size, 0) for size in criteria.sizes or ())
        if key == FOUNDED:
            return _union(
                mask for years, mask in self.by_years.items() if _years_ok(criteria, years)
            )
        masks = [self.by_qualification.get(pk, 0) for pk in criteria.qualifications or {}]
        if criteria.qualification_rule == QualificationRule.ALL:
            result = self.all
            for mask in masks:
                result &= mask
            return result
        return _union(masks)

    def decide(self, criteria: Criteria) -> tuple[int, list[tuple[str, int]]]:
        """(the profiles that qualify, [(criterion, the profiles that miss only it)])."""
        keys = criteria.keys
        if not keys:
            return 0, []
        met = [self.met(criteria, key) for key in keys]
        # prefix[i] = AND of met[:i], suffix[i] = AND of met[i+1:]
        prefix, running = [], self.all
        for mask in met:
            prefix.append(running)
            running &= mask
        qualify = running
        near, running = [], self.all
        for index in range(len(keys) - 1, -1, -1):
            others = prefix[index] & running
            near.append((keys[index], others & ~met[index] & self.within_reach(keys[index])))
            running &= met[index]
        return qualify, near[::-1]

    def within_reach(self, key: str) -> int:
        """Who can still come to meet the criterion (Evaluation.verdict): anyone for a
        qualification, only those whose profile lacks the field for the others."""
        return {
            INDUSTRY: self.no_division,
            SIZE: self.no_size,
            FOUNDED: self.no_founding,
            QUALIFICATIONS: self.all,
        }[key]

    def enterprise_ids(self, mask: int) -> Iterator[int]:
        bits = bin(mask)[:1:-1]  # bit 0 first
        index = bits.find("1")
        while index >= 0:
            yield self.facts[index].enterprise_id
            index = bits.find("1", index + 1)


def _union(masks: Iterable[int]) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


def match_all(
    criteria: Iterable[Criteria], facts: Sequence[Facts], today: datetime.date
) -> Iterator[tuple[int, int, str, str]]:
    """(policy id, enterprise id, verdict, missing criterion) of every match and near miss."""
    population = Population(facts, today)
    for item in criteria:
        qualify, near = population.decide(item)
        for enterprise_id in population.enterprise_ids(qualify):
            yield item.policy_id, enterprise_id, Verdict.MATCH, ""
        for key, mask in near:
            for enterprise_id in population.enterprise_ids(mask):
                yield item.policy_id, enterprise_id, Verdict.NEAR, key
