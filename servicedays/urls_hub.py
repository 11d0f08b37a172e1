"""Service days on the district hub (public host)."""

from django.urls import path

from .views import hub

app_name = "servicedays_hub"

urlpatterns = [
    path("", hub.day_list, name="list"),
    path("new/", hub.day_new, name="create"),
    path("<int:pk>/", hub.day_detail, name="detail"),
    path("<int:pk>/bookings/<int:booking_id>/outcome/", hub.outcome, name="outcome"),
]
