"""The district hub's service-day pages: a liaison sees their department's days across the
parks and only their department's questions; a district admin sees all; outcomes and new days
go to the park through its own services."""

import datetime
import uuid

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from onewindow.models import HubServiceDay
from servicedays.hub_forms import OutcomeForm
from servicedays.models import SHANGHAI, Booking, ServiceDay
from servicedays.services import hubsync
from servicedays.services.attendance import booking_check_in
from servicedays.services.waitlist import waitlist_join

from ..conftest import log_in
from .helpers import book, day_create, department, enterprise_new, first_slot

pytestmark = pytest.mark.django_db

OURS, THEIRS = "我们部门的问题：研发费用怎么归集？", "别的部门的问题：专利资助何时发放？"


def shared_day(park, **fields):
    """A day that 工信局 and 科创局 both host, one booking with each, and one enterprise waiting
    for 工信局; delivered to the hub. Returns the hub copy."""
    with schema_context(park.schema_name):
        day = day_create(departments=[department("工信局"), department("科创局")], **fields)
        slot = first_slot(day)
        book(slot, enterprise_new("我们的企业"), question=OURS)
        book(first_slot(day, "科创局"), enterprise_new("别人的企业"), question=THEIRS)
        waiting = enterprise_new("候补企业")
        waitlist_join(
            slot=slot, enterprise=waiting, by=waiting.account, topic="候补", question="候补问题"
        )
        hubsync.day_sync_deliver(day_id=day.pk)
    return HubServiceDay.objects.get(park=park, day_id=day.pk)


def their_day(park):
    """A day only 科创局 hosts."""
    with schema_context(park.schema_name):
        day = day_create(departments=[department("科创局")])
        book(first_slot(day, "科创局"), enterprise_new(), question=THEIRS)
        hubsync.day_sync_deliver(day_id=day.pk)
    return HubServiceDay.objects.get(park=park, day_id=day.pk)


def attended_yesterday(park):
    """A day that was yesterday, with one enterprise that came to 工信局."""
    past = timezone.now() - datetime.timedelta(days=8)
    with schema_context(park.schema_name):
        day = day_create(now=past)
        booking = book(first_slot(day), enterprise_new(), now=past)
        at_the_table = datetime.datetime.combine(day.date, datetime.time(9, 10), tzinfo=SHANGHAI)
        booking_check_in(booking=booking, by_name="窗口", now=at_the_table)
        hubsync.day_sync_deliver(day_id=day.pk)
    return HubServiceDay.objects.get(park=park, day_id=day.pk), booking


def booking_in(park, booking) -> Booking:
    with schema_context(park.schema_name):
        return Booking.objects.get(pk=booking.pk)


# The list


def test_a_liaison_sees_their_departments_days_with_counts(hub_client, park_a):
    hub_day = shared_day(park_a)
    log_in(hub_client, "liaison")
    response = hub_client.get("/service-days/")
    assert response.status_code == 200
    [listed] = [d for d in response.context["upcoming"] if d.pk == hub_day.pk]
    assert (listed.booked, listed.waiting) == (1, 1)
    assert hub_day.title in response.content.decode()


def test_a_liaison_does_not_see_days_their_department_does_not_host(hub_client, park_a):
    hub_day = their_day(park_a)
    log_in(hub_client, "liaison")
    response = hub_client.get("/service-days/")
    assert response.status_code == 200
    assert hub_day.title not in response.content.decode()


def test_the_list_keeps_the_last_two_weeks_for_outcomes(hub_client, park_a):
    hub_day, _booking = attended_yesterday(park_a)
    log_in(hub_client, "liaison")
    response = hub_client.get("/service-days/")
    assert hub_day.pk in [d.pk for d in response.context["recent"]]


def test_a_district_admin_sees_every_day_and_filters_by_park(hub_client, park_a, park_b):
    ours, theirs = shared_day(park_a), their_day(park_b)
    log_in(hub_client, "district_admin")
    everything = hub_client.get("/service-days/").content.decode()
    assert ours.title in everything
    assert theirs.title in everything
    only_a = hub_client.get("/service-days/", {"park": park_a.pk}).content.decode()
    assert ours.title in only_a
    assert theirs.title not in only_a


def test_a_district_admin_filters_by_department(hub_client, park_a):
    ours, theirs = attended_yesterday(park_a)[0], their_day(park_a)
    log_in(hub_client, "district_admin")
    response = hub_client.get("/service-days/", {"department": department("科创局").pk})
    shown = [d.pk for d in response.context["upcoming"] + response.context["recent"]]
    assert theirs.pk in shown
    assert ours.pk not in shown


def test_the_pages_need_a_hub_login(hub_client, park_a):
    hub_day = shared_day(park_a)
    assert hub_client.get("/service-days/").status_code == 302
    assert hub_client.get(f"/service-days/{hub_day.pk}/").status_code == 302


# The day page


def test_a_liaison_sees_only_their_departments_questions(hub_client, park_a):
    hub_day = shared_day(park_a)
    log_in(hub_client, "liaison")
    response = hub_client.get(f"/service-days/{hub_day.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert OURS in page
    assert "候补问题" in page
    assert THEIRS not in page
    assert "别人的企业" not in page


def test_the_other_liaison_sees_only_theirs_on_a_shared_day(hub_client, park_a):
    hub_day = shared_day(park_a)
    log_in(hub_client, "other_liaison")
    page = hub_client.get(f"/service-days/{hub_day.pk}/").content.decode()
    assert THEIRS in page
    assert OURS not in page
    assert "候补问题" not in page


def test_a_day_another_department_hosts_looks_like_none(hub_client, park_a):
    hub_day = their_day(park_a)
    log_in(hub_client, "liaison")
    assert hub_client.get(f"/service-days/{hub_day.pk}/").status_code == 404


def test_a_district_admin_sees_every_department_grouped(hub_client, park_a):
    hub_day = shared_day(park_a)
    log_in(hub_client, "district_admin")
    response = hub_client.get(f"/service-days/{hub_day.pk}/")
    page = response.content.decode()
    assert OURS in page
    assert THEIRS in page
    assert [g["department"].short_name for g in response.context["groups"]] == [
        "工信局",
        "科创局",
    ]


# Outcomes


def outcome_url(hub_day, booking) -> str:
    return f"/service-days/{hub_day.pk}/bookings/{booking.pk}/outcome/"


def test_the_liaison_records_an_outcome_in_the_park(hub_client, park_a):
    hub_day, booking = attended_yesterday(park_a)
    log_in(hub_client, "liaison")
    page = hub_client.get(f"/service-days/{hub_day.pk}/")
    assert isinstance(page.context["groups"][0]["bookings"][0].outcome_form, OutcomeForm)
    response = hub_client.post(
        outcome_url(hub_day, booking), {"outcome": "follow_up", "note": "下周上门核实材料"}
    )
    assert response.status_code == 302
    recorded = booking_in(park_a, booking)
    assert recorded.outcome == "follow_up"
    assert recorded.outcome_note == "下周上门核实材料"
    assert recorded.outcome_by_name == "liaison"
    # The hub copy follows at once.
    assert hub_day.bookings.get(booking_id=booking.pk).outcome == "follow_up"


def test_a_follow_up_without_a_note_is_refused(hub_client, park_a):
    hub_day, booking = attended_yesterday(park_a)
    log_in(hub_client, "liaison")
    response = hub_client.post(outcome_url(hub_day, booking), {"outcome": "follow_up"})
    assert response.status_code == 400
    assert booking_in(park_a, booking).outcome == ""


def test_no_outcome_for_an_enterprise_that_has_not_come(hub_client, park_a):
    hub_day = shared_day(park_a)
    mine = hub_day.bookings.get(question=OURS)
    log_in(hub_client, "liaison")
    response = hub_client.post(
        f"/service-days/{hub_day.pk}/bookings/{mine.booking_id}/outcome/", {"outcome": "resolved"}
    )
    assert response.status_code == 400
    with schema_context(park_a.schema_name):
        assert Booking.objects.get(pk=mine.booking_id).outcome == ""


def test_another_departments_liaison_cannot_record_the_outcome(hub_client, park_a):
    hub_day, booking = attended_yesterday(park_a)
    log_in(hub_client, "other_liaison")
    response = hub_client.post(outcome_url(hub_day, booking), {"outcome": "resolved"})
    assert response.status_code == 404
    assert booking_in(park_a, booking).outcome == ""


def test_a_district_admin_views_but_does_not_record_outcomes(hub_client, park_a):
    hub_day, booking = attended_yesterday(park_a)
    log_in(hub_client, "district_admin")
    page = hub_client.get(f"/service-days/{hub_day.pk}/")
    assert page.status_code == 200
    assert all(row.outcome_form is None for row in page.context["groups"][0]["bookings"])
    response = hub_client.post(outcome_url(hub_day, booking), {"outcome": "resolved"})
    assert response.status_code == 403
    assert booking_in(park_a, booking).outcome == ""


# Setting up a day from the hub


def day_form(park, **fields) -> dict:
    date = timezone.now().astimezone(SHANGHAI).date() + datetime.timedelta(days=10)
    data = {
        "park": park.pk,
        "title": f"区级服务日 {uuid.uuid4().hex[:8]}",
        "date": date.isoformat(),
        "start_time": "09:00",
        "end_time": "11:00",
        "place": "园区服务中心",
        "departments": [department("工信局").pk],
        "slot_minutes": 30,
        "seats_per_slot": 2,
        "bookings_per_enterprise": 1,
        "booking_opens_at": f"{date - datetime.timedelta(days=7)}T09:00",
        "booking_closes_at": f"{date - datetime.timedelta(days=1)}T18:00",
        "topics": "政策解读",
        "description": "",
        "publish": "on",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(fields)
    return data


def days_titled(park, title) -> int:
    with schema_context(park.schema_name):
        return ServiceDay.objects.filter(title=title).count()


def test_a_district_admin_sets_up_a_day_in_one_park(hub_client, park_a, park_b):
    log_in(hub_client, "district_admin")
    data = day_form(park_a)
    response = hub_client.post("/service-days/new/", data)
    assert response.status_code == 302
    with schema_context(park_a.schema_name):
        day = ServiceDay.objects.get(title=data["title"])
        assert day.status == "published"
        assert day.created_by_name == "district_admin"
        assert day.slots.count() == 4
    assert days_titled(park_b, data["title"]) == 0
    # It shows in the hub at once.
    copy = HubServiceDay.objects.get(park=park_a, day_id=day.pk)
    assert copy.title == data["title"]


def test_a_liaison_sets_up_a_draft_day_their_department_hosts(hub_client, park_b):
    log_in(hub_client, "liaison")
    assert hub_client.get("/service-days/new/").status_code == 200
    data = day_form(park_b, publish="")
    assert hub_client.post("/service-days/new/", data).status_code == 302
    with schema_context(park_b.schema_name):
        assert ServiceDay.objects.get(title=data["title"]).status == "draft"


def test_a_liaison_cannot_set_up_a_day_for_another_department(hub_client, park_a):
    log_in(hub_client, "liaison")
    data = day_form(park_a, departments=[department("科创局").pk])
    response = hub_client.post("/service-days/new/", data)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["departments"]
    assert days_titled(park_a, data["title"]) == 0


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("end_time", {"end_time": "08:00"}),
        (
            "date",
            # Booking closed before that date too: only the date is wrong.
            {
                "date": "2020-01-01",
                "booking_opens_at": "2019-12-20T09:00",
                "booking_closes_at": "2019-12-30T18:00",
            },
        ),
    ],
)
def test_bad_input_creates_nothing(hub_client, park_a, field, change):
    log_in(hub_client, "district_admin")
    data = day_form(park_a, **change)
    response = hub_client.post("/service-days/new/", data)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert days_titled(park_a, data["title"]) == 0
    assert not HubServiceDay.objects.filter(title=data["title"]).exists()


def test_a_follow_up_filed_as_an_appeal_shows_its_number_and_no_outcome_form(hub_client, park_a):
    from django.contrib.auth import get_user_model

    from servicedays.services.attendance import booking_follow_up_appeal, booking_outcome_record

    from ..appeals.helpers import category

    hub_day, booking = attended_yesterday(park_a)
    with schema_context(park_a.schema_name):
        booking = booking_outcome_record(
            booking=booking, outcome="follow_up", note="需出具评估机构名单", by_name="窗口"
        )
        appeal = booking_follow_up_appeal(
            booking=booking,
            by=get_user_model().objects.get(username="window_staff"),
            category=category(),
            title="服务日跟进",
            description="需出具评估机构名单",
            contact_name="王芳",
            contact_mobile="13800138001",
        )
        hubsync.day_sync_deliver(day_id=hub_day.day_id)
    assert hub_day.bookings.get(booking_id=booking.pk).appeal_number == appeal.tracking_number
    log_in(hub_client, "liaison")
    page = hub_client.get(f"/service-days/{hub_day.pk}/")
    assert appeal.tracking_number in page.content.decode()
    assert page.context["groups"][0]["bookings"][0].outcome_form is None
    # The page was read before the appeal was filed: the service refuses (has_appeal), which the
    # page shows as an error, not as a fresh form (that is for an outcome changed meanwhile).
    stale = hub_client.post(outcome_url(hub_day, booking), {"outcome": "resolved", "seen": ""})
    assert stale.status_code == 400
    assert booking_in(park_a, booking).outcome == "follow_up"
