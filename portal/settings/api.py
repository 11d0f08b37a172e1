"""The JSON API (/api/v1/, the `api` app) and Open311 (/open311/v2/, the `open311` app).

DRF serves both the JSON API and Wagtail's API v2 (/api/v2/). Callers are known by the session
or by a personal token (`Authorization: Bearer pp_…`); never by HTTP Basic, which would be an
unthrottled way to try passwords. A bad token counts as a failed login (accounts/throttle.py).
"""

from django.utils.translation import gettext_lazy as _

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First: its WWW-Authenticate makes an anonymous call a 401, not a 403.
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.UserThrottle", "api.throttling.TokenThrottle"],
    # Per account (or address, anonymous) and per token, across web nodes (the shared cache).
    "DEFAULT_THROTTLE_RATES": {  # nosec B105 - rates, not passwords ("token" is a scope name)
        "user": "600/min",
        "token": "300/min",
        "open311": "120/min",
    },
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": _("ParkPortal API"),
    "DESCRIPTION": _(
        "The JSON API of the park service platform, for WeChat H5 pages, mini-programs and "
        "other systems. Authenticate with a personal token: `Authorization: Bearer pp_…`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Its deploy check builds a schema of the park URLconf, Wagtail's own API views included, and
    # warns about those; our two schemas are checked warning-free in tests/api/test_schema.py.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI and ReDoc from drf-spectacular-sidecar's static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge: Swagger UI would fetch it from validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {
        "persistAuthorization": False,
        "displayRequestDuration": True,
        "validatorUrl": None,
    },
    # Several models have a `status`: each enum gets a readable name, not a hash.
    "ENUM_NAME_OVERRIDES": {
        "AppealStatusEnum": "appeals.models.Appeal.Status",
        "AppealActorEnum": "appeals.models.AppealEvent.Actor",
        "AttachmentSourceEnum": "appeals.models.AppealAttachment.Source",
        "PolicyStatusEnum": "cms.models.policies.PolicyStatus",
        "ServiceDayStatusEnum": "servicedays.models.ServiceDay.Status",
        "BookingStatusEnum": "servicedays.choices.BookingStatus",
    },
}
