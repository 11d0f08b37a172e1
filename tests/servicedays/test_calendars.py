"""Calendar files: a booking's .ics for its own enterprise only, and the park's public feed of
service days, both parsed back with the same library, with times in Asia/Shanghai."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from icalendar import Calendar

from servicedays import calendars
from servicedays.models import SHANGHAI, ServiceDay
from servicedays.services.bookings import booking_cancel
from servicedays.services.days import service_day_cancel

from ..conftest import log_in
from .helpers import book, day_create, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db

FEED = "/service-days/calendar.ics"
SITE = "http://alpha.localhost:8000/"


def ics_url(booking) -> str:
    return f"/service-days/bookings/{booking.code}/booking.ics"


def parsed(body: bytes) -> Calendar:
    return Calendar.from_ical(body)


def events_by_uid(calendar: Calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.events}


def nine_oclock(day: ServiceDay) -> datetime.datetime:
    return datetime.datetime.combine(day.date, datetime.time(9), tzinfo=SHANGHAI)


def test_a_booking_calendar_has_the_slot_in_shanghai_time(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())

    calendar = parsed(calendars.booking_calendar(booking, site_url=SITE))

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["PRODID"]) == calendars.PRODID
    [event] = calendar.events
    start, end = event["DTSTART"], event["DTEND"]
    assert start.dt == nine_oclock(booking.service_day)
    assert start.dt.utcoffset() == datetime.timedelta(hours=8)
    assert start.params["TZID"] == "Asia/Shanghai"
    assert end.dt - start.dt == datetime.timedelta(minutes=30)
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Shanghai"]
    assert str(event["UID"]) == f"booking-{booking.code}@alpha.localhost"
    assert str(event["SUMMARY"]) == f"{booking.service_day.title} · 工业和信息化局"
    assert str(event["LOCATION"]) == booking.service_day.place
    assert booking.code_display in str(event["DESCRIPTION"])
    assert booking.topic in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"{SITE}service-days/bookings/{booking.code}/"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_the_same_booking_always_has_the_same_uid(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())

    first = parsed(calendars.booking_calendar(booking, site_url=SITE)).events[0]
    again = parsed(calendars.booking_calendar(booking, site_url=SITE)).events[0]

    assert first["UID"] == again["UID"]


def test_a_cancelled_booking_calendar_says_cancelled(in_park_a):
    booking = book(first_slot(day_create()), persona_enterprise())
    booking_cancel(booking=booking, by=booking.enterprise.account)
    booking.refresh_from_db()

    [event] = parsed(calendars.booking_calendar(booking, site_url=SITE)).events

    assert str(event["STATUS"]) == "CANCELLED"


def test_the_enterprise_downloads_its_own_booking_ics(park_a_client, park_a):
    with schema_context(park_a.schema_name):
        booking = book(first_slot(day_create()), persona_enterprise())
    log_in(park_a_client, "enterprise_user")

    response = park_a_client.get(ics_url(booking))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    [event] = parsed(response.content).events
    assert event["DTSTART"].dt == nine_oclock(booking.service_day)


def test_another_enterprise_gets_404_for_a_booking_ics(park_a_client, park_a):
    with schema_context(park_a.schema_name):
        booking = book(first_slot(day_create()), persona_enterprise())
    log_in(park_a_client, "other_enterprise_user")

    assert park_a_client.get(ics_url(booking)).status_code == 404


def test_window_staff_cannot_download_a_booking_ics(park_a_client, park_a):
    with schema_context(park_a.schema_name):
        booking = book(first_slot(day_create()), persona_enterprise())
    log_in(park_a_client, "window_staff")

    assert park_a_client.get(ics_url(booking)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in_for_a_booking_ics(park_a_client, park_a):
    with schema_context(park_a.schema_name):
        booking = book(first_slot(day_create()), persona_enterprise())

    response = park_a_client.get(ics_url(booking))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert booking.code_display not in response.content.decode()


def test_the_same_booking_code_on_another_park_is_404(park_b_client, park_a):
    with schema_context(park_a.schema_name):
        booking = book(first_slot(day_create()), persona_enterprise())
    # The same persona name exists on park beta, as another account of another enterprise.
    log_in(park_b_client, "enterprise_user")

    assert park_b_client.get(ics_url(booking)).status_code == 404


def test_the_park_feed_lists_published_days_in_shanghai_time(park_a_client, park_a):
    with schema_context(park_a.schema_name):
        published = day_create(topics="研发费用加计扣除；高企认定")
        draft = day_create(status=ServiceDay.Status.DRAFT)

    response = park_a_client.get(FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Cache-Control"] == "max-age=300"
    calendar = parsed(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "阿尔法科技园"
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    # How often Outlook and Apple Calendar fetch it again.
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    events = events_by_uid(calendar)
    assert f"service-day-{draft.pk}@alpha.localhost" not in events
    event = events[f"service-day-{published.pk}@alpha.localhost"]
    assert str(event["SUMMARY"]) == published.title
    assert str(event["LOCATION"]) == published.place
    assert "高企认定" in str(event["DESCRIPTION"])
    assert "工业和信息化局" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(f"/service-days/{published.pk}/")
    assert event["DTSTART"].dt == nine_oclock(published)
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert "DTSTAMP" in event
    assert "Asia/Shanghai" in [tz.tz_name for tz in calendar.timezones]


def test_the_park_feed_does_not_show_another_parks_days(park_a_client, park_b):
    with schema_context(park_b.schema_name):
        theirs = day_create()

    calendar = parsed(park_a_client.get(FEED).content)

    assert theirs.title not in [str(event["SUMMARY"]) for event in calendar.events]


def test_a_cancelled_day_stays_in_the_feed_as_cancelled_for_30_days(park_a_client, park_a):
    with schema_context(park_a.schema_name):
        recent, old = day_create(), day_create()
        for day in (recent, old):
            service_day_cancel(day=day, reason="部门临时有会", by_name="window_staff")
        long_ago = timezone.now() - datetime.timedelta(days=31)
        ServiceDay.objects.filter(pk=old.pk).update(cancelled_at=long_ago)

    events = events_by_uid(parsed(park_a_client.get(FEED).content))

    assert str(events[f"service-day-{recent.pk}@alpha.localhost"]["STATUS"]) == "CANCELLED"
    assert f"service-day-{old.pk}@alpha.localhost" not in events


def test_the_park_feed_is_read_only(park_a_client):
    assert park_a_client.post(FEED).status_code == 405
