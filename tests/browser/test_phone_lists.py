"""Every list page on a 390 px phone, as the persona who works with it: rows read as cards,
nothing scrolls sideways, the first tracking number stays on one line, and axe finds nothing
serious. From tablet width up the lists are real tables again."""

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from onewindow.models import Case, HubBooking, Liaison
from servicedays.models import SHANGHAI, Booking, ServiceDay

from .conftest import PHONE, assert_accessible
from .test_appeal_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARK = "dayun"
# A row with content: a table row with labelled cells, or a card with a heading (the
# empty-list card has none).
ROWS = "main table.list tbody tr:has(td[data-label]), main .card-list > .card:has(h2, h3)"
FITS = """() => document.documentElement.scrollWidth <= window.innerWidth
    && [...document.querySelectorAll('.table-wrap')].every(w => w.scrollWidth <= w.clientWidth)"""
ONE_LINE = """el => {
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    return el.getClientRects().length === 1 && el.getBoundingClientRect().height < 1.5 * line;
}"""


def _today():
    return timezone.now().astimezone(SHANGHAI).date()


def _upcoming_day() -> str:
    with schema_context(PARK):
        day = ServiceDay.objects.filter(status="published", date__gte=_today()).first()
    return f"/service-days/{day.pk}/"


def _past_day_with_bookings() -> str:
    with schema_context(PARK):
        booking = Booking.objects.filter(service_day__date__lt=_today()).first()
    return f"/office/service-days/{booking.service_day_id}/"


def _hub_booking() -> HubBooking:
    return HubBooking.objects.filter(status="attended").select_related("hub_day").first()


def _liaison() -> str:
    """The liaison of a department that has cases and service-day bookings."""
    department = _hub_booking().department_id
    assert Case.objects.filter(department_id=department).exists()
    return Liaison.objects.filter(department_id=department).first().user.username


# (page, host, persona, path, has a tracking number)
PAGES = [
    ("window queue", PARK, "window", lambda: "/office/appeals/", True),
    ("own appeals", PARK, "enterprise", lambda: "/appeals/", True),
    ("office service days", PARK, "window", lambda: "/office/service-days/", False),
    ("office day attendance", PARK, "window", _past_day_with_bookings, False),
    ("service-day calendar", PARK, "enterprise", lambda: "/service-days/", False),
    ("service-day seats", PARK, "enterprise", _upcoming_day, False),
    ("own bookings", PARK, "enterprise", lambda: "/service-days/mine/", False),
    ("park notifications", PARK, "enterprise", lambda: "/notifications/", False),
    ("hub cases", "hub", _liaison, lambda: "/cases/", True),
    ("arbitration", "hub", "admin", lambda: "/arbitration/", True),
    ("hub service days", "hub", _liaison, lambda: "/service-days/", False),
    (
        "hub day bookings",
        "hub",
        _liaison,
        lambda: f"/service-days/{_hub_booking().hub_day_id}/",
        False,
    ),
    ("hub notifications", "hub", _liaison, lambda: "/notifications/", False),
]


@pytest.mark.parametrize(
    ("host", "persona", "path", "numbered"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES]
)
def test_list_page_fits_a_phone(demo_site, phone, host, persona, path, numbered):
    base = demo_site.format(host="localhost" if host == "hub" else f"{host}.localhost")
    log_in(phone, base, persona() if callable(persona) else persona)
    phone.goto(base + path())
    # Some row to lay out: how many depends on the demo's clock (today) and on what earlier
    # browser tests committed, and the layout checks below do not depend on it.
    assert phone.locator(ROWS).count() >= 1
    assert phone.evaluate(FITS) is True
    if numbered:
        assert phone.locator("main .tracking-number").first.evaluate(ONE_LINE) is True
    assert_accessible(phone)


def test_rows_are_cards_on_a_phone_and_a_table_on_a_wide_screen(demo_site, browser):
    base = demo_site.format(host=f"{PARK}.localhost")
    page = browser.new_context(viewport=PHONE, is_mobile=True, locale="zh-CN").new_page()
    log_in(page, base, "window")
    page.goto(base + "/office/appeals/")
    row, cell = (
        page.locator("main table.list tbody tr").first,
        page.locator("main table.list td").first,
    )
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    assert cell.evaluate("el => getComputedStyle(el, '::before').content") == '"受理编号"'
    assert page.locator("main table.list thead").bounding_box()["height"] <= 1
    assert page.get_by_role("columnheader", name="窗口受理时限").count() == 1

    page.set_viewport_size({"width": 1024, "height": 768})
    assert row.evaluate("el => getComputedStyle(el).display") == "table-row"
    assert cell.evaluate("el => getComputedStyle(el, '::before').content") == "none"
    assert page.get_by_role("columnheader", name="窗口受理时限").is_visible() is True
    page.context.close()
