from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from tenants.models import colour_validator

if TYPE_CHECKING:
    from wagtail.images.models import Image


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"


@register_setting(icon="cog")
class ParkSettings(BaseSiteSetting):
    """The park's own site settings (园区站点设置): logo, colour, contact, footer."""

    logo: models.ForeignKey[Image | None, Image | None] = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    theme_colour: models.CharField[str, str] = models.CharField(
        _("theme colour"),
        max_length=7,
        blank=True,
        validators=[colour_validator],
        help_text=_("Leave empty to use the colour the district set for the park."),
    )
    address: models.CharField[str, str] = models.CharField(_("address"), max_length=200, blank=True)
    phone: models.CharField[str, str] = models.CharField(
        _("service phone"), max_length=40, blank=True
    )
    email: models.EmailField[str, str] = models.EmailField(_("service email"), blank=True)
    service_hours: models.CharField[str, str] = models.CharField(
        _("service hours"), max_length=120, blank=True
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())], blank=True, verbose_name=_("footer links")
    )

    panels = [
        FieldPanel("logo"),
        FieldPanel("theme_colour"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("service_hours"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("park site settings")
