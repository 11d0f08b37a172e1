"""The OpenAPI schemas of the park and the hub build with no warning or error from
drf-spectacular and validate against the OpenAPI 3 specification."""

import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from api import urls as api_urls


@pytest.mark.parametrize("site", ["park", "hub"])
def test_schema_builds_clean_and_valid(site):
    endpoints, _namespace = getattr(api_urls, site)
    GENERATOR_STATS.reset()
    generator = SchemaGenerator(patterns=[path("api/v1/", include(endpoints))])
    schema = generator.get_schema(request=None, public=True)
    validate_schema(schema)
    assert dict(GENERATOR_STATS._warn_cache) == {}
    assert dict(GENERATOR_STATS._error_cache) == {}
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
