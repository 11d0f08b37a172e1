"""The park's back office for proactive service: outreach lists and visits."""

from django.urls import path, re_path

from .views import outreach, visits

app_name = "proactive_office"

urlpatterns = [
    path("outreach/", outreach.policy_list, name="outreach_policies"),
    path("outreach/<int:policy_id>/", outreach.outreach_detail, name="outreach"),
    re_path(
        r"^outreach/(?P<policy_id>[0-9]+)/export\.(?P<fmt>csv|xlsx)$",
        outreach.export,
        name="outreach_export",
    ),
    path(
        "outreach/<int:policy_id>/<int:enterprise_id>/assign/",
        outreach.assign,
        name="outreach_assign",
    ),
    path(
        "outreach/<int:policy_id>/<int:enterprise_id>/contact/",
        outreach.contact,
        name="outreach_contact",
    ),
    path("visits/", visits.visit_overview, name="visits"),
    path("visits/plan/", visits.visit_plan, name="visit_plan"),
    path("visits/new/", visits.visit_new, name="visit_new"),
    path("visits/<int:pk>/", visits.visit_detail, name="visit"),
    path("visits/items/<int:pk>/appeal/", visits.visit_item_appeal, name="visit_item_appeal"),
]
