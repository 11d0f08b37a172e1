"""The one place where "who may open this view" is decided for role-based pages."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def has_role(user, roles) -> bool:
    """The one rule behind every role check, of the pages and of the JSON API alike."""
    return bool(user.is_authenticated and user.is_active and user.role in roles)


def role_required(*roles: str):
    """Logged-in users with one of `roles`; others get the login page or 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
