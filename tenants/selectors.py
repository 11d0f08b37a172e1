from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.urls import reverse

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


def park_url(domain: str, request: HttpRequest | None = None) -> str:
    """The base URL of a host: as the request reached us, or (outside a request) the configured
    public scheme and port (PUBLIC_SCHEME, PUBLIC_PORT)."""
    if request is not None:
        host_port = request.get_host().rpartition(":")
        port = f":{host_port[2]}" if host_port[1] and host_port[2].isdigit() else ""
        scheme = "https" if request.is_secure() else "http"
    else:
        scheme = settings.PUBLIC_SCHEME
        default_port = {"http": 80, "https": 443}.get(scheme)
        port = "" if default_port == settings.PUBLIC_PORT else f":{settings.PUBLIC_PORT}"
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


def park_link(park: Park, name: str, *args: object) -> str:
    """An absolute link to a named page of a park's site (for notices and feeds)."""
    return park_site_url(park, reverse(name, args=args, urlconf=settings.ROOT_URLCONF))


def hub_link(name: str, *args: object) -> str:
    """An absolute link to a named page of the district hub."""
    return hub_url(reverse(name, args=args, urlconf=settings.PUBLIC_SCHEMA_URLCONF))
