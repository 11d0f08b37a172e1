from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import HOME_BLOCKS

from .restrictions import SharedViewRestrictionsMixin
from .searchable import SEGMENTED_SEARCH_FIELDS, SegmentedSearchMixin

if TYPE_CHECKING:
    from wagtail.images.models import Image


class ParkHomePage(SharedViewRestrictionsMixin, SegmentedSearchMixin, Page):
    """The park's home page (园区首页): its name, featured focus and entry points."""

    featured_focus: models.CharField[str, str] = models.CharField(
        _("featured focus"), max_length=200, blank=True
    )
    intro = RichTextField(_("introduction"), blank=True)
    hero_image: models.ForeignKey[Image | None, Image | None] = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(HOME_BLOCKS, blank=True, verbose_name=_("home page sections"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("featured_focus"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_text_fields = ("featured_focus", "intro")
    search_fields = [*Page.search_fields, *SEGMENTED_SEARCH_FIELDS]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("park home page")
