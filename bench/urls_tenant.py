from django.urls import path

from portal.urls_tenant import urlpatterns as portal_urlpatterns

from .views import ping

urlpatterns = [
    path("bench/ping", ping),
    path("bench/raw-ping", ping),
    *portal_urlpatterns,
]
