"""URLs of a park site (its own schema, e.g. dayun.localhost:8000)."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from cms.views import search, theme_css
from portal.views import healthz, switch_language

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("theme.css", theme_css, name="theme_css"),
    path("accounts/", include("accounts.urls")),
    path("", include("enterprises.urls")),
    path("", include("appeals.urls")),
    path("", include("servicedays.urls")),
    path("office/analytics/", include("analytics.urls_park")),
    path("notifications/", include("notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lang/<str:code>/", switch_language, name="switch_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("search/", search, name="search"),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(wagtail_urls)),
]

if settings.DEBUG:
    # In production the web server in front serves /media/, except documents: those go through
    # Wagtail's serve view, which checks collection privacy.
    urlpatterns = [
        re_path(
            r"^media/(?P<path>(?!.*/documents/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]
