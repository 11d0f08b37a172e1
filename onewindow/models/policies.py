"""District-level policies (区级政策), published once at the hub for every park, and the parks'
proactive-service figures the district dashboard reads.

A district admin writes a policy here; publishing raises its `version`. Each park copies the
published version into its own policy library (proactive.services.district), keyed by `key`,
so a park holds one copy however often the sync runs, and keeps its own interpretation.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictPolicy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    version = models.PositiveIntegerField(_("version"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    title = models.CharField(_("title"), max_length=255)
    issuing_authority = models.CharField(_("issuing authority"), max_length=120)
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    publish_date = models.DateField(_("publish date"))
    effective_date = models.DateField(_("effective date"))
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=250)
    interpretation = models.TextField(_("interpretation"), blank=True)
    # Eligibility, in the vocabulary every park shares: GB/T 4754 codes, size classes,
    # qualification names (each park finds or adds its own row of the same name).
    industry_codes = ArrayField(
        models.CharField(max_length=4), default=list, blank=True, verbose_name=_("industries")
    )
    enterprise_sizes = ArrayField(
        models.CharField(max_length=10), default=list, blank=True, verbose_name=_("sizes")
    )
    min_years_since_founding = models.PositiveSmallIntegerField(
        _("at least years since founding"), null=True, blank=True
    )
    max_years_since_founding = models.PositiveSmallIntegerField(
        _("at most years since founding"), null=True, blank=True
    )
    qualification_names = ArrayField(
        models.CharField(max_length=60),
        default=list,
        blank=True,
        verbose_name=_("required qualifications"),
    )
    qualification_rule = models.CharField(_("qualifications needed"), max_length=3, default="all")
    application_opens = models.DateField(_("applications open"), null=True, blank=True)
    application_closes = models.DateField(_("applications close"), null=True, blank=True)
    no_application_needed = models.BooleanField(
        _("granted without application (免申即享)"), default=False
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The fields as they were published (proactive.services.district): what the parks copy,
    # so a change saved but not yet published reaches no park, not even a new one.
    published = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    # The version that withdrew it: a park copy unpublished by that version goes live again
    # when the policy is published again (one the park unpublished itself stays unpublished).
    withdrawn_version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("district policy")
        verbose_name_plural = _("district policies")
        ordering = ["-publish_date", "-id"]

    def __str__(self) -> str:
        return self.title


class ParkProactiveFigures(models.Model):
    """One park's proactive-service figures, as its last count wrote them (the district
    dashboard reads these rows instead of visiting every park's schema)."""

    park = models.OneToOneField(
        "tenants.Park", on_delete=models.CASCADE, related_name="+", verbose_name=_("park")
    )
    profiles = models.PositiveIntegerField(default=0)
    matches = models.PositiveIntegerField(default=0)
    enterprises_matched = models.PositiveIntegerField(default=0)
    outreach_done = models.PositiveIntegerField(default=0)
    applied = models.PositiveIntegerField(default=0)
    granted = models.PositiveIntegerField(default=0)
    visits = models.PositiveIntegerField(default=0)
    visits_due = models.PositiveIntegerField(default=0)
    visited = models.PositiveIntegerField(default=0)
    visit_appeals = models.PositiveIntegerField(default=0)
    counted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("park proactive-service figures")
        verbose_name_plural = _("park proactive-service figures")

    def __str__(self) -> str:
        return str(self.park)
