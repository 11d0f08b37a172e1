"""The API asks the same questions as the pages (accounts.permissions.has_role); objects are
fetched through the same selectors, which answer 404 for another's."""

from rest_framework.permissions import BasePermission

from accounts.models import Role
from accounts.permissions import has_role


def roles(*allowed: str) -> type[BasePermission]:
    """A permission class admitting signed-in users with one of `allowed` roles."""

    class HasRole(BasePermission):
        def has_permission(self, request, view):
            return has_role(request.user, allowed)

    HasRole.__name__ = "HasRole_" + "_".join(allowed)
    return HasRole


IsEnterprise = roles(Role.ENTERPRISE)
IsLiaison = roles(Role.LIAISON)
IsDistrictAdmin = roles(Role.DISTRICT_ADMIN)
IsHubStaff = roles(Role.LIAISON, Role.DISTRICT_ADMIN)
