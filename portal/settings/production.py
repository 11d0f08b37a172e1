"""Production: every secret comes from the environment, missing ones stop start-up."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.get_str("SECRET_KEY")
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters.")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
DATABASES = databases(  # noqa: F405
    env.get_str("DATABASE_URL"), env.get_str("DATABASE_REPLICA_URL", "")
)
REDIS_URL = env.get_str("REDIS_URL")
CACHES = caches(REDIS_URL)  # noqa: F405
CELERY_BROKER_URL = env.get_str("CELERY_BROKER_URL", REDIS_URL)

PUBLIC_SCHEME = env.get_str("PUBLIC_SCHEME", "https")
PUBLIC_PORT = env.get_int("PUBLIC_PORT", 443)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [])
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Behind the TLS proxy every request comes from the proxy: rate limits key on the client
# address it passes on (the proxy must set X-Real-IP and drop any sent by the client).
RATELIMIT_IP_META_KEY = env.get_str("RATELIMIT_IP_META_KEY", "HTTP_X_REAL_IP")
