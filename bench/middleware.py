"""Bench-only middleware (see settings_bench): ways to skip tenant routing for one path."""

from django.http import HttpResponse

from tenants.middleware import ParkTenantMiddleware

RAW_PATH = "/bench/raw-ping"
BARE_PATH = "/bench/bare-ping"


class BareShortCircuitMiddleware:
    """First in the list: answers BARE_PATH before any other middleware runs (context only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == BARE_PATH:
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)


class BypassableParkTenantMiddleware(ParkTenantMiddleware):
    """ParkTenantMiddleware, except that RAW_PATH skips tenant routing.

    Everything else (the rest of the middleware stack, URL resolution, the view) is the same
    for /bench/ping and RAW_PATH, so their throughput ratio is the cost of tenant routing alone.
    """

    def process_request(self, request):
        if request.path_info == RAW_PATH:
            return None
        return super().process_request(request)
