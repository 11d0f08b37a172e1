from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("office/enterprises/", views.pending_list, name="pending"),
    path("office/enterprises/<int:pk>/verify/", views.verify, name="verify"),
]
