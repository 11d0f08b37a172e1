"""On the day, in a real browser on the window's phone: the window types an enterprise's
check-in code, checks it in, records that follow-up is needed and turns it into an appeal in one
step; the appeal links back to the booking."""

import datetime
import re
import uuid

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from servicedays.models import Booking
from servicedays.services.attendance import FOLLOW_UP_NAMESPACE

from .conftest import PHONE, assert_accessible
from .test_appeal_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def todays_booking(demo_site, django_db_blocker) -> str:
    """A booking of Baolong's persona enterprise for a day that is today (committed)."""
    from enterprises.models import Enterprise
    from onewindow.models import Department
    from servicedays.models import SHANGHAI
    from servicedays.services.bookings import booking_create
    from servicedays.services.days import service_day_create

    past = timezone.now() - datetime.timedelta(days=3)
    today = timezone.now().astimezone(SHANGHAI).date()
    with django_db_blocker.unblock(), schema_context("baolong"):
        day = service_day_create(
            title="专利质押融资现场咨询日",
            date=today,
            start_time=datetime.time(9),
            end_time=datetime.time(10),
            place="宝龙园区服务中心2楼",
            departments=[Department.objects.get(short_name="工信局")],
            booking_opens_at=past - datetime.timedelta(days=1),
            booking_closes_at=past + datetime.timedelta(days=1),
            status="published",
            now=past,
        )
        enterprise = Enterprise.objects.get(account__username="enterprise")
        booking = booking_create(
            slot=day.slots.first(),
            enterprise=enterprise,
            by=enterprise.account,
            topic="专利质押融资",
            question="银行认可哪些专利评估机构？",
            now=past,
        )
    return booking.code


def test_check_in_outcome_and_follow_up_appeal_on_a_phone(demo_site, todays_booking, browser):
    park = demo_site.format(host="baolong.localhost")
    window = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN"
    ).new_page()
    log_in(window, park, "window")
    window.locator(".site-nav").get_by_role("link", name="企业服务日").click()
    window.wait_for_load_state()
    assert_accessible(window)
    typed = f"{todays_booking[:5].lower()}-{todays_booking[5:].lower()}"  # as read out
    window.get_by_label("预约签到码").fill(typed)
    window.get_by_role("button", name="查找预约").click()
    window.wait_for_load_state()
    assert "银行认可哪些专利评估机构？" in window.content()
    window.get_by_role("button", name="签到", exact=True).click()
    window.wait_for_load_state()
    assert "已签到" in window.content()
    assert_accessible(window)

    window.get_by_label("需后续跟进").check()
    window.get_by_label(re.compile("^备注")).fill("需工信局提供认可的评估机构名单")
    window.get_by_role("button", name="登记办理结果").click()
    window.wait_for_load_state()
    assert "办理结果已登记" in window.content()
    assert (
        "需工信局提供认可的评估机构名单"
        in window.get_by_label(re.compile("^诉求内容")).input_value()
    )
    window.get_by_label(re.compile("^诉求类别")).select_option(label="融资服务")
    window.get_by_role("button", name="登记诉求").click()
    window.wait_for_load_state()
    assert "已转为诉求" in window.content()
    assert window.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(window)

    with schema_context("baolong"):
        booking = Booking.objects.select_related("appeal").get(code=todays_booking)
    assert booking.status == "attended"
    # The appeal filed from this booking (its form key is derived from the booking's code).
    assert booking.appeal.submission_key == uuid.uuid5(FOLLOW_UP_NAMESPACE, booking.code)
    assert (booking.appeal.enterprise_id, booking.appeal.filed_at_window) == (
        booking.enterprise_id,
        True,
    )
    window.get_by_role("link", name=booking.appeal.tracking_number).click()
    window.wait_for_load_state()
    assert "来自企业服务日" in window.content()
    window.context.close()
