"""Routes of this part of the JSON API (mounted under /api/v1/): the park's content, the
caller's notifications and the public progress lookup."""

from django.urls import path

from ..views import content

urlpatterns: list = [
    path("park/", content.ParkView.as_view(), name="park"),
    path("policies/", content.PolicyListView.as_view(), name="policy_list"),
    path("policies/<int:pk>/", content.PolicyDetailView.as_view(), name="policy_detail"),
    path("services/", content.ServiceListView.as_view(), name="service_list"),
    path("services/<int:pk>/", content.ServiceDetailView.as_view(), name="service_detail"),
    path("news/", content.NewsListView.as_view(), name="news_list"),
    path("news/<int:pk>/", content.NewsDetailView.as_view(), name="news_detail"),
    path("notifications/", content.NotificationListView.as_view(), name="notification_list"),
    path(
        "notifications/read-all/",
        content.NotificationReadAllView.as_view(),
        name="notification_read_all",
    ),
    path(
        "notifications/<int:pk>/read/",
        content.NotificationReadView.as_view(),
        name="notification_read",
    ),
    path("progress/", content.ProgressView.as_view(), name="progress"),
]
