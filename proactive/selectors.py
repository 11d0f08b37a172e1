"""What the proactive-service pages read: an enterprise's profile as shown, its policy matches
with their reasons, the window's list of profiles."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cms.models import PolicyPage
from cms.selectors import public
from enterprises.models import Enterprise

from . import rules
from .models import (
    ASSETS_BANDS,
    REVENUE_BANDS,
    EnterpriseProfile,
    PolicyMatch,
    ProfileChange,
    ProfileQualification,
    Verdict,
)
from .services.profiles import band_label, profile_of
from .sizing import Sizing, size_class

# --- the profile -------------------------------------------------------------------------


def sizing_of(profile: EnterpriseProfile) -> Sizing:
    """The size class as the rules derive it now, or why they cannot."""
    industry = profile.industry
    return size_class(
        industry.code if industry else None,
        profile.headcount,
        profile.revenue_band,
        profile.assets_band,
    )


def sizing_reason_text(reason: str) -> str:
    """Why the size class cannot be derived, in the reader's language."""
    texts = {
        "no_industry": _("Choose the industry: the size class depends on it."),
        "not_covered": _(
            "The national size rules do not cover this industry (finance has a standard of its "
            "own; railway transport is excluded)."
        ),
        "missing:headcount": _("Give the number of employees to derive the size class."),
        "missing:revenue": _("Give the annual revenue to derive the size class."),
        "missing:assets": _(
            "Give the total assets to derive the size class: this industry's rule needs them."
        ),
    }
    return texts.get(reason, "")


def band_shown(edges: tuple[int, ...], low: int | None) -> str:
    return "" if low is None else band_label(edges, low)


@dataclass(frozen=True)
class HeldShown:
    held: ProfileQualification
    expired: bool


def qualifications_shown(profile: EnterpriseProfile, today: datetime.date) -> list[HeldShown]:
    """The qualifications held, each marked expired from the day after its expiry date."""
    if profile.pk is None:
        return []
    return [
        HeldShown(item, item.expires_on is not None and item.expires_on < today)
        for item in profile.qualifications.select_related("qualification")
    ]


def profile_filled(profile: EnterpriseProfile) -> bool:
    """Has the enterprise told anything matching could use?"""
    if profile.pk is None:
        return False
    return bool(
        profile.industry_id
        or profile.founded_on
        or profile.headcount is not None
        or profile.revenue_band is not None
        or profile.qualifications.exists()
    )


# --- the history -------------------------------------------------------------------------


def change_label(field: str) -> str:
    """The label of a field as the history names it."""
    if field.startswith("qualification:"):
        return _("Qualification: %(name)s") % {"name": field.partition(":")[2]}
    labels = {
        "industry": _("Industry"),
        "founded_on": _("Founding date"),
        "headcount": _("Employees"),
        "revenue_band": _("Annual revenue"),
        "assets_band": _("Total assets"),
        "tags": _("Tags"),
        "verified": _("Verified by the park window"),
    }
    return labels.get(field, field)


def value_shown(field: str, value: Any) -> str:
    """A value the history kept, in the reader's language (proactive.services.profiles)."""
    if not value:
        return ""
    if field.startswith("qualification:") and isinstance(value, dict):
        until = value.get("until")
        parts = [value.get("certificate", "")]
        if until:
            parts.append(_("valid until %(date)s") % {"date": until})
        return " ".join(part for part in parts if part)
    if field in ("revenue_band", "assets_band") and str(value).isdigit():
        return band_label(REVENUE_BANDS if field == "revenue_band" else ASSETS_BANDS, int(value))
    return str(value)


@dataclass(frozen=True)
class ChangeLine:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ChangeShown:
    change: ProfileChange
    lines: list[ChangeLine]


def history_of(profile: EnterpriseProfile) -> QuerySet[ProfileChange]:
    if profile.pk is None:
        return ProfileChange.objects.none()
    return profile.changes.select_related("changed_by")


def changes_shown(changes) -> list[ChangeShown]:
    """One page of the history, each field under its label."""
    return [
        ChangeShown(
            change,
            [
                ChangeLine(
                    change_label(item["field"]),
                    value_shown(item["field"], item.get("old", "")),
                    value_shown(item["field"], item.get("new", "")),
                )
                for item in change.changes
            ],
        )
        for change in changes
    ]


# --- policies for the enterprise (适合我的政策) --------------------------------------------


@dataclass(frozen=True)
class PolicyShown:
    policy: PolicyPage
    verdict: str
    application_open: bool
    evaluation: rules.Evaluation

    @property
    def missing(self) -> list[rules.CriterionResult]:
        return self.evaluation.missing


@dataclass(frozen=True)
class ForMe:
    qualifying: list[PolicyShown]
    near: list[PolicyShown]


def matches_for_enterprise(enterprise: Enterprise, today: datetime.date) -> ForMe:
    """The enterprise's own matches: qualifying policies, then near misses, each group with
    open application windows first, each policy with every criterion explained. The verdict
    shown is the one the explanation gives today (a match the nightly refresh has not caught
    up with yet is shown as it now stands, or not at all)."""
    since = dict(
        PolicyMatch.objects.filter(enterprise=enterprise).values_list("policy_id", "since")
    )
    if not since:
        return ForMe([], [])
    policies = list(public(PolicyPage.objects.live()).filter(pk__in=since))
    profile = profile_of(enterprise)
    evaluations = rules.evaluate_profile(
        profile if profile.pk is not None else None, policies, today
    )
    shown = [
        PolicyShown(
            policy,
            evaluations[policy.pk].verdict or "",
            policy.application_open_on(today),
            evaluations[policy.pk],
        )
        for policy in policies
        if evaluations.get(policy.pk) and evaluations[policy.pk].verdict
    ]
    shown.sort(key=lambda item: (not item.application_open, -since[item.policy.id].timestamp()))
    return ForMe(
        qualifying=[item for item in shown if item.verdict == Verdict.MATCH],
        near=[item for item in shown if item.verdict == Verdict.NEAR],
    )


# --- the window's list -------------------------------------------------------------------


def profiles_for_office(
    *, unverified: bool = False, query: str = ""
) -> QuerySet[EnterpriseProfile]:
    """The park's profiles, most recently changed first; unverified ones only, if asked."""
    profiles = EnterpriseProfile.objects.select_related("enterprise", "industry").order_by(
        "-updated_at", "-id"
    )
    if unverified:
        profiles = profiles.filter(verified_at__isnull=True)
    if query:
        profiles = profiles.filter(
            Q(enterprise__name__icontains=query) | Q(enterprise__uscc__iexact=query)
        )
    return profiles


def enterprise_get_for_office(*, enterprise_id: int) -> Enterprise:
    """An enterprise of this park (the schema is the park: another park's id is not here)."""
    try:
        return Enterprise.objects.select_related("account").get(pk=enterprise_id)
    except Enterprise.DoesNotExist as exc:
        raise Http404 from exc
