"""Which app lives in which schema (see DESIGN.md, "Tenancy")."""

# contenttypes, auth, sessions and admin are deliberately in BOTH lists: every schema keeps its
# own accounts and sessions, so a park-A cookie means nothing on park B.
_BOTH = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.admin",
    "django.contrib.messages",
    "accounts",
    "notifications",
]

SHARED_APPS = [
    # tenants before django_tenants: its migrate_schemas also migrates the template schema.
    "tenants",
    "django_tenants",
    *_BOTH,
    "django.contrib.staticfiles",
    "core",
    "onewindow",
    # The dashboards (over the hub's facts), rebuild_facts, the monthly report.
    "analytics",
    # No models: `manage.py seed_demo`, `manage.py seed_load`.
    "demo",
    # The JSON API (/api/v1/ on park hosts and the hub; no models) and its OpenAPI schema.
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

TENANT_APPS = [
    *_BOTH,
    "enterprises",
    "appeals",
    "servicedays",
    "cms",
    # Enterprise profiles, policy matching, outreach and visits (主动精准服务).
    "proactive",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    # Open311 GeoReport v2 (/open311/v2/ on park hosts): its API keys live in the park.
    "open311",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]
