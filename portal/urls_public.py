"""URLs of the district hub (public schema, e.g. localhost:8000)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from api import urls as api_urls
from onewindow.views import hub_home
from portal.views import healthz, switch_language


def _hub_admin_shared_models_only() -> None:
    """The Django admin is served on the hub alone, in the public schema: the models of park-only
    apps (enterprises, Wagtail's images, documents, tags …) have no table there, and their admin
    pages loaded an object before checking any permission (a 500)."""
    for model in list(admin.site._registry):
        if model._meta.app_config.name not in settings.SHARED_APPS:
            admin.site.unregister(model)


_hub_admin_shared_models_only()

urlpatterns = [
    path("", hub_home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include(api_urls.hub)),
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lang/<str:code>/", switch_language, name="switch_language"),
    path("", include("onewindow.urls")),
    path("notifications/", include("notifications.urls")),
    path("service-days/", include("servicedays.urls_hub")),
    path("analytics/", include("analytics.urls_hub")),
    path("district-policies/", include("proactive.urls_hub")),
    path("django-admin/", admin.site.urls),
]
