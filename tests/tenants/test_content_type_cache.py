"""Content types are cached per schema: a park and the hub number them differently, and each
keeps its own across requests (django-tenants would empty the cache on every switch)."""

from django.contrib.contenttypes.models import ContentType
from django_tenants.utils import schema_context

from enterprises.models import Enterprise
from onewindow.models import Department


def _row_id(model) -> int:
    meta = model._meta
    return ContentType.objects.filter(app_label=meta.app_label, model=meta.model_name).get().pk


def test_each_schema_gets_its_own_content_type_ids(park_a):
    with schema_context("public"):
        hub = ContentType.objects.get_for_model(Department)
        assert hub.pk == _row_id(Department)
    with schema_context(park_a.schema_name):
        park = ContentType.objects.get_for_model(Department)
        assert park.pk == _row_id(Department)
        assert ContentType.objects.get_for_id(park.pk).model == "department"
        assert ContentType.objects.get_for_model(Enterprise).pk == _row_id(Enterprise)
    assert hub.pk != park.pk  # the schemas do number them differently
    with schema_context("public"):
        assert ContentType.objects.get_for_model(Department).pk == hub.pk
        assert ContentType.objects.get_for_id(hub.pk).model == "department"


def test_switching_schemas_keeps_each_schemas_cached_content_types(
    park_a, park_b, django_assert_num_queries
):
    for schema in ("public", park_a.schema_name, park_b.schema_name):
        with schema_context(schema):
            ContentType.objects.get_for_model(Department)
    for schema in ("public", park_a.schema_name, park_b.schema_name, "public"):
        with schema_context(schema), django_assert_num_queries(0):
            ContentType.objects.get_for_model(Department)
