"""What a service day and a booking say about themselves: their status properties and the
actions a person may take now, which the pages show (the services check again)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role, User
from enterprises.models import Enterprise
from servicedays.models import SHANGHAI, Booking, ServiceDay

NOW = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)
DayAction = ServiceDay.Action
BookingAction = Booking.Action


def user(role: str, pk: int = 1) -> User:
    return User(pk=pk, username=f"{role}-{pk}", role=role)


def day(status: str = ServiceDay.Status.PUBLISHED, *, in_days: int = 7) -> ServiceDay:
    """A day `in_days` from NOW, 9:00–11:00, booking open from yesterday until two days before."""
    date = (NOW + datetime.timedelta(days=in_days)).date()
    return ServiceDay(
        title="企业服务日",
        date=date,
        start_time=datetime.time(9),
        end_time=datetime.time(11),
        booking_opens_at=NOW - datetime.timedelta(days=1),
        booking_closes_at=datetime.datetime.combine(
            date - datetime.timedelta(days=2), datetime.time(18), tzinfo=SHANGHAI
        ),
        status=status,
    )


def booking(status: str = Booking.Status.CONFIRMED, *, on=None, owner_pk: int = 1, **fields):
    owner = Enterprise(account=user(Role.ENTERPRISE, owner_pk), name="测试企业")
    return Booking(service_day=on or day(), enterprise=owner, status=status, **fields)


def test_a_cancelled_day_is_cancelled_and_a_published_one_is_not():
    assert day(ServiceDay.Status.CANCELLED).is_cancelled
    assert not day(ServiceDay.Status.PUBLISHED).is_cancelled


def test_a_draft_day_is_a_draft_and_a_published_one_is_not():
    assert day(ServiceDay.Status.DRAFT).is_draft
    assert not day(ServiceDay.Status.PUBLISHED).is_draft


@pytest.mark.parametrize("role", [Role.WINDOW_STAFF, Role.PARK_OPERATOR])
def test_the_office_may_publish_and_cancel_a_draft(role):
    assert day(ServiceDay.Status.DRAFT).allowed_actions(user(role), NOW) == {
        DayAction.PUBLISH,
        DayAction.CANCEL,
    }


def test_a_published_day_can_be_cancelled_but_not_published_again():
    actions = day(ServiceDay.Status.PUBLISHED).allowed_actions(user(Role.WINDOW_STAFF), NOW)
    assert actions == {DayAction.CANCEL}


@pytest.mark.parametrize("status", [ServiceDay.Status.CANCELLED, ServiceDay.Status.COMPLETED])
def test_a_cancelled_or_completed_day_offers_nothing(status):
    assert day(status).allowed_actions(user(Role.WINDOW_STAFF), NOW) == frozenset()


def test_a_day_that_has_begun_can_no_longer_be_cancelled():
    begun = day(ServiceDay.Status.PUBLISHED, in_days=0)
    assert begun.allowed_actions(user(Role.WINDOW_STAFF), begun.starts_at) == frozenset()


@pytest.mark.parametrize(
    "person",
    [
        user(Role.ENTERPRISE),
        user(Role.CONTENT_MANAGER),
        user(Role.LIAISON),
        user(Role.DISTRICT_ADMIN),
        AnonymousUser(),
    ],
)
def test_no_one_but_the_office_may_publish_or_cancel_a_day(person):
    assert day(ServiceDay.Status.DRAFT).allowed_actions(person, NOW) == frozenset()


def test_a_confirmed_booking_is_confirmed_and_a_cancelled_one_is_not():
    assert booking(Booking.Status.CONFIRMED).is_confirmed
    assert not booking(Booking.Status.CANCELLED).is_confirmed


def test_the_enterprise_may_cancel_or_move_its_confirmed_booking_while_booking_is_open():
    actions = booking().allowed_actions(user(Role.ENTERPRISE), NOW)
    assert actions == {BookingAction.CANCEL, BookingAction.MOVE}


def test_after_the_cutoff_the_enterprise_may_do_nothing():
    closed = day()
    after = closed.booking_closes_at
    assert booking(on=closed).allowed_actions(user(Role.ENTERPRISE), after) == frozenset()


def test_the_enterprise_may_still_cancel_when_booking_is_not_open_yet():
    later = day()
    later.booking_opens_at = NOW + datetime.timedelta(hours=1)
    assert booking(on=later).allowed_actions(user(Role.ENTERPRISE), NOW) == {BookingAction.CANCEL}


@pytest.mark.parametrize(
    "status", [Booking.Status.CANCELLED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW]
)
def test_a_booking_that_is_not_confirmed_offers_the_enterprise_nothing(status):
    assert booking(status).allowed_actions(user(Role.ENTERPRISE), NOW) == frozenset()


def test_another_enterprise_may_do_nothing_to_the_booking():
    assert booking(owner_pk=1).allowed_actions(user(Role.ENTERPRISE, pk=2), NOW) == frozenset()


@pytest.mark.parametrize("role", [Role.WINDOW_STAFF, Role.PARK_OPERATOR])
def test_the_office_may_check_a_confirmed_booking_in_on_the_day(role):
    today = day(in_days=0)
    assert booking(on=today).allowed_actions(user(role), NOW) == {BookingAction.CHECK_IN}


def test_the_office_may_not_check_in_before_the_day():
    assert booking(on=day(in_days=1)).allowed_actions(user(Role.WINDOW_STAFF), NOW) == frozenset()


def test_the_office_may_record_the_outcome_once_the_enterprise_came():
    came = booking(Booking.Status.ATTENDED, on=day(in_days=0))
    assert came.allowed_actions(user(Role.WINDOW_STAFF), NOW) == {BookingAction.RECORD_OUTCOME}


def test_a_follow_up_may_become_an_appeal():
    follow_up = booking(Booking.Status.ATTENDED, outcome=Booking.Outcome.FOLLOW_UP)
    assert follow_up.allowed_actions(user(Role.WINDOW_STAFF), NOW) == {
        BookingAction.RECORD_OUTCOME,
        BookingAction.FILE_APPEAL,
    }


def test_a_resolved_outcome_needs_no_appeal():
    resolved = booking(Booking.Status.ATTENDED, outcome=Booking.Outcome.RESOLVED)
    actions = resolved.allowed_actions(user(Role.WINDOW_STAFF), NOW)
    assert BookingAction.FILE_APPEAL not in actions


def test_once_filed_as_an_appeal_the_outcome_is_settled():
    filed = booking(Booking.Status.ATTENDED, outcome=Booking.Outcome.FOLLOW_UP, appeal_id=7)
    assert filed.allowed_actions(user(Role.WINDOW_STAFF), NOW) == frozenset()


@pytest.mark.parametrize(
    "person",
    [user(Role.CONTENT_MANAGER), user(Role.LIAISON), user(Role.DISTRICT_ADMIN), AnonymousUser()],
)
def test_no_one_else_may_act_on_a_booking(person):
    today = booking(on=day(in_days=0))
    assert today.allowed_actions(person, NOW) == frozenset()


def test_the_enterprise_is_not_offered_the_windows_actions():
    today = booking(on=day(in_days=0))
    assert BookingAction.CHECK_IN not in today.allowed_actions(user(Role.ENTERPRISE), NOW)
