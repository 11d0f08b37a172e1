"""A liaison's cases (工单) on the hub (mounted under /api/v1/)."""

from django.urls import path

from ..views import cases

urlpatterns: list = [
    path("cases/", cases.CaseListView.as_view(), name="hub-cases"),
    path("cases/<int:pk>/", cases.CaseDetailView.as_view(), name="hub-case"),
    path("cases/<int:pk>/files/<int:file_pk>/", cases.CaseFileView.as_view(), name="hub-case-file"),
    path("cases/<int:pk>/sign/", cases.CaseSignView.as_view(), name="hub-case-sign"),
    path("cases/<int:pk>/answer/", cases.CaseAnswerView.as_view(), name="hub-case-answer"),
    path(
        "cases/<int:pk>/request-info/",
        cases.CaseRequestInfoView.as_view(),
        name="hub-case-request-info",
    ),
    path("cases/<int:pk>/transfer/", cases.CaseTransferView.as_view(), name="hub-case-transfer"),
    path("cases/<int:pk>/return/", cases.CaseReturnView.as_view(), name="hub-case-return"),
    path("cases/<int:pk>/extension/", cases.CaseExtensionView.as_view(), name="hub-case-extension"),
    path("departments/", cases.DepartmentListView.as_view(), name="hub-departments"),
]
