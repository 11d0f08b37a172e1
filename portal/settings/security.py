"""The request pipeline and what guards it: body size, headers (CSP), page cache, health detail."""

from . import env

MIDDLEWARE = [
    # First: nothing may read a body over the limit (CSRF parses every POST).
    "portal.middleware.RequestSizeLimitMiddleware",
    "tenants.middleware.ParkTenantMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside CSPMiddleware: it adds to the policy of Wagtail's admin before the header is written.
    "portal.middleware.AdminStylesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.ChineseFirstLocaleMiddleware",
    # Before the page cache: a suspended park must not keep serving cached pages.
    "tenants.middleware.ParkSuspendedMiddleware",
    # Outside every middleware that sets a cookie (session, CSRF, messages): it sees the
    # response as the visitor gets it and stores it only when it sets no cookie at all.
    "cms.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.middleware.MalformedFormMiddleware",
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

# Anonymous page cache (cms.cache): at most this many pages stored per park and time window;
# past it, pages are rendered and not stored until the window ends or content changes.
PAGE_CACHE_MAX_ENTRIES = env.get_int("PAGE_CACHE_MAX_ENTRIES", 2000)

# Content-Security-Policy (django-csp 4): only what this server serves, no inline script or
# style anywhere (templates keep styles in static files, data in <script type="application/json">).
# data: and blob: images: Wagtail's image previews and ECharts' "save as image"; data: fonts:
# Wagtail's admin icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Wagtail's page editor injects <style> elements from its own scripts (their content varies, so
# hashes cannot list them): on /admin/ only, inline styles are allowed; scripts stay 'self' there
# too (portal.middleware.AdminStylesMiddleware).
ADMIN_STYLE_SOURCES = ["'unsafe-inline'"]
# Wagtail's admin would load staff avatars from gravatar.com: an outside request carrying a hash
# of the staff member's e-mail (and one the policy above refuses).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SECURE_REFERRER_POLICY = "same-origin"
# Browser features no page of the portal uses (portal.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()"
)

# /healthz gives its detail (database, broker, worker, beat) to district admins and park staff,
# or to a caller sending this token in X-Health-Token (monitoring, `make run`'s CI check);
# anonymous callers get the overall status only. Empty: no token is accepted.
HEALTHZ_TOKEN = env.get_str("HEALTHZ_TOKEN", "")
# The worker ping is a broadcast to every worker: its answer is reused for this many seconds.
HEALTHZ_WORKER_PING_CACHE_S = 5

# Uploads over 2.5 MB are streamed to a temporary file named with a short ending: Django's own
# handler names it with the upload's ending, and an overlong one was refused by the OS (a 500).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "core.attachments.ShortEndingTemporaryFileUploadHandler",
]
