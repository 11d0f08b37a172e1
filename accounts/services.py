"""Accounts and the default groups of a park."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Role, User

# Group names are stored in Chinese: park operators see them in Wagtail admin.
GROUP_FOR_ROLE = {
    Role.WINDOW_STAFF: "窗口工作人员",
    Role.PARK_OPERATOR: "园区运营",
    Role.CONTENT_MANAGER: "内容管理员",
}
STAFF_ROLES = {Role.PARK_OPERATOR, Role.CONTENT_MANAGER, Role.DISTRICT_ADMIN}

_WAGTAIL_GROUP_FOR_ROLE = {Role.PARK_OPERATOR: "Editors", Role.CONTENT_MANAGER: "Moderators"}


def park_groups_ensure() -> None:
    """Create the park's default groups (in the current park schema), with Wagtail rights."""
    from wagtail.models import GroupPagePermission, Page

    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root = Page.objects.filter(depth=1).first()
    for role, name in GROUP_FOR_ROLE.items():
        group, _created = Group.objects.get_or_create(name=name)
        wagtail_group = Group.objects.filter(name=_WAGTAIL_GROUP_FOR_ROLE.get(role, "")).first()
        if wagtail_group is None:
            continue
        group.permissions.add(admin_access, *wagtail_group.permissions.all())
        for perm in GroupPagePermission.objects.filter(group=wagtail_group):
            GroupPagePermission.objects.get_or_create(
                group=group, page=perm.page or root, permission=perm.permission
            )


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    role: str,
    full_name: str = "",
    mobile: str = "",
    email: str = "",
) -> User:
    """Create an account with its role's group and staff flag."""
    user = User(
        username=username,
        role=role,
        full_name=full_name,
        mobile=mobile,
        email=email,
        is_staff=role in STAFF_ROLES,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    group_name = GROUP_FOR_ROLE.get(role)
    if group_name:
        group, _created = Group.objects.get_or_create(name=group_name)
        user.groups.add(group)
    return user


ROLE_HELP = {
    Role.ENTERPRISE: _("Submit appeals, follow their progress and book service days."),
    Role.WINDOW_STAFF: _("Accept appeals and verify enterprises at the park window."),
    Role.PARK_OPERATOR: _("Curate the park's pages in Wagtail."),
    Role.CONTENT_MANAGER: _("Approve and publish the park's pages."),
    Role.LIAISON: _("Answer the appeals routed to your department."),
    Role.DISTRICT_ADMIN: _("Manage departments, routing and deadlines for the district."),
}
