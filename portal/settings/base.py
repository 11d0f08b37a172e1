"""Settings shared by every environment. Environment is read through `env` only."""

from django.utils.translation import gettext_lazy as _

from . import env

BASE_DIR = env.BASE_DIR

SECRET_KEY = env.get_str("SECRET_KEY", "dev-only-not-secret-parkportal-key-change-me")
DEBUG = env.get_bool("DEBUG", False)
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", [".localhost", "localhost", "127.0.0.1"])

from .api import *  # noqa: E402, F403
from .apps import *  # noqa: E402, F403
from .auth import *  # noqa: E402, F403
from .security import *  # noqa: E402, F403
from .services import *  # noqa: E402, F403
from .tenancy import *  # noqa: E402, F403
from .wagtail import *  # noqa: E402, F403

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get_str("MEDIA_ROOT", str(BASE_DIR / "media"))
# Appeal attachments: outside MEDIA_ROOT, served only by permission-checked views.
PRIVATE_MEDIA_ROOT = env.get_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private"))
# Behind nginx (deploy/nginx/parkportal.conf): the views that decide who may read a file answer
# with X-Accel-Redirect to these internal locations and nginx sends the file. Empty: Django
# sends it (development, tests).
MEDIA_ACCEL_REDIRECT = env.get_str("MEDIA_ACCEL_REDIRECT", "")
PRIVATE_ACCEL_REDIRECT = env.get_str("PRIVATE_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "ParkPortal <noreply@parkportal.localhost>")

# Outside channels for notifications (notifications/channels.py); SMS and WeChat log only.
NOTIFICATION_CHANNELS = env.get_list(
    "NOTIFICATION_CHANNELS",
    [
        "notifications.channels.EmailChannel",
        "notifications.channels.LogSmsChannel",
        "notifications.channels.LogWeChatChannel",
    ],
)
# An answer not rated within this many days is closed unrated.
APPEAL_RATING_DAYS = env.get_int("APPEAL_RATING_DAYS", 7)
# Outbox messages older than this are re-sent by the beat sweep.
OUTBOX_RESEND_AFTER_SECONDS = env.get_int("OUTBOX_RESEND_AFTER_SECONDS", 30)

# Shown in printed URLs and demo links; parks live on <slug>.<PARK_DOMAIN_SUFFIX>.
HUB_DOMAIN = env.get_str("HUB_DOMAIN", "localhost")
PARK_DOMAIN_SUFFIX = env.get_str("PARK_DOMAIN_SUFFIX", "localhost")
PUBLIC_PORT = env.get_int("PUBLIC_PORT", 8000)
# Links sent outside a request (notices by mail, SMS, WeChat; calendar feeds) start with
# PUBLIC_SCHEME://<the park's or hub's host>[:PUBLIC_PORT]; production serves only https.
PUBLIC_SCHEME = env.get_str("PUBLIC_SCHEME", "http")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# How long a built dashboard is reused (seconds); the page says when it was computed.
ANALYTICS_CACHE_SECONDS = 300
