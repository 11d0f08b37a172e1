from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("", views.district, name="district"),
    path("department/", views.department, name="department"),
    path("cases/", views.cases, name="cases"),
    path("report/", views.report, name="report"),
]
