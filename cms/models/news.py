from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BODY_BLOCKS

from .restrictions import SharedViewRestrictionsMixin
from .searchable import SEGMENTED_SEARCH_FIELDS, SegmentedSearchMixin

if TYPE_CHECKING:
    from wagtail.images.models import Image


class NewsIndexPage(SharedViewRestrictionsMixin, Page):
    """The park's news list (园区动态)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.ParkHomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1

    # The page cache stores the list under these query parameters and no others.
    cache_query_params = ("page",)

    class Meta:
        verbose_name = _("news list")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import news_list  # noqa: PLC0415 - cms.selectors imports this module

        context = super().get_context(request, *args, **kwargs)
        context["news"] = news_list(parent=self, page_number=request.GET.get("page"))
        return context


class NewsPage(SharedViewRestrictionsMixin, SegmentedSearchMixin, Page):
    """A news item (园区动态)."""

    date: models.DateField[datetime.date, datetime.date] = models.DateField(
        _("date"), default=timezone.localdate
    )
    summary: models.CharField[str, str] = models.CharField(_("summary"), max_length=250)
    image: models.ForeignKey[Image | None, Image | None] = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_text_fields = ("summary", "body")
    search_fields = [*Page.search_fields, *SEGMENTED_SEARCH_FIELDS, index.FilterField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
