from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .querysets import EnterpriseQuerySet


class Enterprise(models.Model):
    """An enterprise (入驻企业) registered on a park site, verified by the park window."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enterprise"
    )
    name = models.CharField(_("company name"), max_length=120)
    uscc = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    contact_name = models.CharField(_("contact name"), max_length=60)
    mobile = models.CharField(_("mobile number"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    status_note = models.CharField(_("note"), max_length=200, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED
