"""iCalendar (RFC 5545) files for service days, built with the `icalendar` library.

Two kinds: a booking's own `.ics` (one event for the booked slot, to add to a phone's
calendar) and a park's feed of its service days (a URL that calendar apps subscribe to).

Times are written as local times in Asia/Shanghai with a TZID and the matching VTIMEZONE, so
a calendar shows 09:00 in Shenzhen whatever zone the reader's device is in.

Cancelled days stay in the feed with STATUS:CANCELLED for `CANCELLED_KEPT` (30 days) after they
were called off: a subscribed calendar that still holds the event sees it cancelled; an event
that merely vanished from the feed is deleted silently by some clients and kept by others. After
30 days every client has refreshed, and the feed stays short.
"""

import datetime
from collections.abc import Iterable
from typing import cast
from urllib.parse import urlsplit

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import STATUS, Calendar, Event, vDuration

from .models import SHANGHAI, Booking, ServiceDay

CANCELLED_KEPT = datetime.timedelta(days=30)
# Past days stay in the feed this long, so subscribers keep their history.
FEED_HISTORY = datetime.timedelta(days=90)
PRODID = "-//ParkPortal//Service days//ZH"
# How often subscribed calendars should fetch the feed again.
FEED_REFRESH = datetime.timedelta(hours=1)


def booking_calendar(
    booking: Booking, *, site_url: str, now: datetime.datetime | None = None
) -> bytes:
    """One event for the booked slot, with the topic and check-in code."""
    host = _host(site_url)
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", uid=f"booking-{booking.code}@{host}")
    calendar.add_component(_booking_event(booking, host=host, site_url=site_url, now=now))
    return _finish(calendar)


def park_feed(
    days: Iterable[ServiceDay],
    *,
    park_name: str,
    site_url: str,
    now: datetime.datetime | None = None,
) -> bytes:
    """The park's service days as a subscribable calendar, one event per day. The caller
    chooses the days (published ones, and cancelled ones for `CANCELLED_KEPT`)."""
    host = _host(site_url)
    calendar = Calendar.new(
        prodid=PRODID,
        method="PUBLISH",
        name=park_name,
        uid=f"service-days@{host}",
        refresh_interval=FEED_REFRESH,
    )
    calendar.add("X-WR-TIMEZONE", "Asia/Shanghai")
    # The same interval in the property Outlook and Apple Calendar read.
    calendar.add("X-PUBLISHED-TTL", vDuration(FEED_REFRESH))
    for day in days:
        calendar.add_component(_day_event(day, host=host, site_url=site_url, now=now))
    return _finish(calendar)


def _booking_event(booking: Booking, *, host: str, site_url: str, now) -> Event:
    day, slot = booking.service_day, booking.slot
    department = _department_name(slot)
    cancelled = (
        booking.status == Booking.Status.CANCELLED or day.status == ServiceDay.Status.CANCELLED
    )
    lines = [
        _("Department: %(department)s") % {"department": department},
        _("Topic: %(topic)s") % {"topic": booking.topic},
        _("Check-in code: %(code)s") % {"code": booking.code_display},
    ]
    return Event.new(
        uid=f"booking-{booking.code}@{host}",
        summary=f"{day.title} · {department}" if department else day.title,
        start=slot.starts_at.astimezone(SHANGHAI),
        end=slot.ends_at.astimezone(SHANGHAI),
        location=day.place,
        description="\n".join(lines),
        url=_absolute(site_url, f"/service-days/bookings/{booking.code}/"),
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
        sequence=1 if cancelled else 0,
        stamp=_stamp(now),
    )


def _day_event(day: ServiceDay, *, host: str, site_url: str, now) -> Event:
    cancelled = day.status == ServiceDay.Status.CANCELLED
    return Event.new(
        uid=f"service-day-{day.pk}@{host}",
        summary=day.title,
        start=day.starts_at,
        end=day.ends_at,
        location=day.place,
        description=_day_description(day),
        url=_absolute(site_url, f"/service-days/{day.pk}/"),
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
        sequence=1 if cancelled else 0,
        stamp=_stamp(now),
    )


def _day_description(day: ServiceDay) -> str:
    departments = "、".join(
        name for name in (_department_name(hosting) for hosting in day.departments.all()) if name
    )
    lines = []
    if day.status == ServiceDay.Status.CANCELLED:
        lines.append(_("Cancelled: %(reason)s") % {"reason": day.cancel_reason})
    if day.topics.strip():
        lines.append(_("Topics: %(topics)s") % {"topics": day.topics.strip()})
    if departments:
        lines.append(_("Hosting departments: %(names)s") % {"names": departments})
    if day.description.strip():
        lines.append(day.description.strip())
    return "\n".join(lines)


def _department_name(owner) -> str:
    """The department's name; departments live in the hub's schema without a foreign-key
    constraint, so a missing row gives an empty name rather than an error."""
    try:
        department = owner.department
    except ObjectDoesNotExist:
        return ""
    return department.name if department is not None else ""


def _finish(calendar: Calendar) -> bytes:
    # A VTIMEZONE that covers only the years the events are in, instead of 1970–2038.
    # Every event here starts at a time of day (a datetime), none on a whole date.
    starts = [cast(datetime.datetime, event.start).date() for event in calendar.events]
    if starts:
        calendar.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=1),
            last_date=max(starts) + datetime.timedelta(days=366),
        )
    return calendar.to_ical()


def _stamp(now: datetime.datetime | None) -> datetime.datetime:
    return (now or timezone.now()).astimezone(datetime.UTC)


def _host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "parkportal"


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path
