"""django-tenants configuration: one schema per park, the public schema is the district hub."""

TENANT_MODEL = "tenants.Park"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_NAME = "public"
ROOT_URLCONF = "portal.urls_tenant"
PUBLIC_SCHEMA_URLCONF = "portal.urls_public"
# Reads go to the replica only inside core.replica's scope (dashboards, exports, public lists).
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter", "core.replica.ReplicaRouter"]

# New parks are cloned from this template schema; migrate_schemas keeps it migrated.
TENANT_BASE_SCHEMA = "park_template"
TENANT_CREATION_FAKES_MIGRATIONS = True
TENANT_LIMIT_SET_CALLS = True
# Seconds between checks of the shared "tenants changed" marker by each process.
TENANT_ROUTING_RECHECK_SECONDS = 2.0
