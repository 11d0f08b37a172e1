from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.blocks import DocumentBlock, KeyPointBlock
from cms.querysets import PolicyPageQuerySet

from .restrictions import SharedViewRestrictionsMixin
from .searchable import SEGMENTED_SEARCH_FIELDS, SegmentedSearchMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class PolicyLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    MUNICIPAL = "municipal", _("Municipal")
    DISTRICT = "district", _("District")
    PARK = "park", _("Park")


class PolicyStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    NOT_YET_EFFECTIVE = "not_yet_effective", _("Not yet effective")


class EnterpriseSize(models.TextChoices):
    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")


class QualificationRule(models.TextChoices):
    ALL = "all", _("All of the qualifications")
    ANY = "any", _("Any one of the qualifications")


class ChoiceArrayField(ArrayField):
    """An array of choices, edited as checkboxes."""

    def formfield(
        self,
        form_class: type[forms.Field] | None = None,
        choices_form_class: type[forms.ChoiceField] | None = None,
        **kwargs: Any,
    ) -> forms.Field:
        # Always checkboxes, whatever form field the caller asks for.
        return forms.TypedMultipleChoiceField(
            # The base field of a choice array always has choices.
            choices=cast(Sequence[tuple[Any, Any]], self.base_field.choices),
            coerce=self.base_field.to_python,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai_today() -> datetime.date:
    """Today in Asia/Shanghai, whatever time zone an editor's admin session activated."""
    return timezone.localdate(timezone=SHANGHAI)


class PolicyIndexPage(SharedViewRestrictionsMixin, Page):
    """The park's policy library (政策库)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.ParkHomePage"]
    subpage_types = ["cms.PolicyPage"]
    max_count = 1

    # The query parameters the page depends on: the page cache stores it under these and no
    # others (a free-text `q` is searched afresh each time, as /search/ is).
    cache_query_params = ("level", "topic", "in_force", "open", "page")

    class Meta:
        verbose_name = _("policy library")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import policy_library  # noqa: PLC0415 - it imports this module

        context = super().get_context(request, *args, **kwargs)
        context.update(policy_library(index=self, params=request.GET))
        return context


class PolicyPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.PolicyPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PolicyPage(SharedViewRestrictionsMixin, SegmentedSearchMixin, Page):
    """A policy (政策) with its interpretation (解读) and who it applies to."""

    issuing_authority: models.CharField[str, str] = models.CharField(
        _("issuing authority"), max_length=120
    )
    document_number: models.CharField[str, str] = models.CharField(
        _("document number"), max_length=80, blank=True
    )
    level: models.CharField[str, str] = models.CharField(
        _("level"), max_length=12, choices=PolicyLevel.choices
    )
    publish_date: models.DateField[datetime.date, datetime.date] = models.DateField(
        _("publish date")
    )
    effective_date: models.DateField[datetime.date, datetime.date] = models.DateField(
        _("effective date")
    )
    expiry_date: models.DateField[datetime.date | None, datetime.date | None] = models.DateField(
        _("expiry date"), null=True, blank=True, help_text=_("Last day the policy is in force.")
    )
    summary: models.CharField[str, str] = models.CharField(_("summary"), max_length=250)
    interpretation = RichTextField(_("interpretation"), blank=True)
    key_points = StreamField([("point", KeyPointBlock())], blank=True, verbose_name=_("key points"))
    industries = ParentalManyToManyField("cms.Industry", blank=True, verbose_name=_("industries"))
    enterprise_sizes = ChoiceArrayField(
        models.CharField(max_length=10, choices=EnterpriseSize.choices),
        default=list,
        blank=True,
        verbose_name=_("enterprise sizes"),
    )
    min_years_since_founding: models.PositiveSmallIntegerField[int | None, int | None] = (
        models.PositiveSmallIntegerField(_("at least years since founding"), null=True, blank=True)
    )
    max_years_since_founding: models.PositiveSmallIntegerField[int | None, int | None] = (
        models.PositiveSmallIntegerField(_("at most years since founding"), null=True, blank=True)
    )
    qualifications = ParentalManyToManyField(
        "cms.Qualification", blank=True, verbose_name=_("required qualifications")
    )
    qualification_rule: models.CharField[str, str] = models.CharField(
        _("qualifications needed"),
        max_length=3,
        choices=QualificationRule.choices,
        default=QualificationRule.ALL,
    )
    no_application_needed: models.BooleanField[bool, bool] = models.BooleanField(
        _("granted without application (免申即享)"),
        default=False,
        help_text=_(
            "Qualifying enterprises receive the benefit without applying: the park exports the "
            "list of qualifying enterprises for the department."
        ),
    )
    park_interpretation = RichTextField(
        _("park interpretation"),
        blank=True,
        help_text=_(
            "The park's own reading of a district policy: kept when the district updates it."
        ),
    )
    district_key: models.UUIDField[uuid.UUID | None, uuid.UUID | None] = models.UUIDField(
        _("district policy"), null=True, blank=True, unique=True, editable=False
    )
    district_version: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(
        default=0, editable=False
    )
    application_opens: models.DateField[datetime.date | None, datetime.date | None] = (
        models.DateField(_("applications open"), null=True, blank=True)
    )
    application_closes: models.DateField[datetime.date | None, datetime.date | None] = (
        models.DateField(_("applications close"), null=True, blank=True)
    )
    attachments = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("attached documents")
    )
    tags = ClusterTaggableManager(through=PolicyPageTag, blank=True, verbose_name=_("topics"))

    objects = PageManager.from_queryset(PolicyPageQuerySet)()
    # A copy made in the admin is the park's own policy, not a second copy of a district one.
    exclude_fields_in_copy = ["district_key", "district_version"]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("issuing_authority"),
                FieldPanel("document_number"),
                FieldPanel("level"),
                FieldRowPanel(
                    [
                        FieldPanel("publish_date"),
                        FieldPanel("effective_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
            ],
            heading=_("Document"),
        ),
        FieldPanel("summary"),
        FieldPanel("interpretation"),
        FieldPanel("key_points"),
        MultiFieldPanel(
            [
                FieldPanel("industries"),
                FieldPanel("enterprise_sizes"),
                FieldRowPanel(
                    [FieldPanel("min_years_since_founding"), FieldPanel("max_years_since_founding")]
                ),
                FieldPanel("qualifications"),
                FieldPanel("qualification_rule"),
            ],
            heading=_("Eligibility"),
        ),
        FieldRowPanel([FieldPanel("application_opens"), FieldPanel("application_closes")]),
        FieldPanel("no_application_needed"),
        FieldPanel("park_interpretation"),
        FieldPanel("attachments"),
        FieldPanel("tags"),
    ]
    search_text_fields = ("summary", "issuing_authority", "document_number", "interpretation")
    search_fields = [
        *Page.search_fields,
        *SEGMENTED_SEARCH_FIELDS,
        index.FilterField("level"),
        index.FilterField("effective_date"),
        index.FilterField("expiry_date"),
    ]
    parent_page_types = ["cms.PolicyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def clean(self):
        super().clean()
        errors = {}
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = _("The expiry date cannot be before the effective date.")
        opens, closes = self.application_opens, self.application_closes
        if opens and closes and closes < opens:
            errors["application_closes"] = _("Applications cannot close before they open.")
        if closes and not opens:
            errors["application_opens"] = _("Give the date applications open.")
        if errors:
            raise ValidationError(errors)

    def status_on(self, day: datetime.date) -> str:
        """In force from the effective date up to and including the expiry date."""
        if day < self.effective_date:
            return PolicyStatus.NOT_YET_EFFECTIVE
        if self.expiry_date is not None and day > self.expiry_date:
            return PolicyStatus.EXPIRED
        return PolicyStatus.IN_FORCE

    @property
    def status(self) -> str:
        return self.status_on(shanghai_today())

    def get_status_display(self) -> StrOrPromise:
        return PolicyStatus(self.status).label

    def application_open_on(self, day: datetime.date) -> bool:
        if self.application_opens is None or day < self.application_opens:
            return False
        return self.application_closes is None or day <= self.application_closes

    @property
    def application_open(self) -> bool:
        return self.application_open_on(shanghai_today())
