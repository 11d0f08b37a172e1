"""Login throttle (登录限制): failed passwords counted by account and by client.

Every place a password is presented asks here first and reports its failures here: our login
form, Wagtail's admin login, the hub's Django admin login (the forms in `accounts/forms.py`) and
whatever else calls `authenticate()` (`accounts.backends.ThrottledModelBackend`). The counters
are django-ratelimit's, in the cache named by `RATELIMIT_USE_CACHE` (the shared cache, keys
without the schema), so the parks and the hub spend one budget; `RATELIMIT_ENABLE` switches
them off like every other rate limit. Only failures are counted, and a lockout ends with the
counter's window (`LOGIN_FAILURES_PER_ACCOUNT`, `LOGIN_FAILURES_PER_CLIENT`).
"""

import math
import unicodedata
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpRequest
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

ACCOUNT_GROUP = "accounts.login.account"
CLIENT_GROUP = "accounts.login.client"
RESET_MAIL_GROUP = "accounts.reset_mail.account"


def account_key(username: str) -> str:
    """The account as presented: " Alice", "alice" and full-width digits count as one."""
    return unicodedata.normalize("NFKC", username).strip().lower()


def _usages(request: HttpRequest | None, username: str, *, increment: bool) -> list[dict]:
    def by_account(_group: str, _request: Any) -> str:
        return account_key(username)

    usages = [
        get_usage(
            # authenticate() called outside a request (a test client's login(), a shell)
            # still counts against the account.
            request or HttpRequest(),
            group=ACCOUNT_GROUP,
            key=by_account,
            rate=settings.LOGIN_FAILURES_PER_ACCOUNT,
            increment=increment,
        )
    ]
    if request is not None:
        usages.append(
            get_usage(
                request,
                group=CLIENT_GROUP,
                key="ip",
                rate=settings.LOGIN_FAILURES_PER_CLIENT,
                increment=increment,
            )
        )
    return [usage for usage in usages if usage is not None]


def login_lockout_seconds(request: HttpRequest | None, username: str) -> int:
    """Seconds until this account may present a password again from this client; 0: now."""
    waits = [
        # A cache that cannot count answers should_limit (closed, unless RATELIMIT_FAIL_OPEN).
        max(usage["time_left"], 1)
        for usage in _usages(request, username, increment=False)
        if usage["should_limit"] or usage["count"] >= usage["limit"]
    ]
    return max(waits, default=0)


def login_failure_record(request: HttpRequest | None, username: str) -> None:
    """Count one failed password for the account and for the client."""
    _usages(request, username, increment=True)


def lockout_error(seconds: int) -> ValidationError:
    """What the person locked out reads: how long to wait, in whole minutes."""
    minutes = max(1, math.ceil(seconds / 60))
    message = ngettext(
        "Too many failed attempts. Try again in %(minutes)d minute.",
        "Too many failed attempts. Try again in %(minutes)d minutes.",
        minutes,
    )
    return ValidationError(message, code="throttled", params={"minutes": minutes})


def password_reset_mail_claim(user: Any) -> bool:
    """True when a reset mail may go to this account now: one per account per interval
    (`PASSWORD_RESET_MAIL_INTERVAL` seconds), counted across every form that sends one."""

    def by_account(_group: str, _request: Any) -> str:
        # Accounts are per schema: the same pk in two parks is two accounts.
        return f"{connection.schema_name}:{user.pk}"  # type: ignore[attr-defined]

    usage = get_usage(
        HttpRequest(),  # counted by account only; get_usage wants a request all the same
        group=RESET_MAIL_GROUP,
        key=by_account,
        rate=(1, settings.PASSWORD_RESET_MAIL_INTERVAL),
        increment=True,
    )
    return usage is None or not usage["should_limit"]
