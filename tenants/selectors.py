from django.conf import settings
from django.db import connection

from core.tasks import schema_current

from .models import Park


def park_list_for_hub():
    """Active parks with their primary host, in creation order."""
    parks = Park.objects.parks().active().prefetch_related("domains")
    return [(park, _primary_domain(park)) for park in parks]


def _primary_domain(park: Park) -> str:
    domains = list(park.domains.all())
    primary = next((d for d in domains if d.is_primary), domains[0] if domains else None)
    return primary.domain if primary else ""


def park_url(domain: str, request=None) -> str:
    port = ""
    if request is not None:
        host_port = request.get_host().rpartition(":")
        port = f":{host_port[2]}" if host_port[1] and host_port[2].isdigit() else ""
    elif settings.PUBLIC_PORT not in (80, 443):
        port = f":{settings.PUBLIC_PORT}"
    scheme = "https" if request is not None and request.is_secure() else "http"
    return f"{scheme}://{domain}{port}/"


def park_current() -> Park:
    """The park whose schema this connection is in (in a request, a task or schema_context)."""

    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Park) and tenant.schema_name == schema_current():
        return tenant
    return Park.objects.get(schema_name=schema_current())


def park_site_url(park: Park, path: str = "/") -> str:
    """An absolute link to a page of a park's site, for notices sent outside the site."""
    return park_url(_primary_domain(park)).rstrip("/") + path


def hub_url(path: str = "/") -> str:
    return park_url(settings.HUB_DOMAIN).rstrip("/") + path
