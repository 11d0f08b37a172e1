"""Working-day deadlines on the official calendar, with 调休 and district overrides."""

import datetime

import pytest

from core.workdays import WorkingCalendar, uncovered_years

D = datetime.date
calendar = WorkingCalendar()


def test_the_start_day_never_counts():
    assert calendar.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 24)  # Mon → Tue


def test_a_friday_start_is_due_on_monday():
    assert calendar.add_working_days(D(2026, 11, 27), 1) == D(2026, 11, 30)


def test_national_day_holiday_is_skipped():
    # 2026-09-30 (Wed): Oct 1–7 are off, Oct 8 is the first working day after.
    assert calendar.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)


def test_a_make_up_saturday_counts_as_a_working_day():
    # 2026-10-10 is a Saturday worked in exchange for the National Day holiday (调休).
    assert calendar.is_working_day(D(2026, 10, 10))
    assert calendar.add_working_days(D(2026, 10, 9), 1) == D(2026, 10, 10)


def test_a_clock_started_on_a_holiday_counts_from_the_next_working_day():
    assert calendar.add_working_days(D(2026, 10, 3), 3) == D(2026, 10, 10)


def test_five_working_days_across_the_holiday_and_make_up_day():
    # Sep 30 → Oct 8, 9, 10 (Sat, 调休), 12, 13.
    assert calendar.add_working_days(D(2026, 9, 30), 5) == D(2026, 10, 13)


def test_a_district_override_wins_over_the_official_calendar():
    with_typhoon_day = WorkingCalendar(overrides={D(2026, 11, 24): False})
    assert with_typhoon_day.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 25)


def test_a_year_the_package_does_not_cover_falls_back_to_weekdays_and_overrides():
    assert uncovered_years([2026, 2099]) == [2099]
    fallback = WorkingCalendar(overrides={D(2099, 1, 1): False})
    assert fallback.add_working_days(D(2098, 12, 31), 1) == D(2099, 1, 2)  # Thu off → Fri
    assert not fallback.is_working_day(D(2099, 1, 3))  # Saturday


def test_a_request_for_information_pauses_the_department_clock():
    due = D(2026, 11, 30)
    # Asked on Wed 25th, answered Fri 27th: Thu and Fri are paused → due two working days later.
    assert calendar.due_after_pause(due, requested=D(2026, 11, 25), replied=D(2026, 11, 27)) == D(
        2026, 12, 2
    )


def test_a_reply_on_the_day_of_the_request_moves_nothing():
    due = D(2026, 11, 30)
    assert calendar.due_after_pause(due, requested=D(2026, 11, 25), replied=D(2026, 11, 25)) == due


def test_a_clock_needs_at_least_one_day():
    with pytest.raises(ValueError, match="at least 1"):
        calendar.add_working_days(D(2026, 11, 23), 0)


def test_overrides_are_loaded_from_the_hub(db):
    from onewindow.models import CalendarOverride

    CalendarOverride.objects.create(date=D(2026, 11, 24), is_working_day=False, note="台风停工")
    assert not WorkingCalendar.load().is_working_day(D(2026, 11, 24))


def test_district_admins_are_warned_about_an_uncovered_year(hub_client, monkeypatch):
    from tests.conftest import log_in

    monkeypatch.setattr("core.workdays.year_is_covered", lambda year: year < 2027)
    log_in(hub_client, "district_admin")
    body = hub_client.get("/").content.decode()
    assert "2027" in body
    assert "节假日" in body


def test_liaisons_see_no_calendar_warning(hub_client, monkeypatch):
    from tests.conftest import log_in

    monkeypatch.setattr("core.workdays.year_is_covered", lambda year: False)
    log_in(hub_client, "liaison")
    assert "节假日" not in hub_client.get("/").content.decode()
