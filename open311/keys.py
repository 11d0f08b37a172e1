"""Open311 API keys (Open311 接口密钥): issue, revoke, and check a presented key.

Keys are issued by park operators in the back office (`open311.admin_views`) and presented by
integrators as the `api_key` parameter. As with personal tokens (accounts/tokens.py), only a
keyed hash of the secret is stored and compared in constant time, and a presented key that does
not check out counts as a failed login of the client (accounts/throttle.py): guessing keys is
throttled exactly like guessing passwords. A key that checks out spends its own budget
(`KEY_RATE`, django-ratelimit in the shared cache).
"""

import datetime
import hashlib
import hmac
import re
import secrets
from typing import cast

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from accounts import throttle
from accounts.models import Role, User
from accounts.permissions import has_role
from core.tasks import schema_current

from .models import ApiKey

KEY_MARKER = "o311"
KEY_GROUP = "open311.key"
# The budget of one key, the scope named "open311" of the API's throttle rates.
RATE_SCOPE = "open311"
_PREFIX = re.compile(r"^[0-9a-f]{8}$")


class KeyRefused(Exception):
    """The presented key does not check out (`reason`: "missing", "invalid", "throttled",
    "rate_limited")."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _digest(secret: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"open311-key:{secret}".encode(), hashlib.sha256
    ).hexdigest()


def _operator_required(user: User) -> None:
    if not has_role(user, {Role.PARK_OPERATOR}):
        raise PermissionDenied


def api_key_issue(*, by: User, name: str, organisation: str) -> tuple[ApiKey, str]:
    """A new key for an integrator, issued by a park operator. Returns the row and the key
    text, which is shown once and never stored."""
    _operator_required(by)
    name, organisation = name.strip(), organisation.strip()
    if not name:
        raise ValidationError(_("Give the key a name."), code="name_required")
    if not organisation:
        raise ValidationError(
            _("Say which organisation the key is for."), code="organisation_required"
        )
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        name=name[:60],
        organisation=organisation[:120],
        prefix=prefix,
        digest=_digest(secret),
        created_by=by,
    )
    return key, f"{KEY_MARKER}_{prefix}_{secret}"


def api_key_revoke(*, by: User, pk: int) -> ApiKey:
    """Revoke a key at once (a revoked key stays listed, with when it was revoked)."""
    _operator_required(by)
    with transaction.atomic():
        key = ApiKey.objects.select_for_update().get(pk=pk)
        if key.revoked_at is None:
            key.revoked_at = timezone.now()
            key.save(update_fields=["revoked_at"])
    return key


def api_keys_for(user: User):
    """Every key of the park, for its operators; none for anyone else."""
    if not has_role(user, {Role.PARK_OPERATOR}):
        return ApiKey.objects.none()
    return ApiKey.objects.select_related("created_by")


def _parse(raw: str) -> tuple[str, str] | None:
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_MARKER or not _PREFIX.match(parts[1]) or not parts[2]:
        return None
    return parts[1], parts[2]


def _key_rate() -> str:
    rates = cast(dict[str, dict[str, str]], settings.REST_FRAMEWORK)["DEFAULT_THROTTLE_RATES"]
    return rates[RATE_SCOPE]


def api_key_authenticate(request: HttpRequest, raw: str) -> ApiKey:
    """The active key presented, or KeyRefused. A wrong key counts as one failed login of the
    client; a right one spends one call of its own budget."""
    raw = raw.strip()
    if not raw:
        raise KeyRefused("missing", _("No api_key was given."))
    parsed = _parse(raw)
    account = f"open311-key:{parsed[0] if parsed else '?'}"
    seconds = throttle.login_lockout_seconds(request, account)
    if seconds:
        raise KeyRefused("throttled", throttle.lockout_error(seconds).messages[0])
    key = _key_checked(parsed)
    if key is None:
        throttle.login_failure_record(request, account)
        raise KeyRefused("invalid", _("The api_key is not valid or has been revoked."))
    _spend(request, key)
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > datetime.timedelta(minutes=5):
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key


def _key_checked(parsed: tuple[str, str] | None) -> ApiKey | None:
    if parsed is None:
        return None
    prefix, secret = parsed
    key = ApiKey.objects.filter(prefix=prefix, revoked_at__isnull=True).first()
    if key is None or not hmac.compare_digest(key.digest, _digest(secret)):
        return None
    return key


def _spend(request: HttpRequest, key: ApiKey) -> None:
    def by_key(_group: str, _request: HttpRequest) -> str:
        # Prefixes are unique in a park: the schema makes them unique in the shared cache.
        return f"{schema_current()}:{key.prefix}"

    usage = get_usage(request, group=KEY_GROUP, key=by_key, rate=_key_rate(), increment=True)
    if usage is not None and usage["should_limit"]:
        raise KeyRefused("rate_limited", _("Too many requests with this api_key. Slow down."))
