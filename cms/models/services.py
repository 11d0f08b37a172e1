from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BODY_BLOCKS

from .restrictions import SharedViewRestrictionsMixin
from .searchable import SEGMENTED_SEARCH_FIELDS, SegmentedSearchMixin

if TYPE_CHECKING:
    from .snippets import ServiceProvider


class ServiceCategory(models.TextChoices):
    POLICY = "policy", _("Policy consultation")
    LEGAL = "legal", _("Legal services")
    TAX = "tax", _("Finance and tax")
    BANKING = "banking", _("Banking and finance")
    INCUBATION = "incubation", _("Incubation")
    TALENT = "talent", _("Talent services")
    IP = "ip", _("Intellectual property")
    OTHER = "other", _("Other")


class ServiceIndexPage(SharedViewRestrictionsMixin, Page):
    """The park's service directory (园区服务)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.ParkHomePage"]
    subpage_types = ["cms.ServicePage"]
    max_count = 1

    # The page cache stores the directory under these query parameters and no others.
    cache_query_params = ("category",)

    class Meta:
        verbose_name = _("service directory")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import service_list  # noqa: PLC0415 - it imports this module

        context = super().get_context(request, *args, **kwargs)
        context["category"] = request.GET.get("category", "")
        context["categories"] = ServiceCategory.choices
        context["services"] = service_list(parent=self, category=context["category"])
        return context


class ServicePage(SharedViewRestrictionsMixin, SegmentedSearchMixin, Page):
    """One service the park offers (园区服务事项), with who provides it and how to get it."""

    category: models.CharField[str, str] = models.CharField(
        _("category"), max_length=20, choices=ServiceCategory.choices, default=ServiceCategory.OTHER
    )
    summary: models.CharField[str, str] = models.CharField(_("summary"), max_length=250)
    provider: models.ForeignKey[ServiceProvider | None, ServiceProvider | None] = models.ForeignKey(
        "cms.ServiceProvider",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("provider"),
    )
    audience: models.CharField[str, str] = models.CharField(
        _("who it is for"), max_length=250, blank=True
    )
    how_to_get = RichTextField(_("how to get it"), blank=True)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("details"))
    related_policies = StreamField(
        [("policy", blocks.PageChooserBlock(page_type="cms.PolicyPage"))],
        blank=True,
        verbose_name=_("related policies"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("provider"),
        FieldPanel("audience"),
        FieldPanel("how_to_get"),
        FieldPanel("body"),
        FieldPanel("related_policies"),
    ]
    search_text_fields = ("summary", "audience", "how_to_get", "body")
    search_fields = [
        *Page.search_fields,
        *SEGMENTED_SEARCH_FIELDS,
        index.FilterField("category"),
    ]
    parent_page_types = ["cms.ServiceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("service")
