"""Role boundaries as the README draws them: site settings are the content managers', a
follow-up appeal in an enterprise's name is the window's, and a page under a view restriction
is never named where someone who may not see it looks (the anonymous home page is cached)."""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction, Site

from accounts.models import User
from appeals.models import Appeal
from cms.models import GuideIndexPage, GuidePage, ParkSettings
from servicedays.models import Booking
from servicedays.services.attendance import (
    booking_check_in,
    booking_follow_up_appeal,
    booking_outcome_record,
    follow_up_defaults,
)
from tests.appeals.helpers import category
from tests.cms import content
from tests.conftest import host_client, log_in
from tests.servicedays.helpers import book, day_create, first_slot, persona_enterprise

pytestmark = pytest.mark.django_db

SETTINGS_URL = "/admin/settings/cms/parksettings/"

# --- Site settings (园区站点设置): content managers only -------------------------------------


def _settings_edit_url(park) -> str:
    with schema_context(park.schema_name):
        return f"{SETTINGS_URL}{Site.objects.get(is_default_site=True).pk}/"


def _settings_form(phone: str) -> dict:
    return {
        "logo": "",
        "theme_colour": "",
        "address": "龙岗区园区大道1号",
        "phone": phone,
        "email": "",
        "service_hours": "工作日 9:00-18:00",
        "footer_links-count": "0",
    }


def _park_phone(park) -> str:
    with schema_context(park.schema_name):
        site = Site.objects.get(is_default_site=True)
        return ParkSettings.for_site(site).phone


def test_operators_cannot_open_the_site_settings(park_a, park_a_client):
    log_in(park_a_client, "park_operator")
    edit_url = _settings_edit_url(park_a)
    for url in (SETTINGS_URL, edit_url):
        response = park_a_client.get(url)
        # Wagtail answers a signed-in editor without the permission with its dashboard.
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/", url


def test_operators_cannot_change_the_site_settings(park_a, park_a_client):
    log_in(park_a_client, "park_operator")
    before = _park_phone(park_a)
    response = park_a_client.post(_settings_edit_url(park_a), _settings_form("0755-00000000"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert _park_phone(park_a) == before


def test_content_managers_change_the_site_settings(park_a, park_a_client):
    log_in(park_a_client, "content_manager")
    edit_url = _settings_edit_url(park_a)
    assert park_a_client.get(edit_url).status_code == 200
    response = park_a_client.post(edit_url, _settings_form("0755-28880000"))
    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert _park_phone(park_a) == "0755-28880000"


def test_existing_parks_operators_lose_the_site_settings_by_migration(park_a):
    migration = importlib.import_module("cms.migrations.0003_site_settings_by_content_managers")
    with schema_context(park_a.schema_name):
        change = Permission.objects.get(
            content_type__app_label="cms", codename="change_parksettings"
        )
        operators = Group.objects.get(name="园区运营")
        operators.permissions.add(change)  # as park_groups_ensure gave it before
        migration.operators_lose_site_settings(apps, None)
        assert not operators.permissions.filter(pk=change.pk).exists()
        assert Group.objects.get(name="内容管理员").permissions.filter(pk=change.pk).exists()
        operator = User.objects.get(username="park_operator")
        assert not operator.has_perm("cms.change_parksettings")


# --- Follow-up appeals (服务日跟进转诉求): the window's job ------------------------------------


@pytest.fixture
def follow_up(park_a) -> Booking:
    """A booking of today's service day whose outcome is "follow-up needed"."""
    with schema_context(park_a.schema_name):
        past = timezone.now() - datetime.timedelta(days=7)
        enterprise = persona_enterprise()
        booking = book(first_slot(day_create(now=past)), enterprise, now=past)
        booking_check_in(booking=booking, by_name="窗口")
        return booking_outcome_record(
            booking=booking,
            outcome="follow_up",
            note="需要工信局出具评估机构名单",
            by_name="工信局",
        )


def _follow_up_form(booking: Booking) -> dict:
    with schema_context("alpha"):
        return {**follow_up_defaults(booking), "category": category().pk}


def _follow_up_appeals(park) -> int:
    with schema_context(park.schema_name):
        return Appeal.objects.filter(service_day_booking__isnull=False).count()


def _office_client(host: str, username: str):
    client = host_client(host)
    log_in(client, username)
    return client


def test_window_staff_file_a_follow_up_as_an_appeal(park_a, follow_up):
    window = _office_client("alpha.localhost", "window_staff")
    url = f"/office/service-days/bookings/{follow_up.code}/appeal/"
    assert (
        "/appeal/"
        in window.get(f"/office/service-days/bookings/{follow_up.code}/").content.decode()
    )
    response = window.post(url, _follow_up_form(follow_up))
    assert response.status_code == 302
    assert _follow_up_appeals(park_a) == 1


def test_operators_cannot_file_a_follow_up_in_an_enterprises_name(park_a, follow_up):
    operator = _office_client("alpha.localhost", "park_operator")
    page = operator.get(f"/office/service-days/bookings/{follow_up.code}/")
    assert page.status_code == 200
    assert f"/office/service-days/bookings/{follow_up.code}/appeal/" not in page.content.decode()
    response = operator.post(
        f"/office/service-days/bookings/{follow_up.code}/appeal/", _follow_up_form(follow_up)
    )
    assert response.status_code == 403
    assert _follow_up_appeals(park_a) == 0


def test_another_parks_window_staff_cannot_file_the_follow_up(park_a, follow_up):
    other_window = _office_client("beta.localhost", "window_staff")
    response = other_window.post(
        f"/office/service-days/bookings/{follow_up.code}/appeal/", _follow_up_form(follow_up)
    )
    assert response.status_code == 404
    assert _follow_up_appeals(park_a) == 0


def test_the_service_refuses_a_follow_up_filed_by_an_operator(park_a, follow_up):
    with schema_context(park_a.schema_name):
        operator = User.objects.get(username="park_operator")
        with pytest.raises(PermissionDenied):
            booking_follow_up_appeal(
                booking=follow_up,
                by=operator,
                **_follow_up_form(follow_up) | {"category": category()},
            )
        assert not follow_up.allowed_actions(operator, timezone.now()) & {
            Booking.Action.FILE_APPEAL
        }
    assert _follow_up_appeals(park_a) == 0


# --- View restrictions (页面访问限制) in every block and list --------------------------------

HIDDEN = "仅限入园企业的内部服务"
SHOWN = "面向公众的融资服务"


def _restrict(page) -> None:
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def home_with_highlights(park_a):
    with schema_context(park_a.schema_name):
        hidden = content.service(HIDDEN)
        shown = content.service(SHOWN)
        _restrict(hidden)
        home = content.home()
        block = {"heading": "精选服务", "services": [hidden.pk, shown.pk]}
        home.body = json.dumps([{"type": "highlighted_services", "value": block}])
        home.save_revision().publish()
    return park_a


def test_highlighted_services_leave_out_login_only_pages_on_the_public_home(
    home_with_highlights, park_a_client
):
    first = park_a_client.get("/")
    cached = park_a_client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    for response in (first, cached):
        body = response.content.decode()
        assert SHOWN in body
        assert HIDDEN not in body


def test_related_policies_leave_out_login_only_policies(park_a, park_a_client):
    with schema_context(park_a.schema_name):
        hidden = content.policy("内部试行的人才补贴细则")
        shown = content.policy("公开的人才补贴政策")
        _restrict(hidden)
        service = content.service(
            SHOWN,
            related_policies=json.dumps(
                [{"type": "policy", "value": hidden.pk}, {"type": "policy", "value": shown.pk}]
            ),
        )
        url = service.url
    body = park_a_client.get(url).content.decode()
    assert "公开的人才补贴政策" in body
    assert "内部试行的人才补贴细则" not in body


def test_the_guide_list_leaves_out_login_only_guides(park_a, park_a_client):
    with schema_context(park_a.schema_name):
        index = content.publish(content.home(), GuideIndexPage(title="办事指南", slug="guides"))
        hidden = content.publish(index, GuidePage(title="内部办事流程", summary="内部"))
        content.publish(index, GuidePage(title="公开办事指南", summary="公开"))
        _restrict(hidden)
        url = index.url
    body = park_a_client.get(url).content.decode()
    assert "公开办事指南" in body
    assert "内部办事流程" not in body


@pytest.mark.parametrize(
    "path", ["/", "/services/", "/policies/", "/news/", "/search/?q=内部", "/api/v2/pages/"]
)
def test_no_list_names_a_login_only_page(park_a, park_a_client, path):
    with schema_context(park_a.schema_name):
        for page in (
            content.service("内部服务事项"),
            content.policy("内部政策文件"),
            content.news("内部动态消息"),
        ):
            _restrict(page)
    response = park_a_client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    for title in ("内部服务事项", "内部政策文件", "内部动态消息"):
        assert title not in body, path
