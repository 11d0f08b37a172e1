"""django-tenants' PostgreSQL backend, with the content types cached per schema.

django-tenants empties Django's ContentType cache on every `set_tenant`, i.e. on every request,
because content type ids can differ between schemas (the hub's and a park's). Every request then
reloads the content types it needs (Wagtail's `.specific`, `.type()`, permissions). Here the
cache is kept per (database alias, schema) instead, so ids are never shared across schemas and a
schema's stay cached across requests.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django_tenants.postgresql_backend import base


class SchemaContentTypeCache(dict):
    """ContentTypeManager's cache (a dict keyed by database alias), keyed by the alias and the
    schema its connection has selected, in the calling thread (connections are per thread)."""

    @staticmethod
    def _key(using: str) -> tuple[str, str | None]:
        return using, getattr(connections[using], "schema_name", None)

    def __getitem__(self, using):
        return super().__getitem__(self._key(using))

    def __contains__(self, using):
        return super().__contains__(self._key(using))

    def get(self, using, default=None):
        return super().get(self._key(using), default)

    def setdefault(self, using, default=None):
        return super().setdefault(self._key(using), default)


def _install() -> None:
    manager = ContentType.objects
    if not isinstance(manager._cache, SchemaContentTypeCache):  # type: ignore[attr-defined]
        manager._cache = SchemaContentTypeCache()  # type: ignore[attr-defined]


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        _install()
        super().__init__(*args, **kwargs)

    def set_tenant(self, tenant, include_public=True):
        """django-tenants' set_tenant without its `ContentType.objects.clear_cache()`: the
        cache is per schema (see SchemaContentTypeCache), so switching schemas needs none."""
        self.tenant = tenant
        self.schema_name = tenant.schema_name
        self.include_public_schema = include_public
        self.set_settings_schema(self.schema_name)
        if base.EXTRA_SET_TENANT_METHOD:
            base.EXTRA_SET_TENANT_METHOD(self, tenant)
        self.search_path_set_schemas = None
