"""The JSON API's URLs: /api/v1/ on park hosts (`park`) and on the hub (`hub`), each with its own
OpenAPI 3 schema (/api/v1/schema/) and docs (/api/v1/docs/, /api/v1/redoc/) listing only the
endpoints of that host."""

from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from .routes import hub_analytics, hub_cases, park_appeals, park_content, park_servicedays
from .views.meta import MeView


def _with_docs(endpoints: list) -> list:
    patterns = [path("api/v1/", include(endpoints))]
    return [
        *endpoints,
        path("schema/", SpectacularAPIView.as_view(patterns=patterns), name="schema"),
        path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
        path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    ]


_common = [path("me/", MeView.as_view(), name="me")]

park = (
    _with_docs(
        [
            *_common,
            *park_content.urlpatterns,
            *park_appeals.urlpatterns,
            *park_servicedays.urlpatterns,
        ]
    ),
    "api",
)
hub = (_with_docs([*_common, *hub_cases.urlpatterns, *hub_analytics.urlpatterns]), "api")
