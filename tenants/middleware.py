from django.template.response import TemplateResponse
from django_tenants.middleware.main import TenantMainMiddleware

from core.tasks import schema_current

from . import routing


class ParkTenantMiddleware(TenantMainMiddleware):
    """Selects the park schema by host, with the host → park lookup cached in-process."""

    def get_tenant(self, domain_model, hostname):
        return routing.lookup(
            hostname, lambda host: super(ParkTenantMiddleware, self).get_tenant(domain_model, host)
        )


class ParkSuspendedMiddleware:
    """A deactivated park keeps its data but its host only shows a "suspended" page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tenant = getattr(request, "tenant", None)
        suspended = tenant is not None and not tenant.is_active
        if suspended and schema_current() != "public" and not _is_static(request):
            response = TemplateResponse(
                request, "tenants/suspended.html", {"park": tenant}, status=503
            )
            return response.render()
        return self.get_response(request)


def _is_static(request) -> bool:
    return request.path.startswith("/static/")
