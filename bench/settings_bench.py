"""portal.settings.dev plus the bench ping views and a bypassable tenant middleware."""

from portal.settings.dev import *  # noqa: F403
from portal.settings.dev import MIDDLEWARE as _PORTAL_MIDDLEWARE

ROOT_URLCONF = "bench.urls_tenant"
PUBLIC_SCHEMA_URLCONF = "bench.urls_public"

_TENANT_MIDDLEWARE = "tenants.middleware.ParkTenantMiddleware"
if _PORTAL_MIDDLEWARE[0] != _TENANT_MIDDLEWARE:
    raise RuntimeError(f"bench expects {_TENANT_MIDDLEWARE} first in MIDDLEWARE")

MIDDLEWARE = [
    "bench.middleware.BareShortCircuitMiddleware",
    "bench.middleware.BypassableParkTenantMiddleware",
    *_PORTAL_MIDDLEWARE[1:],
]
