"""URLs of a park site (its own schema, e.g. dayun.localhost:8000)."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import urls as api_urls
from cms.api import api_router
from cms.views import search, theme_css
from portal.views import healthz, park_media, switch_language

urlpatterns = [
    # The host's own park's files: sent by nginx after the view's X-Accel-Redirect in production,
    # by Django with DEBUG. Documents are excluded: Wagtail's serve view checks their privacy.
    re_path(
        r"^media/(?P<schema_name>[^/]+)/(?P<path>(?!(?:.*/)?documents/).*)$",
        park_media,
        name="park_media",
    ),
    path("healthz", healthz, name="healthz"),
    path("theme.css", theme_css, name="theme_css"),
    path("accounts/", include("accounts.urls")),
    path("", include("enterprises.urls")),
    path("", include("appeals.urls")),
    path("", include("servicedays.urls")),
    path("", include("proactive.urls")),
    path("office/analytics/", include("analytics.urls_park")),
    path("notifications/", include("notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lang/<str:code>/", switch_language, name="switch_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", include(api_urls.park)),
    path("open311/v2/", include("open311.urls")),
    path("api/v2/", api_router.urls),
    path("search/", search, name="search"),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(wagtail_urls)),
]
