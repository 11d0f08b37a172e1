"""The park's back office for service days over HTTP: setting a day up, cancelling it, checking
enterprises in by code, outcomes, and a follow-up turned into a linked appeal."""

import datetime
import uuid

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from appeals.models import Appeal
from notifications.models import Notification
from servicedays.models import SHANGHAI, Booking, ServiceDay, WaitlistEntry
from servicedays.services.bookings import booking_create
from servicedays.services.waitlist import waitlist_join

from ..appeals.helpers import category
from ..conftest import host_client, log_in
from .helpers import book, day_create, department, enterprise_new, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def window(park_a):
    client = host_client("alpha.localhost")
    log_in(client, "window_staff")
    return client


def in_a(park_a, work):
    with schema_context(park_a.schema_name):
        return work()


def new_day_data(**overrides) -> dict:
    date = timezone.now().astimezone(SHANGHAI).date() + datetime.timedelta(days=10)
    data = {
        "title": "知识产权与科技金融服务日",
        "date": date.isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "place": "园区综合服务中心3楼路演厅",
        "departments": [department().pk, department("科创局").pk],
        "slot_minutes": "30",
        "seats_per_slot": "2",
        "bookings_per_enterprise": "1",
        "booking_opens_at": (date - datetime.timedelta(days=9)).isoformat() + "T09:00",
        "booking_closes_at": (date - datetime.timedelta(days=1)).isoformat() + "T18:00",
        "topics": "专利质押融资；知识产权贯标",
        "description": "",
        "publish": "on",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def errors_shown(response) -> list[str]:
    """The error messages the page shows at its top."""
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


def in_chinese(message: str, **params) -> str:
    with translation.override("zh-hans"):
        return _(message) % params


def today_booking(park_a):
    """A confirmed booking for a day that is today (booked last week)."""

    def make():
        past = timezone.now() - datetime.timedelta(days=7)
        day = day_create(now=past)
        enterprise = persona_enterprise()
        return booking_create(
            slot=first_slot(day),
            enterprise=enterprise,
            by=enterprise.account,
            topic="专利质押融资",
            question="银行对专利评估有什么要求？",
            now=past,
        )

    return in_a(park_a, make)


def test_window_staff_set_up_and_publish_a_day(park_a, window):
    response = window.post("/office/service-days/new/", new_day_data())
    assert response.status_code == 302
    day = in_a(park_a, lambda: ServiceDay.objects.get(title="知识产权与科技金融服务日"))
    assert day.status == "published"
    assert day.created_by_name == "window_staff"
    assert in_a(park_a, lambda: day.slots.count()) == 8  # 4 slots × 2 departments
    assert (
        "知识产权与科技金融服务日"
        in host_client("alpha.localhost").get("/service-days/").content.decode()
    )


def test_a_bad_day_is_refused_and_nothing_is_created(park_a, window):
    response = window.post(
        "/office/service-days/new/",
        new_day_data(title="时间颠倒的服务日", start_time="16:00", end_time="14:00"),
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["end_time"]
    assert form.errors["end_time"][0] in response.content.decode()
    assert in_a(park_a, lambda: not ServiceDay.objects.filter(title="时间颠倒的服务日").exists())


def test_enterprises_cannot_open_the_back_office(park_a):
    client = host_client("alpha.localhost")
    log_in(client, "enterprise_user")
    assert client.get("/office/service-days/").status_code == 403
    assert client.post("/office/service-days/new/", new_day_data()).status_code == 403


def test_cancelling_a_day_cancels_bookings_and_tells_everyone(park_a, window):
    day = in_a(park_a, day_create)
    slot = in_a(park_a, lambda: first_slot(day))
    booking = in_a(park_a, lambda: book(slot, persona_enterprise()))
    waiting = in_a(park_a, lambda: persona_enterprise("other_enterprise_user"))
    in_a(
        park_a,
        lambda: waitlist_join(
            slot=slot, enterprise=waiting, by=waiting.account, topic="融资", question=""
        ),
    )
    response = window.post(f"/office/service-days/{day.pk}/cancel/", {"reason": "台风红色预警"})
    assert response.status_code == 302
    with schema_context(park_a.schema_name):
        assert ServiceDay.objects.get(pk=day.pk).status == "cancelled"
        assert Booking.objects.get(pk=booking.pk).status == "cancelled"
        assert not WaitlistEntry.objects.waiting().filter(slot=slot).exists()
        assert first_slot(day).booked == 0
        told = Notification.objects.filter(body__contains="台风红色预警")
        assert {n.recipient.username for n in told} == {
            "enterprise_user",
            "other_enterprise_user",
        }
    page = window.get(f"/office/service-days/{day.pk}/").content.decode()
    assert "由 window_staff 取消" in page


def test_cancelling_needs_a_reason(park_a, window):
    day = in_a(park_a, day_create)
    response = window.post(f"/office/service-days/{day.pk}/cancel/", {"reason": ""})
    assert response.status_code == 400
    assert in_a(park_a, lambda: ServiceDay.objects.get(pk=day.pk).status) == "published"


def test_check_in_by_code_on_the_day(park_a, window):
    booking = today_booking(park_a)
    typed = booking.code_display.lower().replace("-", " - ")  # as read out, in lower case
    response = window.get("/office/service-days/check-in/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/office/service-days/bookings/{booking.code}/"
    assert window.post(f"/office/service-days/bookings/{booking.code}/check-in/").status_code == 302
    booking = in_a(park_a, lambda: Booking.objects.get(pk=booking.pk))
    assert booking.status == "attended"
    assert booking.checked_in_by_name == "window_staff"
    again = window.post(f"/office/service-days/bookings/{booking.code}/check-in/")
    assert again.status_code == 400
    at = f"{booking.checked_in_at.astimezone(SHANGHAI):%H:%M}"
    assert errors_shown(again) == [in_chinese("Already checked in at %(time)s.", time=at)]


def test_the_booking_page_offers_check_in_on_the_day_only(park_a, window):
    today = today_booking(park_a)
    later = in_a(park_a, lambda: book(first_slot(day_create()), persona_enterprise()))
    button = 'action="/office/service-days/bookings/{}/check-in/"'
    page = window.get(f"/office/service-days/bookings/{today.code}/").content.decode()
    assert button.format(today.code) in page
    page = window.get(f"/office/service-days/bookings/{later.code}/").content.decode()
    assert button.format(later.code) not in page
    assert later.service_day.date.isoformat() in page  # check-in opens on the day itself


def test_the_day_page_offers_publish_for_a_draft_only(park_a, window):
    draft = in_a(park_a, lambda: day_create(status=ServiceDay.Status.DRAFT))
    published = in_a(park_a, day_create)
    publish = 'action="/office/service-days/{}/publish/"'
    cancel = 'action="/office/service-days/{}/cancel/"'
    page = window.get(f"/office/service-days/{draft.pk}/").content.decode()
    assert publish.format(draft.pk) in page
    assert cancel.format(draft.pk) in page
    page = window.get(f"/office/service-days/{published.pk}/").content.decode()
    assert publish.format(published.pk) not in page
    assert cancel.format(published.pk) in page


def test_an_unknown_code_says_so(park_a, window):
    response = window.get("/office/service-days/check-in/", {"code": "no-such-code"})
    assert response.status_code == 404
    assert "没有预约使用这个编码" in response.content.decode()


def test_check_in_before_the_day_is_refused(park_a, window):
    booking = in_a(park_a, lambda: book(first_slot(day_create()), persona_enterprise()))
    response = window.post(f"/office/service-days/bookings/{booking.code}/check-in/")
    assert response.status_code == 400
    assert errors_shown(response) == [
        in_chinese(
            "Check-in is only possible on the day itself (%(date)s).",
            date=booking.service_day.date.isoformat(),
        )
    ]
    assert in_a(park_a, lambda: Booking.objects.get(pk=booking.pk).status) == "confirmed"


def test_a_follow_up_becomes_an_appeal_linked_both_ways(park_a, window):
    booking = today_booking(park_a)
    window.post(f"/office/service-days/bookings/{booking.code}/check-in/")
    response = window.post(
        f"/office/service-days/bookings/{booking.code}/outcome/",
        {"outcome": "follow_up", "note": "需要工信局出具专利评估机构名单"},
    )
    assert response.status_code == 302
    page = window.get(f"/office/service-days/bookings/{booking.code}/").content.decode()
    assert "需要工信局出具专利评估机构名单" in page  # prefilled in the appeal form
    data = {
        "category": category().pk,
        "title": "专利质押融资跟进",
        "description": "服务日跟进：需要工信局出具专利评估机构名单",
        "contact_name": "王芳",
        "contact_mobile": "13800138001",
    }
    response = window.post(f"/office/service-days/bookings/{booking.code}/appeal/", data)
    assert response.status_code == 302
    again = window.post(f"/office/service-days/bookings/{booking.code}/appeal/", data)
    assert again.status_code == 302  # the same appeal, not a second one
    with schema_context(park_a.schema_name):
        booking = Booking.objects.select_related("appeal").get(pk=booking.pk)
        assert booking.appeal.title == "专利质押融资跟进"
        assert booking.appeal.filed_at_window
        assert Appeal.objects.get(pk=booking.appeal_id).service_day_booking == booking
        assert Appeal.objects.filter(title="专利质押融资跟进").count() == 1
    appeal_page = window.get(f"/office/appeals/{booking.appeal.tracking_number}/").content.decode()
    assert f"/office/service-days/bookings/{booking.code}/" in appeal_page
    enterprise = host_client("alpha.localhost")
    log_in(enterprise, "enterprise_user")
    page = enterprise.get(f"/appeals/{booking.appeal.tracking_number}/").content.decode()
    assert f"/service-days/bookings/{booking.code}/" in page


def test_an_outcome_needs_attendance_and_follow_up_needs_a_note(park_a, window):
    booking = today_booking(park_a)
    response = window.post(
        f"/office/service-days/bookings/{booking.code}/outcome/", {"outcome": "resolved"}
    )
    assert response.status_code == 400  # not checked in yet
    refused = response.context["outcome_form"].errors.as_data()
    assert [error.code for error in refused["__all__"]] == ["not_attended"]
    window.post(f"/office/service-days/bookings/{booking.code}/check-in/")
    response = window.post(
        f"/office/service-days/bookings/{booking.code}/outcome/", {"outcome": "follow_up"}
    )
    assert response.status_code == 400
    assert list(response.context["outcome_form"].errors) == ["note"]
    assert in_a(park_a, lambda: Booking.objects.get(pk=booking.pk).outcome) == ""


def test_another_parks_window_cannot_find_the_booking(park_a, park_b):
    booking = in_a(park_a, lambda: book(first_slot(day_create()), enterprise_new()))
    client = host_client("beta.localhost")
    log_in(client, "window_staff")
    assert client.get(f"/office/service-days/bookings/{booking.code}/").status_code == 404
    assert client.post(f"/office/service-days/bookings/{booking.code}/check-in/").status_code == 404
