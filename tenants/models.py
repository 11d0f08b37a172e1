from __future__ import annotations

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from .querysets import ParkQuerySet

slug_validator = RegexValidator(
    r"^[a-z][a-z0-9]{1,29}$",
    _("Use 2–30 lowercase letters or digits, starting with a letter."),
)
short_code_validator = RegexValidator(r"^[A-Z]{2,6}$", _("Use 2–6 capital letters, e.g. TAYG."))
colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #0b5fa5."))


class Park(TenantMixin):
    """An industrial park (园区): one tenant with its own schema. The public row is the hub."""

    slug: models.SlugField[str, str] = models.SlugField(
        _("slug"), max_length=30, unique=True, validators=[slug_validator]
    )
    name: models.CharField[str, str] = models.CharField(_("Chinese name"), max_length=100)
    name_en: models.CharField[str, str] = models.CharField(
        _("English name"), max_length=150, blank=True
    )
    short_code: models.CharField[str, str] = models.CharField(
        _("short code"),
        max_length=6,
        unique=True,
        validators=[short_code_validator],
        help_text=_("Used in appeal tracking numbers."),
    )
    featured_focus: models.CharField[str, str] = models.CharField(
        _("featured focus"),
        max_length=200,
        blank=True,
        help_text=_("One line: what this park's platform is known for (一园一策)."),
    )
    theme_colour: models.CharField[str, str] = models.CharField(
        _("theme colour"), max_length=7, default="#0b5fa5", validators=[colour_validator]
    )
    is_active: models.BooleanField[bool, bool] = models.BooleanField(_("active"), default=True)
    created_at: models.DateTimeField[datetime.datetime, datetime.datetime] = models.DateTimeField(
        _("created at"), auto_now_add=True
    )

    # Provisioning goes through tenants.services, which creates the schema itself.
    auto_create_schema = False
    auto_drop_schema = False

    objects = ParkQuerySet.as_manager()

    class Meta:
        verbose_name = _("park")
        verbose_name_plural = _("parks")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_hub(self) -> bool:
        return self.schema_name == "public"


class Domain(DomainMixin):
    """A host name that reaches a park (or, for the public row, the hub)."""

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return self.domain
