"""pytest-django."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = False
DEBUG = False
RATELIMIT_ENABLE = False
ALLOWED_HOSTS = [".localhost", "localhost", "testserver", "127.0.0.1"]
WHITENOISE_USE_FINDERS = True
PRIVATE_MEDIA_ROOT = str(BASE_DIR / ".data" / "test-private")  # noqa: F405
# Dashboards computed afresh on every request: tests change the facts between two requests.
ANALYTICS_CACHE_SECONDS = 0
