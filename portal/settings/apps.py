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
]

TENANT_APPS = [
    *_BOTH,
    "enterprises",
    "appeals",
    "servicedays",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
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
