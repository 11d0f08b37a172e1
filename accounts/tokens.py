"""Personal API tokens (个人接口令牌): issue, revoke, and authenticate a presented token.

A token reads `pp_<prefix>_<secret>`. The prefix finds the row; the secret is kept only as an
HMAC keyed with SECRET_KEY, compared in constant time. A presented token that does not
authenticate counts as a failed login of the client (accounts/throttle.py), so guessing tokens
is throttled exactly like guessing passwords: per token (its prefix, as the account) and per
client; while either is locked out no token is checked.
"""

import datetime
import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from . import throttle
from .models import ApiToken, User

TOKEN_PREFIX = "pp"  # noqa: S105  # nosec B105 - the marker every token starts with, not a secret
MAX_ACTIVE_TOKENS = 10
_PREFIX = re.compile(r"[0-9a-f]{8}")


def _digest(secret: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"api-token:{secret}".encode(), hashlib.sha256
    ).hexdigest()


def token_issue(*, user: User, name: str, days: int) -> tuple[ApiToken, str]:
    """A new token for `user`, valid `days` days. Returns the row and the token text, which is
    shown once and never stored."""
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the token a name."), code="name_required")
    if days not in settings.API_TOKEN_DAYS:
        raise ValidationError(_("Choose a validity from the list."), code="bad_expiry")
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        active = ApiToken.objects.filter(
            user=user,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            password_stamp=user.get_session_auth_hash(),
        ).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise ValidationError(
                _("You already have %(count)d active tokens. Revoke one first."),
                code="too_many_tokens",
                params={"count": MAX_ACTIVE_TOKENS},
            )
        prefix = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=prefix,
            digest=_digest(secret),
            password_stamp=user.get_session_auth_hash(),
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
    return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"


def token_revoke(*, user: User, pk: int) -> ApiToken:
    """Revoke one of `user`'s own tokens (another's: DoesNotExist, as if it were not there)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(user=user, pk=pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token


def tokens_for(user: User):
    return ApiToken.objects.filter(user=user).select_related("user")


def _parse(raw: str) -> tuple[str, str] | None:
    parts = raw.split("_", 2)
    if (
        len(parts) != 3
        or parts[0] != TOKEN_PREFIX
        or not _PREFIX.fullmatch(parts[1])
        or not parts[2]
    ):
        return None
    return parts[1], parts[2]


def token_authenticate(request: HttpRequest | None, raw: str) -> User | None:
    """The active user a presented token belongs to, or None (and one failure counted).

    Raises `ValidationError(code="throttled")` while the client is locked out."""
    parsed = _parse(raw.strip())
    account = f"api-token:{parsed[0] if parsed else '?'}"
    seconds = throttle.login_lockout_seconds(request, account)
    if seconds:
        raise throttle.lockout_error(seconds)
    token = None
    if parsed is not None:
        prefix, secret = parsed
        token = (
            ApiToken.objects.select_related("user")
            .filter(prefix=prefix, revoked_at__isnull=True, expires_at__gt=timezone.now())
            .first()
        )
        if token is not None and not hmac.compare_digest(token.digest, _digest(secret)):
            token = None
    if token is not None and not hmac.compare_digest(
        token.password_stamp, token.user.get_session_auth_hash()
    ):
        token = None  # issued before the password last changed
    if token is None or not token.user.is_active:
        throttle.login_failure_record(request, account)
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
