import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """An Open311 API key (Open311 接口密钥) of an integrator (对接单位), issued by the park's
    operators in the back office.

    A key reads `o311_<prefix>_<secret>`. The prefix finds the row; the secret is kept only as
    an HMAC keyed with SECRET_KEY and is shown once, when the key is issued. A key lives in its
    park's schema, so it means nothing on another park.
    """

    name = models.CharField(_("name"), max_length=60)
    # The integrator the key belongs to: its keys see the requests filed with any of them, so a
    # key can be replaced without losing the requests filed with the old one.
    organisation = models.CharField(_("organisation"), max_length=120)
    prefix = models.CharField(_("prefix"), max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Submission(models.Model):
    """An appeal filed through Open311 (Open311 报送): which key filed it, and what the
    integrator sent that an appeal has no field for (location, e-mail, media link)."""

    appeal = models.OneToOneField(
        "appeals.Appeal", on_delete=models.CASCADE, related_name="open311_submission"
    )
    api_key = models.ForeignKey(ApiKey, on_delete=models.PROTECT, related_name="submissions")
    # Copied from the key: the organisation's keys see its requests.
    organisation = models.CharField(max_length=120, db_index=True)
    # Also the appeal's submission key; answers GET tokens/<token>.
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    address = models.CharField(max_length=250, blank=True)
    address_id = models.CharField(max_length=60, blank=True)
    lat = models.FloatField(null=True, blank=True)
    long = models.FloatField(null=True, blank=True)
    email = models.EmailField(blank=True)
    device_id = models.CharField(max_length=100, blank=True)
    media_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Open311 submission")
        verbose_name_plural = _("Open311 submissions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(self.token)
