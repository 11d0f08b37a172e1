from django.contrib.auth.models import UserManager as DjangoUserManager


class UserManager(DjangoUserManager):
    def with_role(self, role: str):
        return self.filter(role=role, is_active=True)
