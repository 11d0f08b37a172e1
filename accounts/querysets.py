from typing import TYPE_CHECKING

from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db.models import QuerySet

if TYPE_CHECKING:
    from .models import User


class UserManager(DjangoUserManager["User"]):
    def with_role(self, role: str) -> "QuerySet[User]":
        return self.filter(role=role, is_active=True)
