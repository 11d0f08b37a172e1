"""The enterprise's profile and policies, and the window's list of profiles (under office/)."""

from django.urls import path

from .views import enterprise

app_name = "proactive"

urlpatterns = [
    path("profile/", enterprise.profile, name="profile"),
    path("profile/history/", enterprise.profile_history, name="profile_history"),
    path("policies/for-me/", enterprise.for_me, name="for_me"),
    path("office/profiles/", enterprise.office_profiles, name="office_profiles"),
    path("office/profiles/<int:enterprise_id>/", enterprise.office_profile, name="office_profile"),
]
