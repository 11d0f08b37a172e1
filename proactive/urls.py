"""Park URLs of proactive service: the enterprise's profile and policies, the office's outreach
and visits."""

from django.urls import include, path

urlpatterns = [
    path("", include("proactive.urls_enterprise")),
    path("office/", include("proactive.urls_office")),
]
