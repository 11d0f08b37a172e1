"""The dashboards' figures and drill-down lists on the hub (mounted under /api/v1/)."""

from django.urls import path

from ..views import analytics

urlpatterns: list = [
    path(
        "analytics/district/",
        analytics.DistrictDashboardView.as_view(),
        name="hub-analytics-district",
    ),
    path(
        "analytics/department/",
        analytics.DepartmentDashboardView.as_view(),
        name="hub-analytics-department",
    ),
    path("analytics/cases/", analytics.DrilldownView.as_view(), name="hub-analytics-cases"),
]
