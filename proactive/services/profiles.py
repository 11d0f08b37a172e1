"""The enterprise profile (一企一档): saved with its history, its size class derived, its
matches recomputed after commit; verified by the park window."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cms.models import Industry, Qualification, shanghai_today
from core.tasks import enqueue_on_commit
from enterprises.models import Enterprise

from ..models import (
    EnterpriseProfile,
    ProfileChange,
    ProfileQualification,
)
from ..sizing import size_class

# The profile's own fields, in the order the history shows them.
FIELDS = ("industry", "founded_on", "headcount", "revenue_band", "assets_band", "tags")
TAGS_MAX, TAG_LENGTH_MAX = 10, 20


@dataclass(frozen=True)
class HeldQualification:
    qualification: Qualification
    certificate_number: str
    expires_on: datetime.date | None


def profile_for(enterprise: Enterprise) -> EnterpriseProfile:
    """The enterprise's profile, created empty the first time it is asked for."""
    profile, _created = EnterpriseProfile.objects.get_or_create(enterprise=enterprise)
    return profile


def band_label(edges: tuple[int, ...], low: int) -> str:
    """A revenue or assets band by its lower edge, in the active language."""
    following = [edge for edge in edges if edge > low]
    if not following:
        return _("%(low)s 万元 or more") % {"low": f"{low:,}"}
    high = following[0]
    if low == 0:
        return _("under %(high)s 万元") % {"high": f"{high:,}"}
    return _("%(low)s to under %(high)s 万元") % {"low": f"{low:,}", "high": f"{high:,}"}


def band_choices(edges: tuple[int, ...]) -> list[tuple[int, str]]:
    """The bands as choices, labelled in the active language (the model's are not)."""
    return [(low, band_label(edges, low)) for low in edges]


# The history keeps values, not text: a band as its lower edge, a date in ISO form, a
# qualification as its certificate and expiry. proactive.selectors.value_shown words them in
# the reader's language when the history is shown.


def _shown(profile: EnterpriseProfile, field: str) -> str:
    value = getattr(profile, field)
    if value is None or value == [] or value == "":
        return ""
    if field == "tags":
        return "、".join(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _qualification_shown(held: Iterable[Any]) -> dict[str, dict[str, str]]:
    return {
        item.qualification.name: {
            "certificate": item.certificate_number,
            "until": item.expires_on.isoformat() if item.expires_on else "",
        }
        for item in held
    }


def size_class_derive(profile: EnterpriseProfile) -> str:
    industry = profile.industry
    sizing = size_class(
        industry.code if industry else None,
        profile.headcount,
        profile.revenue_band,
        profile.assets_band,
    )
    return sizing.size or ""


def profile_of(enterprise: Enterprise) -> EnterpriseProfile:
    """The enterprise's profile, or an empty unsaved one (reading a page writes nothing)."""
    try:
        return EnterpriseProfile.objects.select_related("industry", "verified_by").get(
            enterprise=enterprise
        )
    except EnterpriseProfile.DoesNotExist:
        return EnterpriseProfile(enterprise=enterprise)


def _locked(profile: EnterpriseProfile) -> EnterpriseProfile:
    """The profile's row, locked (created first if it is not there yet)."""
    locked, _created = EnterpriseProfile.objects.select_for_update().get_or_create(
        enterprise_id=profile.enterprise_id
    )
    return locked


def _may_edit(by: User, profile: EnterpriseProfile) -> None:
    """The enterprise keeps its own profile; the park window may correct it."""
    if by.is_window_staff:
        return
    if not by.is_enterprise or getattr(by, "enterprise", None) != profile.enterprise:
        raise PermissionDenied


def _tags_clean(tags: list[str]) -> list[str]:
    return sorted({tag.strip() for tag in tags if tag.strip()})


def _check(
    *,
    industry: Industry | None,
    founded_on: datetime.date | None,
    tags: list[str],
    qualifications: list[HeldQualification],
) -> None:
    if industry is not None and (industry.code is None or len(industry.code) == 1):
        raise ValidationError(
            _("Choose a division of the national industry classification."), code="not_division"
        )
    if founded_on is not None and founded_on > shanghai_today():
        raise ValidationError(_("The founding date cannot be in the future."), code="future")
    cleaned = _tags_clean(tags)
    if len(cleaned) > TAGS_MAX or any(len(tag) > TAG_LENGTH_MAX for tag in cleaned):
        raise ValidationError(
            _("Give at most %(count)d tags of at most %(length)d characters each.")
            % {"count": TAGS_MAX, "length": TAG_LENGTH_MAX},
            code="tags",
        )
    if any(not item.certificate_number.strip() for item in qualifications):
        raise ValidationError(
            _("Give the certificate number of each qualification."), code="certificate_required"
        )
    names = [item.qualification.pk for item in qualifications]
    if len(names) != len(set(names)):
        raise ValidationError(_("Each qualification can be listed once."), code="duplicate")


def profile_save(
    *,
    profile: EnterpriseProfile,
    by: User,
    industry: Industry | None,
    founded_on: datetime.date | None,
    headcount: int | None,
    revenue_band: int | None,
    assets_band: int | None,
    tags: list[str],
    qualifications: list[HeldQualification],
) -> ProfileChange | None:
    """Save what the enterprise (or the window on its behalf) entered. Every changed field is
    recorded with its old and new value; a change by the enterprise ends the window's
    verification; the size class is derived again; matches are recomputed after commit.
    Nothing changed: nothing is written (None). `profile` may be the unsaved empty profile of
    `profile_of`: it is created here, with the first change."""
    _may_edit(by, profile)
    _check(industry=industry, founded_on=founded_on, tags=tags, qualifications=qualifications)
    with transaction.atomic():
        profile = _locked(profile)
        before = {field: _shown(profile, field) for field in FIELDS}
        held_before = _qualification_shown(profile.qualifications.select_related("qualification"))
        profile.industry = industry
        profile.founded_on = founded_on
        profile.headcount = headcount
        profile.revenue_band = revenue_band
        profile.assets_band = assets_band
        profile.tags = _tags_clean(tags)
        held_after = _qualification_shown(qualifications)
        changes: list[dict[str, Any]] = [
            {"field": field, "old": before[field], "new": _shown(profile, field)}
            for field in FIELDS
            if before[field] != _shown(profile, field)
        ]
        changes += [
            {"field": f"qualification:{name}", "old": held_before.get(name, ""), "new": new}
            for name, new in held_after.items()
            if held_before.get(name) != new
        ]
        changes += [
            {"field": f"qualification:{name}", "old": old, "new": ""}
            for name, old in held_before.items()
            if name not in held_after
        ]
        if not changes:
            return None
        profile.size_class = size_class_derive(profile)
        if by.is_enterprise:
            profile.verified_at, profile.verified_by = None, None
        profile.save()
        profile.qualifications.all().delete()
        ProfileQualification.objects.bulk_create(
            ProfileQualification(
                profile=profile,
                qualification=item.qualification,
                certificate_number=item.certificate_number,
                expires_on=item.expires_on,
            )
            for item in qualifications
        )
        change = ProfileChange.objects.create(profile=profile, changed_by=by, changes=changes)
        enqueue_on_commit("proactive.tasks.profile_rematch", profile.enterprise_id)
    return change


def profile_seen(profile: EnterpriseProfile) -> int:
    """Which state of the profile a page showed: its latest change (0: none yet)."""
    if profile.pk is None:
        return 0
    latest = profile.changes.order_by("-pk").values_list("pk", flat=True).first()
    return latest or 0


def profile_verify(
    *, profile: EnterpriseProfile, by: User, seen: int | None = None
) -> EnterpriseProfile:
    """The park window confirms the profile as it stands (window staff only); with `seen`
    (`profile_seen` of the page the window checked), only if it has not changed since."""
    if not by.is_window_staff:
        raise PermissionDenied(_("Only the park window verifies a profile."))
    with transaction.atomic():
        profile = _locked(profile)
        if seen is not None and profile_seen(profile) != seen:
            raise ValidationError(
                _("The enterprise changed its profile meanwhile: check it again, then verify."),
                code="changed",
            )
        profile.verified_at, profile.verified_by = timezone.now(), by
        profile.save(update_fields=["verified_at", "verified_by"])
        ProfileChange.objects.create(
            profile=profile,
            changed_by=by,
            changes=[{"field": "verified", "old": "", "new": shanghai_today().isoformat()}],
        )
    return profile
