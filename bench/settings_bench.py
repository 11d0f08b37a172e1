"""portal.settings.dev plus the bench ping views and a bypassable tenant middleware."""

from portal.settings.dev import *  # noqa: F403
from portal.settings.dev import MIDDLEWARE as _PORTAL_MIDDLEWARE

ROOT_URLCONF = "bench.urls_tenant"
PUBLIC_SCHEMA_URLCONF = "bench.urls_public"

_TENANT_MIDDLEWARE = "tenants.middleware.ParkTenantMiddleware"
if _TENANT_MIDDLEWARE not in _PORTAL_MIDDLEWARE:
    raise RuntimeError(f"bench expects {_TENANT_MIDDLEWARE} in MIDDLEWARE")

# The bare short-circuit first (the raw baseline); the tenant middleware swapped in place.
MIDDLEWARE = [
    "bench.middleware.BareShortCircuitMiddleware",
    *(
        "bench.middleware.BypassableParkTenantMiddleware" if path == _TENANT_MIDDLEWARE else path
        for path in _PORTAL_MIDDLEWARE
    ),
]

# The API's rate limits are on (as in production) but set far above what one bench client sends,
# so the figures measure the checks, not refusals.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "user": "1000000/min",
        "token": "1000000/min",
        "open311": "1000000/min",
    },
}
