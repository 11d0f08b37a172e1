from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .querysets import UserManager


class Role(models.TextChoices):
    """Who a person is on the platform. Park roles live in park schemas, hub roles in public."""

    ENTERPRISE = "enterprise", _("Enterprise user")
    WINDOW_STAFF = "window_staff", _("Park window staff")
    PARK_OPERATOR = "park_operator", _("Park operator")
    CONTENT_MANAGER = "content_manager", _("Park content manager")
    LIAISON = "liaison", _("Department liaison")
    DISTRICT_ADMIN = "district_admin", _("District administrator")


PARK_ROLES = {Role.ENTERPRISE, Role.WINDOW_STAFF, Role.PARK_OPERATOR, Role.CONTENT_MANAGER}
HUB_ROLES = {Role.LIAISON, Role.DISTRICT_ADMIN}


class User(AbstractUser):
    """An account (账号). Each schema has its own: a park account is unknown on the hub."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ENTERPRISE)
    full_name = models.CharField(_("full name"), max_length=60, blank=True)
    mobile = models.CharField(_("mobile number"), max_length=20, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def is_window_staff(self) -> bool:
        return self.role == Role.WINDOW_STAFF

    @property
    def is_enterprise(self) -> bool:
        return self.role == Role.ENTERPRISE

    @property
    def is_park_operator(self) -> bool:
        return self.role == Role.PARK_OPERATOR

    @property
    def is_liaison(self) -> bool:
        return self.role == Role.LIAISON

    @property
    def is_district_admin(self) -> bool:
        return self.role == Role.DISTRICT_ADMIN


class ApiToken(models.Model):
    """A personal API token (个人接口令牌): `Authorization: Bearer <token>` on the JSON API.

    Not Wagtail's `APIToken`: that one lives in park schemas only and never expires; ours is
    issued on the hub too, with an expiry.

    Stored as a keyed hash of its secret, shown once when issued. It lives in the schema it was
    issued in, so a park's token means nothing on another park or on the hub.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="personal_api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=60)
    # The public part of the token, to find the row; the secret is only in `digest`.
    prefix = models.CharField(_("prefix"), max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    # The owner's session auth hash when issued (Django's, derived from the password hash): a
    # changed or reset password ends every token, as it ends every other session.
    password_stamp = models.CharField(max_length=128, default="", editable=False)
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def status(self) -> "ApiToken.Status":
        """Revoked wins over expired: a revoked token stays revoked whatever its date. A token
        issued before the owner's password last changed is revoked by that change."""
        if self.revoked_at is not None or self.password_stamp != self.user.get_session_auth_hash():
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.ACTIVE
