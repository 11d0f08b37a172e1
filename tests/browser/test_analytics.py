"""A district admin appraises the departments on the demo data: dashboard, filter by park,
drill down from one department's on-time rate to the cases it counts, and the late case's facts.
On a desktop screen and on a phone, with axe on every page."""

import datetime
import re

import pytest
from django.db.models import Count

from demo.parks import DEMO_PASSWORD
from onewindow.models import Case

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DESKTOP = {"width": 1366, "height": 900}


def log_in(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("账号").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def a_late_answer() -> Case:
    """A demo case whose first answer came after its due date, in the park with most such."""
    late = Case.objects.filter(on_time=False).select_related("park", "answered_department")
    assert late.exists(), "the demo must have a late answer to appraise"
    busiest = late.values("park").annotate(n=Count("id")).order_by("-n", "park")[0]["park"]
    return late.filter(park=busiest).order_by("-submitted_on", "id").first()


def fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_district_admin_drills_from_a_department_s_on_time_rate_to_a_late_case(
    demo_site, browser, screen
):
    viewport = DESKTOP if screen == "desktop" else {"width": 390, "height": 844}
    context = browser.new_context(
        viewport=viewport, is_mobile=screen == "phone", has_touch=screen == "phone", locale="zh-CN"
    )
    page = context.new_page()
    hub = demo_site.format(host="localhost")
    case = a_late_answer()
    department = case.answered_department
    year = case.submitted_on.year
    counted = Case.objects.filter(
        park=case.park,
        answered_department=department,
        submitted_on__gte=datetime.date(year, 1, 1),
        submitted_on__lte=datetime.date(year, 12, 31),
    )

    log_in(page, hub, "admin")
    page.get_by_role("link", name="数据分析").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "诉求数据分析与绩效考核"
    assert page.locator(".kpi").count() == 8
    assert_accessible(page)
    fits(page, viewport["width"])

    page.get_by_label("周期", exact=True).select_option("year")
    page.get_by_label("周期内的日期", exact=True).fill(f"{year}-06-01")
    page.get_by_label("园区", exact=True).select_option(label=case.park.name)
    page.get_by_role("button", name="显示").click()
    page.wait_for_load_state()
    assert f"park={case.park.pk}" in page.url  # the view can be bookmarked and shared
    page.wait_for_selector(".chart-canvas svg")  # ECharts drew the charts

    row = page.locator("#departments tbody tr", has_text=department.name)
    on_time = row.locator("td").nth(3)  # rank, appeals, response rate, then the on-time rate
    shown_rate = on_time.inner_text()
    on_time.get_by_role("link").click()
    page.wait_for_load_state()

    assert page.locator(".count").inner_text() == f"{counted.count()} 件"
    listed = set(re.findall(r"[A-Z]{2,6}-\d{8}-\d{4}", page.locator("table").inner_text()))
    expected = set(counted.values_list("tracking_number", flat=True)[:50])
    assert listed == expected
    late = counted.filter(on_time=False).count()
    assert shown_rate == f"{(counted.count() - late) / counted.count():.1%}"
    assert_accessible(page)
    fits(page, viewport["width"])

    page.get_by_role("link", name=case.tracking_number).click()
    page.wait_for_load_state()
    facts = page.locator("#appraisal")
    assert "逾期" in facts.inner_text()
    assert case.first_answer_due.isoformat() in facts.inner_text()
    assert department.name in facts.inner_text()
    assert_accessible(page)
    fits(page, viewport["width"])
    context.close()


def test_the_monthly_report_prints_without_javascript(demo_site, browser):
    hub = demo_site.format(host="localhost")
    without_js = browser.new_context(viewport=DESKTOP, java_script_enabled=False, locale="zh-CN")
    page = without_js.new_page()
    log_in(page, hub, "admin")

    page.goto(hub + "/analytics/report/")

    assert page.locator("h1").inner_text().startswith("诉求办理考核月报")
    assert page.locator("figure svg").count() == 2
    assert page.locator("table.scorecard").count() >= 3
    without_js.close()
    # axe runs as a script: the same page, checked in a context that runs it.
    checked = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = checked.new_page()
    log_in(page, hub, "admin")
    page.goto(hub + "/analytics/report/")
    assert_accessible(page)
    checked.close()


def test_window_staff_see_their_park_on_a_phone(demo_site, phone):
    park = demo_site.format(host="dayun.localhost")
    log_in(phone, park, "window")

    phone.get_by_role("link", name="数据分析").click()
    phone.wait_for_load_state()

    assert phone.locator("h1").inner_text() == "大运软件小镇数据分析"
    assert phone.locator("#staff tbody tr").count() >= 1
    assert_accessible(phone)
    fits(phone, 390)


def test_a_liaison_sees_their_department_against_the_district_on_a_phone(demo_site, phone):
    hub = demo_site.format(host="localhost")
    log_in(phone, hub, "liaison-gxj")

    phone.get_by_role("link", name="部门考核").click()
    phone.wait_for_load_state()

    assert phone.locator("h1").inner_text() == "工业和信息化局考核情况"
    headers = phone.locator("#department thead th").all_inner_texts()
    assert headers[1:] == ["本部门", "全区（所有部门）"]
    assert_accessible(phone)
    fits(phone, 390)
