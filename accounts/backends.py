"""The authentication backend: Django's, behind the login throttle (accounts/throttle.py)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .throttle import login_failure_record, login_lockout_seconds


class ThrottledModelBackend(ModelBackend):
    """Checks a password only when neither the account nor the client is locked out, and
    counts every failure. Whatever calls authenticate() is throttled by the same budget."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        if login_lockout_seconds(request, username):
            # authenticate() stops at PermissionDenied and answers None: no hash is computed.
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            login_failure_record(request, username)
        return user
