from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
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
