"""The park's service-day pages over HTTP: the calendar, booking, the waitlist offer, the
enterprise's own bookings, and bad input refused with a clear message and nothing changed."""

import pytest
from django_tenants.utils import schema_context

from servicedays.models import Booking, ServiceDay, WaitlistEntry

from ..conftest import host_client, log_in
from .helpers import book, day_create, department, enterprise_new, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(park_a_client):
    log_in(park_a_client, "enterprise_user")
    return park_a_client


@pytest.fixture
def other(park_a):
    client = host_client("alpha.localhost")
    log_in(client, "other_enterprise_user")
    return client


def in_a(park_a, work):
    with schema_context(park_a.schema_name):
        return work()


def error_codes(response, field: str = "__all__") -> list[str]:
    """The codes of the booking form's errors on `field` (`__all__`: the service's refusals)."""
    return [error.code for error in response.context["form"].errors.as_data()[field]]


def booking_data(chosen, **overrides) -> dict:
    data = {
        "slot": chosen.pk,
        "topic": "研发费用加计扣除",
        "question": "新政策下如何归集人员人工费用？",
    }
    data.update(overrides)
    return data


def test_the_calendar_lists_published_days_only_and_not_other_parks(park_a, park_b, client):
    published = in_a(park_a, lambda: day_create(title="税务专场企业服务日"))
    in_a(park_a, lambda: day_create(title="草稿中的服务日", status=ServiceDay.Status.DRAFT))
    with schema_context(park_b.schema_name):
        day_create(title="另一园区的服务日")
    page = host_client("alpha.localhost").get("/service-days/").content.decode()
    assert "税务专场企业服务日" in page
    assert f"/service-days/{published.pk}/" in page
    assert "草稿中的服务日" not in page
    assert "另一园区的服务日" not in page


def test_a_draft_day_is_not_found(park_a):
    day = in_a(park_a, lambda: day_create(status=ServiceDay.Status.DRAFT))
    assert host_client("alpha.localhost").get(f"/service-days/{day.pk}/").status_code == 404


def test_the_home_page_block_lists_upcoming_days(park_a):
    from cms.blocks import ServiceDaysBlock

    block = ServiceDaysBlock()
    with schema_context(park_a.schema_name):
        day = day_create(title="人才政策与住房保障专场")
        day_create(title="未发布的专场", status=ServiceDay.Status.DRAFT)
        html = block.render(block.to_python({"heading": "近期企业服务日"}))
    assert "人才政策与住房保障专场" in html
    assert f"/service-days/{day.pk}/" in html
    assert "未发布的专场" not in html


def test_an_anonymous_visitor_sees_seats_and_is_asked_to_log_in(park_a):
    day = in_a(park_a, day_create)
    page = host_client("alpha.localhost").get(f"/service-days/{day.pk}/").content.decode()
    assert "工业和信息化局" in page
    assert "登录企业账号后预约" in page
    assert 'name="topic"' not in page


def test_an_enterprise_books_and_sees_its_code_and_qr(park_a, enterprise):
    day = in_a(park_a, day_create)
    slot = in_a(park_a, lambda: first_slot(day))
    response = enterprise.post(f"/service-days/{day.pk}/book/", booking_data(slot))
    assert response.status_code == 302
    booking = in_a(park_a, lambda: Booking.objects.get(slot=slot))
    assert response["Location"] == f"/service-days/bookings/{booking.code}/"
    page = enterprise.get(response["Location"]).content.decode()
    assert booking.code_display in page
    assert "<svg" in page
    assert 'role="img"' in page
    assert "新政策下如何归集人员人工费用？" in page
    assert "/booking.ics" in page


def test_a_full_slot_offers_the_waitlist_and_joining_keeps_the_question(park_a, enterprise):
    day = in_a(park_a, day_create)
    slot = in_a(park_a, lambda: first_slot(day))
    in_a(park_a, lambda: book(slot, enterprise_new()))
    response = enterprise.post(f"/service-days/{day.pk}/book/", booking_data(slot))
    assert response.status_code == 409
    page = response.content.decode()
    assert "加入候补" in page
    assert in_a(
        park_a,
        lambda: (
            not Booking.objects.filter(
                slot=slot, enterprise__account__username="enterprise_user"
            ).exists()
        ),
    )
    response = enterprise.post(f"/service-days/{day.pk}/waitlist/", booking_data(slot))
    assert response.status_code == 302
    entry = in_a(park_a, lambda: WaitlistEntry.objects.get(slot=slot))
    assert entry.question == "新政策下如何归集人员人工费用？"
    assert entry.enterprise.account.username == "enterprise_user"
    assert "候补" in enterprise.get("/service-days/mine/").content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"topic": ""}, "topic", "required"),
        ({"question": "问" * 2001}, "question", "max_length"),
        ({"slot": "999999"}, "slot", "invalid_choice"),
    ],
)
def test_bad_booking_input_is_refused_with_a_message(park_a, enterprise, overrides, field, code):
    day = in_a(park_a, day_create)
    slot = in_a(park_a, lambda: first_slot(day))
    response = enterprise.post(f"/service-days/{day.pk}/book/", booking_data(slot, **overrides))
    assert response.status_code == 400
    assert error_codes(response, field) == [code]
    assert response.context["form"].errors[field][0] in response.content.decode()
    assert in_a(park_a, lambda: not Booking.objects.filter(service_day=day).exists())


def test_a_slot_of_another_day_is_refused(park_a, enterprise):
    day = in_a(park_a, day_create)
    elsewhere = in_a(park_a, lambda: first_slot(day_create()))
    response = enterprise.post(f"/service-days/{day.pk}/book/", booking_data(elsewhere))
    assert response.status_code == 400
    assert error_codes(response, "slot") == ["invalid_choice"]
    assert in_a(park_a, lambda: not Booking.objects.filter(slot=elsewhere).exists())


def test_a_cancelled_day_cannot_be_booked(park_a, enterprise):
    from servicedays.services.days import service_day_cancel

    day = in_a(park_a, day_create)
    slot = in_a(park_a, lambda: first_slot(day))
    in_a(park_a, lambda: service_day_cancel(day=day, reason="台风预警", by_name="窗口"))
    response = enterprise.post(f"/service-days/{day.pk}/book/", booking_data(slot))
    assert response.status_code == 400
    assert error_codes(response) == ["cancelled"]
    page = enterprise.get(f"/service-days/{day.pk}/").content.decode()
    assert "台风预警" in page
    assert "时段与名额" not in page  # no seats offered on a cancelled day
    assert in_a(park_a, lambda: not Booking.objects.filter(slot=slot).exists())


def test_only_the_owner_sees_and_cancels_a_booking(park_a, enterprise, other):
    day = in_a(park_a, day_create)
    booking = in_a(park_a, lambda: book(first_slot(day), persona_enterprise()))
    assert other.get(f"/service-days/bookings/{booking.code}/").status_code == 404
    assert other.post(f"/service-days/bookings/{booking.code}/cancel/").status_code == 404
    assert in_a(park_a, lambda: Booking.objects.get(pk=booking.pk).status) == "confirmed"
    response = enterprise.post(f"/service-days/bookings/{booking.code}/cancel/")
    assert response.status_code == 302
    assert in_a(park_a, lambda: Booking.objects.get(pk=booking.pk).status) == "cancelled"


def test_a_confirmed_booking_page_offers_the_code_cancel_and_move_and_a_cancelled_one_not(
    park_a, enterprise
):
    from servicedays.services.days import service_day_cancel

    day = in_a(park_a, day_create)
    booking = in_a(park_a, lambda: book(first_slot(day), persona_enterprise()))
    cancel = f'action="/service-days/bookings/{booking.code}/cancel/"'
    move = f'action="/service-days/bookings/{booking.code}/move/"'
    page = enterprise.get(f"/service-days/bookings/{booking.code}/").content.decode()
    assert cancel in page
    assert move in page
    assert booking.code_display in page
    in_a(park_a, lambda: service_day_cancel(day=day, reason="台风预警", by_name="窗口"))
    page = enterprise.get(f"/service-days/bookings/{booking.code}/").content.decode()
    assert cancel not in page
    assert move not in page
    assert booking.code_display not in page
    assert "台风预警" in page


def test_a_booking_of_park_a_is_not_found_on_park_b(park_a, park_b):
    booking = in_a(park_a, lambda: book(first_slot(day_create()), persona_enterprise()))
    client = host_client("beta.localhost")
    log_in(client, "enterprise_user")
    assert client.get(f"/service-days/bookings/{booking.code}/").status_code == 404


def test_moving_gives_a_new_code_and_frees_the_old_seat(park_a, enterprise):
    day = in_a(park_a, day_create)
    booking = in_a(park_a, lambda: book(first_slot(day), persona_enterprise()))
    later = in_a(
        park_a,
        lambda: day.slots.filter(department=department()).order_by("starts_at")[1],
    )
    response = enterprise.post(f"/service-days/bookings/{booking.code}/move/", {"slot": later.pk})
    assert response.status_code == 302
    moved = in_a(park_a, lambda: Booking.objects.get(slot=later))
    assert response["Location"] == f"/service-days/bookings/{moved.code}/"
    assert in_a(park_a, lambda: Booking.objects.get(pk=booking.pk).status) == "cancelled"


def test_an_unverified_enterprise_is_told_to_wait(park_a):
    from enterprises.models import Enterprise

    day = in_a(park_a, day_create)
    enterprise = in_a(park_a, enterprise_new)
    in_a(park_a, lambda: Enterprise.objects.filter(pk=enterprise.pk).update(status="pending"))
    client = host_client("alpha.localhost")
    log_in(client, enterprise.account.username)
    page = client.get(f"/service-days/{day.pk}/").content.decode()
    assert "仅审核通过的企业可以预约" in page
    slot = in_a(park_a, lambda: first_slot(day))
    response = client.post(f"/service-days/{day.pk}/book/", booking_data(slot))
    assert response.status_code == 400
    assert error_codes(response) == ["not_verified"]
    assert in_a(park_a, lambda: not Booking.objects.filter(slot=slot).exists())
