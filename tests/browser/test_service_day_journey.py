"""The service-day journey in a real browser: window staff set up a day with one seat per slot,
enterprise A books the last seat, enterprise B joins the waitlist, A cancels, B is promoted and
sees it, and the department's liaison finds B's question in the hub. A real Celery worker
carries the changes to the hub."""

import datetime
import re
import uuid

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from onewindow.models import HubBooking
from servicedays.models import SHANGHAI, Booking, WaitlistEntry

from .conftest import PHONE, assert_accessible
from .test_appeal_journey import log_in, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_CONTEXT = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}


def set_up_day(window, park: str, title: str) -> None:
    date = timezone.now().astimezone(SHANGHAI).date() + datetime.timedelta(days=6)
    opens = timezone.now().astimezone(SHANGHAI) - datetime.timedelta(hours=1)
    window.locator(".site-nav").get_by_role("link", name="企业服务日").click()
    window.get_by_role("link", name="创建企业服务日").click()
    window.wait_for_load_state()
    assert_accessible(window)
    window.get_by_label(re.compile("^标题")).fill(title)
    window.get_by_label(re.compile("^日期")).fill(date.isoformat())
    window.get_by_label(re.compile("^开始时间")).fill("09:00")
    window.get_by_label(re.compile("^结束时间")).fill("09:30")
    window.get_by_label(re.compile("^地点")).fill("综合服务中心3楼路演厅")
    window.get_by_label("工业和信息化局").check()
    window.get_by_label(re.compile("^时段时长（分钟）")).fill("30")
    window.get_by_label(re.compile("^每个部门每个时段的名额")).fill("1")
    window.get_by_label(re.compile("^预约开始时间")).fill(opens.strftime("%Y-%m-%dT%H:%M"))
    window.get_by_label(re.compile("^预约截止时间")).fill(
        f"{date - datetime.timedelta(days=1)}T18:00"
    )
    window.get_by_role("button", name="保存").click()
    window.wait_for_load_state()
    assert "企业服务日已创建" in window.content()


def book_the_slot(page, park: str, title: str, question: str) -> None:
    page.goto(park + "/service-days/")
    page.get_by_role("link", name=title).click()
    page.wait_for_load_state()
    page.get_by_label("09:00–09:30", exact=False).check()
    page.get_by_label("主题").fill("专利质押融资")
    page.get_by_label("您的问题").fill(question)
    page.get_by_role("button", name="预约", exact=True).click()
    page.wait_for_load_state()


@pytest.fixture(scope="module")
def second_enterprise(demo_site, django_db_blocker) -> str:
    """Another verified enterprise of Dayun that can log in (committed for the web server)."""
    from accounts.models import Role, User
    from accounts.services import user_create
    from demo.parks import DEMO_PASSWORD, demo_uscc
    from enterprises.models import Enterprise

    username = "sd-browser-b"
    with django_db_blocker.unblock(), schema_context("dayun"):
        if not User.objects.filter(username=username).exists():
            user = user_create(username=username, password=DEMO_PASSWORD, role=Role.ENTERPRISE)
            Enterprise.objects.create(
                account=user,
                name="深圳智芯专利运营有限公司",
                uscc=demo_uscc(7301),
                contact_name="陈静",
                mobile="13700007301",
                status=Enterprise.Status.VERIFIED,
            )
    return username


def test_last_seat_waitlist_promotion_and_the_liaisons_view(
    demo_site, second_enterprise, browser, celery_worker
):
    park = demo_site.format(host="dayun.localhost")
    hub = demo_site.format(host="localhost")
    title = f"知识产权专场 {uuid.uuid4().hex[:6]}"

    window = browser.new_context(locale="zh-CN").new_page()
    log_in(window, park, "window")
    set_up_day(window, park, title)

    first = browser.new_context(**PHONE_CONTEXT).new_page()
    log_in(first, park, "enterprise")
    book_the_slot(first, park, title, "银行对专利价值评估有哪些要求？")
    assert "预约成功" in first.content()
    assert first.locator(".qr svg").count() == 1
    assert first.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(first)

    second = browser.new_context(**PHONE_CONTEXT).new_page()
    log_in(second, park, second_enterprise)
    question = f"我们有 12 项发明专利，能否质押融资 500 万？{uuid.uuid4().hex[:4]}"
    book_the_slot(second, park, title, question)
    assert "该时段刚刚约满" in second.content()
    assert_accessible(second)
    second.get_by_role("button", name="加入候补", exact=True).click()
    second.wait_for_load_state()
    assert "您是第 1 位候补" in second.content()

    first.get_by_role("link", name="我的服务日预约").first.click()
    first.get_by_role("link", name=title).first.click()
    first.get_by_role("button", name="取消预约").click()
    first.wait_for_load_state()
    assert "您的预约已取消" in first.content()

    second.goto(park + "/service-days/mine/")
    card = second.locator(".card", has_text=title)
    assert "已预约" in card.inner_text()
    second.goto(park + "/notifications/")
    assert "候补成功" in second.content()
    with schema_context("dayun"):
        promoted = Booking.objects.get(service_day__title=title, status="confirmed")
        assert promoted.question == question
        assert WaitlistEntry.objects.get(slot=promoted.slot).status == "promoted"

    wait_for(lambda: HubBooking.objects.filter(question=question, status="confirmed").exists())
    liaison = browser.new_context(**PHONE_CONTEXT).new_page()
    log_in(liaison, hub, "liaison-gxj")
    liaison.locator(".site-nav").get_by_role("link", name="企业服务日").click()
    liaison.get_by_role("link", name=title).click()
    liaison.wait_for_load_state()
    assert question in liaison.content()
    assert_accessible(liaison)
    for page in (window, first, second, liaison):
        page.context.close()
