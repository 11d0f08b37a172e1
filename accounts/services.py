"""Accounts and the default groups of a park."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from .models import Role, User

# Group names are stored in Chinese: park operators see them in Wagtail admin.
GROUP_FOR_ROLE: dict[str, str] = {
    Role.WINDOW_STAFF: "窗口工作人员",
    Role.PARK_OPERATOR: "园区运营",
    Role.CONTENT_MANAGER: "内容管理员",
    Role.DISTRICT_ADMIN: "区政务服务管理员",
}
STAFF_ROLES = {Role.PARK_OPERATOR, Role.CONTENT_MANAGER, Role.DISTRICT_ADMIN}

_WAGTAIL_GROUP_FOR_ROLE: dict[str, str] = {
    Role.PARK_OPERATOR: "Editors",
    Role.CONTENT_MANAGER: "Moderators",
}


# What park operators and content managers curate besides pages: providers and eligibility
# vocabularies.
_CONTENT_MODEL_PERMISSIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("cms", "serviceprovider"): ("add", "change", "delete"),
    ("cms", "industry"): ("add", "change", "delete"),
    ("cms", "qualification"): ("add", "change", "delete"),
}
# The park's site settings (logo, colour, contact, footer) go live at once, with no moderation
# step: content managers only (cms migration 0003 took them from existing operators' groups).
_MODEL_PERMISSIONS_FOR_ROLE: dict[str, dict[tuple[str, str], tuple[str, ...]]] = {
    Role.PARK_OPERATOR: _CONTENT_MODEL_PERMISSIONS,
    Role.CONTENT_MANAGER: {**_CONTENT_MODEL_PERMISSIONS, ("cms", "parksettings"): ("change",)},
}


def park_groups_ensure() -> None:
    """Create the park's default groups (in the current park schema), with Wagtail rights.

    Operators get what Wagtail's "Editors" have, content managers what "Moderators" have —
    pages, images and documents (collections) — and both may edit snippets; only content
    managers change the site settings.
    """
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for role, name in GROUP_FOR_ROLE.items():
        if role == Role.DISTRICT_ADMIN:
            continue  # a hub group (onewindow.services.district_admin_group_ensure)
        group, _created = Group.objects.get_or_create(name=name)
        wagtail_group = Group.objects.filter(name=_WAGTAIL_GROUP_FOR_ROLE.get(role, "")).first()
        if wagtail_group is None:
            continue
        model_permissions = _model_permissions(_MODEL_PERMISSIONS_FOR_ROLE.get(role, {}))
        group.permissions.add(admin_access, *wagtail_group.permissions.all(), *model_permissions)
        _copy_object_permissions(source=wagtail_group, target=group)


def _model_permissions(
    actions_by_model: dict[tuple[str, str], tuple[str, ...]],
) -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
        for (app, model), actions in actions_by_model.items()
        for action in actions
    ]


def _copy_object_permissions(*, source: Group, target: Group) -> None:

    for perm in GroupPagePermission.objects.filter(group=source):
        GroupPagePermission.objects.get_or_create(
            group=target, page=perm.page, permission=perm.permission
        )
    for perm in GroupCollectionPermission.objects.filter(group=source):
        GroupCollectionPermission.objects.get_or_create(
            group=target, collection=perm.collection, permission=perm.permission
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
