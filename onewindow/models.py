from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    """A district government department (区职能部门) that answers appeals."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    short_name = models.CharField(_("short name"), max_length=20, unique=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Liaison(models.Model):
    """A department liaison (部门联络员): a hub account bound to one department."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="liaison"
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="liaisons", verbose_name=_("department")
    )

    class Meta:
        verbose_name = _("liaison")
        verbose_name_plural = _("liaisons")

    def __str__(self) -> str:
        return f"{self.user} ({self.department.short_name})"


class CalendarOverride(models.Model):
    """A district decision about one day (工作日调整): a working day or a day off.

    Overrides win over the official calendar package, and are all there is for a year the
    package does not cover yet (then Monday–Friday is assumed for the other days).
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(_("working day"))
    note = models.CharField(_("note"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.note}".strip()
