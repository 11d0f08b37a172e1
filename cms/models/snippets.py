from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


# The ignore: mypy cannot build the `services` manager of ServicePage.provider, as ServicePage
# is a Wagtail Page and Wagtail has no type information.
@register_snippet
class ServiceProvider(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    """A service provider (服务机构): a law firm, a bank, an incubator, a department office."""

    name = models.CharField(_("name"), max_length=120)
    contact_person = models.CharField(_("contact person"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("contact_person"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("address"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("service provider")
        verbose_name_plural = _("service providers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@register_snippet
class Industry(models.Model):
    """An industry a policy is meant for (适用行业): a section or division of the national
    classification (GB/T 4754, `code` set, loaded by migration from `cms/industries.py`'s data),
    or a cluster such as 人工智能 that covers several of them (`codes`). An enterprise's profile
    names a division; matching asks whether a policy's industries cover it."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    code = models.CharField(
        _("GB/T 4754 code"), max_length=4, unique=True, null=True, blank=True, editable=False
    )
    codes = ArrayField(
        models.CharField(max_length=4),
        default=list,
        verbose_name=_("GB/T 4754 codes covered"),
        help_text=_(
            "Sections (a letter, e.g. I) or divisions (two digits, e.g. 65) of the national "
            "industry classification, separated by commas."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("codes")]

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["code", "name"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name

    def clean(self) -> None:
        from cms.industries import unknown_codes  # noqa: PLC0415 - loads the data file

        unknown = unknown_codes(self.codes)
        if unknown:
            raise ValidationError(
                {"codes": _("Not a GB/T 4754 code: %(codes)s") % {"codes": ", ".join(unknown)}},
                code="unknown_code",
            )
        if not self.codes:
            raise ValidationError(
                {"codes": _("Give the GB/T 4754 codes this industry covers.")}, code="required"
            )


@register_snippet
class Qualification(models.Model):
    """A qualification a policy requires (资质), e.g. 高新技术企业, 专精特新."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
