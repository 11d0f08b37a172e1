"""The JSON API's URLs: /api/v1/ on park hosts (`park`) and on the hub (`hub`), each with its own
OpenAPI 3 schema (/api/v1/schema/) and docs (/api/v1/docs/, Swagger UI) listing only the
endpoints of that host."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .routes import hub_analytics, hub_cases, park_appeals, park_content, park_servicedays
from .views.meta import MeView, not_found

# Swagger UI, from drf-spectacular-sidecar's static files; its script sets inline styles, so this
# page alone allows them (scripts stay 'self': the split view serves its set-up as a file).
# Not ReDoc: drf-spectacular's ReDoc page loads fonts from Google.
_docs_view = csp_update({"style-src": ["'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema")
)


def _with_docs(endpoints: list) -> list:
    patterns = [path("api/v1/", include(endpoints))]
    return [
        *endpoints,
        path("schema/", SpectacularAPIView.as_view(patterns=patterns), name="schema"),
        path("docs/", _docs_view, name="docs"),
        # Last: whatever else is asked under /api/v1/ answers the API's JSON 404.
        re_path(r"^", not_found, name="not_found"),
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
