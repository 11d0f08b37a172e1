from wagtail.contrib.redirects.middleware import RedirectMiddleware

from core.tasks import schema_current


class ParkRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirect lookup, only on park hosts: the hub has no Wagtail tables."""

    def process_response(self, request, response):
        if schema_current() == "public":
            return response
        return super().process_response(request, response)
