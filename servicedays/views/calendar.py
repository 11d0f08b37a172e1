"""Calendar files: the park's public feed of service days and a booking's own `.ics`."""

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from accounts.models import Role
from accounts.permissions import role_required
from tenants.selectors import park_current, park_site_url

from .. import calendars, selectors

CALENDAR_TYPE = "text/calendar; charset=utf-8"


@require_GET
@cache_control(max_age=300)
def park_feed(request):
    """Public: what calendar apps subscribe to (webcal). Cached five minutes: apps poll it."""
    park = park_current()
    body = calendars.park_feed(
        selectors.service_days_for_feed(now=timezone.now()),
        park_name=park.name,
        site_url=park_site_url(park),
    )
    return _calendar_response(body, filename="service-days.ics", disposition="inline")


@require_GET
@role_required(Role.ENTERPRISE)
def booking_ics(request, code: str):
    """The enterprise's own booking as an event to add to its calendar; another enterprise's
    booking is a 404, as if it did not exist."""
    booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
    body = calendars.booking_calendar(booking, site_url=park_site_url(park_current()))
    filename = f"service-day-{booking.service_day.date:%Y%m%d}.ics"
    response = _calendar_response(body, filename=filename, disposition="attachment")
    # It carries the check-in code: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


def _calendar_response(body: bytes, *, filename: str, disposition: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
