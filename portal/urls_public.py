"""URLs of the district hub (public schema, e.g. localhost:8000)."""

from django.contrib import admin
from django.urls import include, path

from onewindow.views import hub_home
from portal.views import healthz, switch_language

urlpatterns = [
    path("", hub_home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lang/<str:code>/", switch_language, name="switch_language"),
    path("", include("onewindow.urls")),
    path("notifications/", include("notifications.urls")),
    path("service-days/", include("servicedays.urls_hub")),
    path("analytics/", include("analytics.urls_hub")),
    path("django-admin/", admin.site.urls),
]
