"""The request pipeline and what guards it: body size, headers (CSP), page cache, health detail."""

from . import env

MIDDLEWARE = [
    # First: nothing may read a body over the limit (CSRF parses every POST).
    "portal.middleware.RequestSizeLimitMiddleware",
    "tenants.middleware.ParkTenantMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.ChineseFirstLocaleMiddleware",
    # Before the page cache: a suspended park must not keep serving cached pages.
    "tenants.middleware.ParkSuspendedMiddleware",
    # Outside every middleware that sets a cookie (session, CSRF, messages): it sees the
    # response as the visitor gets it and stores it only when it sets no cookie at all.
    "cms.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.ParkRedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]
RATELIMIT_VIEW = "portal.views.ratelimited"
# Rate-limit counters in the cache that is shared by every schema (services.caches): one budget
# per client across the parks and the hub.
RATELIMIT_USE_CACHE = "shared"

# The largest request body accepted (bytes), checked before anything parses it: five
# attachments of 10 MB and the form around them. The proxy in front sets the same limit.
REQUEST_MAX_BYTES = env.get_int("REQUEST_MAX_BYTES", 52 * 1024 * 1024)
