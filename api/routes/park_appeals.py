"""The enterprise's appeals (诉求) on a park host: categories, filing, following, the actions
the enterprise takes (mounted under /api/v1/)."""

from django.urls import path

from ..views import appeals as views

TN = "<str:tracking_number>"

urlpatterns: list = [
    path("appeal-categories/", views.AppealCategoryListView.as_view(), name="appeal-categories"),
    path("appeals/", views.AppealListView.as_view(), name="appeals"),
    path(f"appeals/{TN}/", views.AppealDetailView.as_view(), name="appeal-detail"),
    path(
        f"appeals/{TN}/attachments/<str:pk>/",
        views.AppealAttachmentView.as_view(),
        name="appeal-attachment",
    ),
    path(f"appeals/{TN}/rate/", views.AppealRateView.as_view(), name="appeal-rate"),
    path(f"appeals/{TN}/resubmit/", views.AppealResubmitView.as_view(), name="appeal-resubmit"),
    path(f"appeals/{TN}/reply/", views.AppealReplyView.as_view(), name="appeal-reply"),
]
