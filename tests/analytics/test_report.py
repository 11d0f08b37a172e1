"""The monthly appraisal report: the printable page and the e-mail on the first working day."""

import datetime

import pytest
from django.core import mail

from accounts.models import User
from analytics.models import MonthlyReport
from analytics.report import first_working_day, monthly_report_send, report_month
from core.workdays import WorkingCalendar
from tests.conftest import host_client, log_in

# February 2026: Sunday the 1st; Monday the 2nd is the first working day. October 2026: the
# National Day holiday runs 1-7 October; Thursday the 8th is the first working day.


@pytest.fixture
def admin_with_mail(park_a):
    MonthlyReport.objects.all().delete()
    admin = User.objects.get(username="district_admin")
    admin.email = "chen@longgang.example.gov.cn"
    admin.save(update_fields=["email"])
    return admin


def test_the_first_working_day_follows_the_official_calendar(db):
    calendar = WorkingCalendar.load()

    assert first_working_day(datetime.date(2026, 2, 1), calendar) == datetime.date(2026, 2, 2)
    assert first_working_day(datetime.date(2026, 10, 1), calendar) == datetime.date(2026, 10, 8)
    assert first_working_day(datetime.date(2026, 6, 1), calendar) == datetime.date(2026, 6, 1)


def test_the_report_is_mailed_once_on_the_first_working_day(admin_with_mail):
    assert monthly_report_send(today=datetime.date(2026, 2, 1)) is False  # a Sunday
    assert mail.outbox == []

    assert monthly_report_send(today=datetime.date(2026, 2, 2)) is True
    assert monthly_report_send(today=datetime.date(2026, 2, 2)) is False  # beat ran again

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    admins = User.objects.filter(role="district_admin", is_active=True).exclude(email="")
    assert sorted(message.to) == sorted(admins.values_list("email", flat=True))
    assert "chen@longgang.example.gov.cn" in message.to
    assert message.subject == "诉求办理考核月报（2026-01）"
    assert "/analytics/report/?month=2026-01" in message.body
    assert MonthlyReport.objects.get().month == datetime.date(2026, 1, 1)


def test_no_report_on_a_later_working_day(admin_with_mail):
    assert monthly_report_send(today=datetime.date(2026, 2, 3)) is False
    assert mail.outbox == []
    assert not MonthlyReport.objects.exists()


def test_only_a_month_that_is_over_can_be_reported():
    today = datetime.date(2026, 12, 5)

    assert report_month(None, today=today) == datetime.date(2026, 11, 1)
    assert report_month("2026-11", today=today) == datetime.date(2026, 11, 1)
    assert report_month("2026-12", today=today) is None
    assert report_month("2026-13", today=today) is None
    assert report_month("last month", today=today) is None


def test_the_report_page_needs_no_script_and_draws_svg(admin_with_mail):
    client = host_client("localhost")
    log_in(client, "district_admin")

    response = client.get("/analytics/report/?month=2026-01")

    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("<svg") == 2
    assert "<script" not in text
    assert "诉求办理考核月报（2026-01）" in text


def test_a_month_not_over_is_not_found(admin_with_mail):
    client = host_client("localhost")
    log_in(client, "district_admin")

    assert client.get("/analytics/report/?month=2999-01").status_code == 404
