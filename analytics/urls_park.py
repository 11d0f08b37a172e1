from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("", views.park, name="park"),
    path("cases/", views.cases, name="cases"),
]
