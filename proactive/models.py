"""Proactive precise service (主动精准服务) in a park: the enterprise profile (一企一档), policy
matches, outreach by the park's staff and regular visits (走访)."""

from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Annual revenue (营业收入) and total assets (资产总额) are asked as bands, in 万元. The band
# edges are exactly the thresholds of 工信部联企业〔2011〕300号, so a band decides every rule.
REVENUE_BANDS = (
    0, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 6000, 10000, 20000, 30000, 40000, 80000,
    100000, 200000,
)  # fmt: skip
ASSETS_BANDS = (0, 100, 300, 2000, 5000, 8000, 10000, 80000, 120000)


def _band_label(low: int, high: int | None) -> str:
    if high is None:
        return gettext("%(low)s 万元 or more") % {"low": f"{low:,}"}
    if low == 0:
        return gettext("under %(high)s 万元") % {"high": f"{high:,}"}
    return gettext("%(low)s to under %(high)s 万元") % {"low": f"{low:,}", "high": f"{high:,}"}


# Formatted when shown, in the reader's language (not once, at import).
band_label = lazy(_band_label, str)


def band_choices(edges: tuple[int, ...]) -> list[tuple[int, Any]]:
    return [
        (low, band_label(low, high)) for low, high in zip(edges, (*edges[1:], None), strict=True)
    ]


class SizeClass(models.TextChoices):
    # The same values as cms.models.EnterpriseSize, which policies name.
    LARGE = "large", _("Large")
    MEDIUM = "medium", _("Medium")
    SMALL = "small", _("Small")
    MICRO = "micro", _("Micro")


class EnterpriseProfile(models.Model):
    """An enterprise's profile (一企一档): kept by the enterprise, verified by the park window.
    The size class is derived (proactive.sizing), never typed."""

    enterprise = models.OneToOneField(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="profile"
    )
    industry = models.ForeignKey(
        "cms.Industry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry (GB/T 4754 division)"),
    )
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    headcount = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    revenue_band = models.PositiveIntegerField(
        _("annual revenue"), choices=band_choices(REVENUE_BANDS), null=True, blank=True
    )
    assets_band = models.PositiveIntegerField(
        _("total assets"), choices=band_choices(ASSETS_BANDS), null=True, blank=True
    )
    tags = ArrayField(
        models.CharField(max_length=20), default=list, blank=True, verbose_name=_("tags")
    )
    size_class = models.CharField(
        _("size class"), max_length=10, choices=SizeClass.choices, blank=True
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("enterprise profile")
        verbose_name_plural = _("enterprise profiles")

    def __str__(self) -> str:
        return str(self.enterprise)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class ProfileQualification(models.Model):
    """A qualification the enterprise holds (国家高新技术企业 …), with its certificate. Valid
    through `expires_on` (有效期至); from the next day it no longer matches."""

    profile = models.ForeignKey(
        EnterpriseProfile, on_delete=models.CASCADE, related_name="qualifications"
    )
    qualification = models.ForeignKey(
        "cms.Qualification",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("qualification"),
    )
    certificate_number = models.CharField(_("certificate number"), max_length=60)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("qualification held")
        verbose_name_plural = _("qualifications held")
        ordering = ["qualification__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "qualification"],
                name="profile_qualification_once",
                violation_error_code="duplicate",
            )
        ]

    def __str__(self) -> str:
        return f"{self.qualification} {self.certificate_number}"


class ProfileChange(models.Model):
    """One saved change of a profile: who, when, and each field's value before and after."""

    profile = models.ForeignKey(EnterpriseProfile, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    # [{"field": name, "old": shown value, "new": shown value}]
    changes = models.JSONField(default=list)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.profile} {self.changed_at:%Y-%m-%d %H:%M}"


class Verdict(models.TextChoices):
    MATCH = "match", _("Qualifies")
    NEAR = "near", _("Near miss")


class PolicyMatch(models.Model):
    """A policy an enterprise qualifies for, or misses by one criterion (`missing`). Written
    by proactive.matching only; non-matches are not stored.

    Derived rows, written by the hundred thousand: no foreign-key constraint in the database
    (a deferred check per row made the commit of a park's refresh cost more than the matching);
    Django deletes them with their policy or enterprise (on_delete), and a refresh rewrites them."""

    policy = models.ForeignKey(
        "cms.PolicyPage",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    verdict = models.CharField(max_length=5, choices=Verdict.choices)
    missing = models.CharField(max_length=20, blank=True)
    since = models.DateTimeField()
    # When the enterprise was told of this match (the daily digest); null: not yet.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["policy", "enterprise"], name="policy_match_once")
        ]
        indexes = [
            models.Index(fields=["enterprise", "verdict"], name="match_by_enterprise"),
            models.Index(fields=["policy", "verdict"], name="match_by_policy"),
        ]

    def __str__(self) -> str:
        return f"{self.policy_id} {self.enterprise_id} {self.verdict}"


class MatchDigest(models.Model):
    """The one digest of new matches an enterprise got on a day (at most one a day)."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField()
    policies = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "sent_on"], name="one_digest_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.sent_on}"


class OutreachOutcome(models.TextChoices):
    PENDING = "pending", _("Not contacted yet")
    CONTACTED = "contacted", _("Contacted")
    APPLIED = "applied", _("Applied")
    GRANTED = "granted", _("Granted")
    DECLINED = "declined", _("Declined")
    UNREACHABLE = "unreachable", _("Not reachable")


class Outreach(models.Model):
    """The park's outreach (主动对接) to one enterprise about one policy."""

    policy = models.ForeignKey("cms.PolicyPage", on_delete=models.CASCADE, related_name="+")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        choices=OutreachOutcome.choices,
        default=OutreachOutcome.PENDING,
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("outreach")
        verbose_name_plural = _("outreach")
        constraints = [
            models.UniqueConstraint(fields=["policy", "enterprise"], name="outreach_once")
        ]

    def __str__(self) -> str:
        return f"{self.policy_id} {self.enterprise_id} {self.outcome}"


class OutreachContact(models.Model):
    """One contact made (or tried) and its outcome: the outreach's history."""

    outreach = models.ForeignKey(Outreach, on_delete=models.CASCADE, related_name="contacts")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=12, choices=OutreachOutcome.choices)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.outreach_id} {self.outcome}"


class VisitPlan(models.Model):
    """The park's rule for regular visits: every verified enterprise at least once per period.
    One row per park (pk 1)."""

    class Period(models.IntegerChoices):
        MONTH = 1, _("Every month")
        QUARTER = 3, _("Every quarter")
        HALF_YEAR = 6, _("Every half year")
        YEAR = 12, _("Every year")

    period_months = models.PositiveSmallIntegerField(
        _("visit every"), choices=Period.choices, default=Period.QUARTER
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("visit plan")

    def __str__(self) -> str:
        return str(self.get_period_months_display())


class Visit(models.Model):
    """A visit (走访) to an enterprise: who went, when, whom they met, what was said."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    visited_on = models.DateField(_("visit date"))
    visitor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("visited by"),
    )
    met_with = models.CharField(_("met with"), max_length=120)
    summary = models.TextField(_("summary"), max_length=4000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["visited_on"], name="visit_by_date")]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.visited_on}"


class VisitItem(models.Model):
    """Something the enterprise raised during a visit; filed into the window as an appeal in
    one action (linked both ways: `appeal`, and the appeal's `visit_item`)."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="items")
    text = models.TextField(_("what the enterprise raised"), max_length=2000)
    appeal = models.OneToOneField(
        "appeals.Appeal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visit_item",
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:40]
