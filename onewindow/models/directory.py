from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
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
        # DO_NOTHING: see onewindow.models.cases (a park account with the same id must never
        # take a hub liaison with it).
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        related_name="liaison",
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


class AppealCategory(models.Model):
    """A kind of appeal (诉求类别) with its default department and its two clocks."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    default_department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="default_categories",
        verbose_name=_("default department"),
    )
    window_deadline_days = models.PositiveSmallIntegerField(
        _("window deadline (working days)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    department_deadline_days = models.PositiveSmallIntegerField(
        _("department deadline (working days)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("appeal category")
        verbose_name_plural = _("appeal categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """Sends a category's appeals (from one park, or from all) to a department (派单规则)."""

    category = models.ForeignKey(
        AppealCategory, on_delete=models.CASCADE, related_name="rules", verbose_name=_("category")
    )
    park = models.ForeignKey(
        "tenants.Park",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="routing_rules",
        verbose_name=_("park"),
        help_text=_("Leave empty for every park."),
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="rules", verbose_name=_("department")
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "park"], name="one_rule_per_category_and_park"
            ),
            models.UniqueConstraint(
                fields=["category"],
                condition=models.Q(park__isnull=True),
                name="one_district_wide_rule_per_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} → {self.department}"
