"""District hub: departments and their liaisons."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from accounts.models import Role
from accounts.services import GROUP_FOR_ROLE, user_create

from ..models import Department, Liaison


def department_ensure(*, name: str, short_name: str, contact_phone: str = "") -> Department:
    department, _created = Department.objects.update_or_create(
        name=name, defaults={"short_name": short_name, "contact_phone": contact_phone}
    )
    return department


@transaction.atomic
def liaison_create(
    *, username: str, password: str, department: Department, full_name: str = "", email: str = ""
) -> Liaison:
    user = user_create(
        username=username, password=password, role=Role.LIAISON, full_name=full_name, email=email
    )
    return Liaison.objects.create(user=user, department=department)


def district_admin_group_ensure() -> None:
    """District admins manage the hub's departments, categories, routing and calendar."""
    group, _created = Group.objects.get_or_create(name=GROUP_FOR_ROLE[Role.DISTRICT_ADMIN])
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="onewindow"),
        *Permission.objects.filter(content_type__app_label="tenants", codename__startswith="view_"),
    )
