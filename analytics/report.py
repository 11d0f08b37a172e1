"""The monthly appraisal report (月度考核报告): a printable page that needs no JavaScript (its
charts are SVG drawn here), e-mailed to the district admins on the first working day of the
next month."""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core.workdays import WorkingCalendar
from tenants.selectors import hub_link

from . import dashboard as boards
from .models import MonthlyReport
from .scope import Scope, period_bounds
from .svg import bar_chart_svg, line_chart_svg

logger = logging.getLogger(__name__)


def report_month(text: str | None, *, today: datetime.date) -> datetime.date | None:
    """The month asked for as YYYY-MM (default: last month); None for a month not over yet or
    not a month."""
    if not text:
        return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    try:
        year, number = (int(part) for part in text.split("-"))
        month = datetime.date(year, number, 1)
    except ValueError:
        return None
    return month if month < today.replace(day=1) else None


def monthly_report(month: datetime.date) -> dict:
    """What the report shows for `month` (its first day)."""
    start, end = period_bounds("month", month)
    scope = Scope(period="month", start=start, end=end)
    board = boards.district_dashboard(scope)
    departments = board.tables["departments"]
    on_time_index = departments.headers.index(boards.metric_labels()["on_time"])
    trend = board.trend
    return {
        "board": board,
        "scope": scope,
        "month": month,
        "departments_svg": bar_chart_svg(
            [row[1].text for row in departments.rows],
            [row[on_time_index].number for row in departments.rows],
            title=_("On-time rate by department"),
            unit="%",
        ),
        "trend_svg": line_chart_svg(
            [row[0].text for row in trend.rows],
            [
                (trend.headers[i], [c.number for c in trend.column(i)])
                for i in range(2, len(trend.headers))
            ],
            title=_("Monthly trend"),
            unit="%",
        ),
        "tables": [
            board.tables[name]
            for name in ("departments", "parks", "windows", "servicedays_parks", "rising")
            if name in board.tables
        ],
    }


def first_working_day(month: datetime.date, calendar: WorkingCalendar) -> datetime.date:
    day = month.replace(day=1)
    while not calendar.is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def monthly_report_send(*, today: datetime.date | None = None) -> bool:
    """On the first working day of a month, e-mail last month's report to the district admins,
    once (a row per month records it). True if it was sent now."""
    today = today or timezone.localdate()
    if today != first_working_day(today, WorkingCalendar.load()):
        return False
    month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    recipients = list(
        User.objects.filter(role=Role.DISTRICT_ADMIN, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    try:
        with transaction.atomic():
            MonthlyReport.objects.create(month=month, recipients=len(recipients))
            if recipients:
                _mail(month, recipients)
    except IntegrityError:
        return False  # sent already (beat ran twice, or two beats)
    return True


def _mail(month: datetime.date, recipients: list[str]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = monthly_report(month)
        context["report_url"] = hub_link("analytics:report") + f"?month={month:%Y-%m}"
        subject = _("Appeal appraisal report for %(month)s") % {"month": f"{month:%Y-%m}"}
        text = render_to_string("analytics/report_email.txt", context)
        html = render_to_string("analytics/report_body.html", context)
    send_mail(subject, text, None, recipients, html_message=html)
