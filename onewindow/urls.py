from django.urls import path

from . import views

app_name = "onewindow"

urlpatterns = [
    path("cases/", views.case_list, name="case_list"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/sign/", views.case_sign, name="case_sign"),
    path("cases/<int:pk>/answer/", views.case_answer, name="case_answer"),
    path("cases/<int:pk>/request-info/", views.case_request_info, name="case_request_info"),
    path("cases/<int:pk>/transfer/", views.case_transfer, name="case_transfer"),
    path("cases/<int:pk>/return/", views.case_return, name="case_return"),
    path("cases/<int:pk>/extension/", views.case_extension, name="case_extension"),
    path("cases/<int:pk>/files/<int:file_pk>/", views.case_file, name="case_file"),
    path("arbitration/", views.arbitration, name="arbitration"),
    path("arbitration/cases/<int:pk>/redispatch/", views.redispatch, name="redispatch"),
    path(
        "arbitration/extensions/<int:pk>/decide/", views.extension_decide, name="extension_decide"
    ),
]
