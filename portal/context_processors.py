from django.db import connection


def site(request):
    """The park (or hub) being served, for layouts and the theme colour."""
    tenant = getattr(request, "tenant", None)
    is_hub = connection.schema_name == "public"
    return {"park": None if is_hub else tenant, "is_hub": is_hub}
