"""District policies on the district hub (public host), /district-policies/."""

from django.urls import path

from . import views_hub

app_name = "proactive_hub"

urlpatterns = [
    path("", views_hub.policy_list, name="list"),
    path("new/", views_hub.policy_new, name="create"),
    path("<int:pk>/edit/", views_hub.policy_edit, name="edit"),
    path("<int:pk>/publish/", views_hub.policy_publish, name="publish"),
    path("<int:pk>/withdraw/", views_hub.policy_withdraw, name="withdraw"),
]
