from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import DocumentBlock, QuestionBlock, StepBlock

from .restrictions import SharedViewRestrictionsMixin
from .searchable import SEGMENTED_SEARCH_FIELDS, SegmentedSearchMixin


class GuideIndexPage(SharedViewRestrictionsMixin, Page):
    """The park's service guides (办事指南)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.ParkHomePage"]
    subpage_types = ["cms.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("service guides")


class GuidePage(SharedViewRestrictionsMixin, SegmentedSearchMixin, Page):
    """A service guide or FAQ (办事指南): steps, materials, common questions."""

    summary: models.CharField[str, str] = models.CharField(_("summary"), max_length=250)
    where: models.CharField[str, str] = models.CharField(
        _("where to go"), max_length=200, blank=True
    )
    time_limit: models.CharField[str, str] = models.CharField(
        _("time limit"), max_length=100, blank=True
    )
    fees: models.CharField[str, str] = models.CharField(_("fees"), max_length=100, blank=True)
    materials = RichTextField(_("materials to bring"), blank=True)
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("steps"))
    questions = StreamField(
        [("question", QuestionBlock())], blank=True, verbose_name=_("common questions")
    )
    attachments = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("forms and documents")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("where"),
        FieldPanel("time_limit"),
        FieldPanel("fees"),
        FieldPanel("materials"),
        FieldPanel("steps"),
        FieldPanel("questions"),
        FieldPanel("attachments"),
    ]
    search_text_fields = ("summary", "materials", "steps", "questions")
    search_fields = [*Page.search_fields, *SEGMENTED_SEARCH_FIELDS]
    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("service guide")
