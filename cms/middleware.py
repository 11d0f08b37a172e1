from django.db import connection
from wagtail.contrib.redirects.middleware import RedirectMiddleware


class ParkRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirect lookup, only on park hosts: the hub has no Wagtail tables."""

    def process_response(self, request, response):
        if connection.schema_name == "public":
            return response
        return super().process_response(request, response)
