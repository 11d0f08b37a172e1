"""Rate limits of the JSON API: per user (whatever the credential) and per token.

Counted in the shared cache with the schema in the key, so a park's user 7 and the hub's user 7
are two budgets, and the budget does not reset by hopping between web nodes."""

from django.conf import settings
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from core.ratelimit import account_or_ip


class _SharedCacheThrottle(SimpleRateThrottle):
    """Off where every other rate limit is off (RATELIMIT_ENABLE, as in the tests)."""

    def allow_request(self, request, view):
        if not getattr(settings, "RATELIMIT_ENABLE", True):
            return True
        return super().allow_request(request, view)

    def __init__(self):
        from django.core.cache import caches  # noqa: PLC0415 - settings are read at call time

        self.cache = caches["shared"]
        super().__init__()

    def get_rate(self):
        # Read at call time (DRF copies the rates at import), so a changed setting applies.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class UserThrottle(_SharedCacheThrottle):
    """Signed-in callers by account; anonymous ones by address."""

    scope = "user"

    def get_cache_key(self, request, view):
        # The same identity as every other limit: `<schema>:<pk>`, or the address from
        # RATELIMIT_IP_META_KEY (X-Real-IP behind the proxy), never DRF's X-Forwarded-For.
        return self.cache_format % {"scope": self.scope, "ident": account_or_ip("", request)}


class TokenThrottle(_SharedCacheThrottle):
    """Each token on its own: a leaked token spends its own budget, not its owner's sessions'."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, str):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth}
