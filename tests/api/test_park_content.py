"""The park's public content through the API: the park, the policy library (the site's filters
and Chinese search), services, news — live public pages only, each park its own."""

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction, Site

from cms.models import ParkSettings
from tests.cms import content

from .conftest import api_client

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def alpha():
    return api_client("alpha.localhost")


def titles(response) -> set[str]:
    assert response.status_code == 200
    return {row["title"] for row in response.json()["results"]}


@pytest.fixture
def library(park_a):
    today = timezone.localdate()
    with schema_context(park_a.schema_name):
        content.policy("国家级有效政策", level="national", effective_date=today - 100 * DAY)
        content.policy(
            "区级已失效政策",
            level="district",
            effective_date=today - 100 * DAY,
            expiry_date=today - DAY,
        )
        content.policy(
            "区级申报中政策",
            level="district",
            effective_date=today - 10 * DAY,
            application_opens=today - DAY,
            application_closes=today + 10 * DAY,
        )
        tagged = content.policy("园区人才政策", level="park", effective_date=today - 10 * DAY)
        tagged.tags.add("人才")
        tagged.save_revision().publish()
        content.policy("国家高新技术企业认定管理办法解读", effective_date=today - 10 * DAY)
        yield


# --- The park --------------------------------------------------------------------------------


def test_park_info_is_the_parks_own():
    response = alpha().get("/api/v1/park/")
    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "alpha"
    assert body["name"] == "阿尔法科技园"
    assert body["name_en"] == "Alpha Park"
    assert body["theme_colour"] == "#0b5fa5"
    assert [language["code"] for language in body["languages"]] == ["zh-hans", "en"]
    assert api_client("beta.localhost").get("/api/v1/park/").json()["slug"] == "beta"


def test_park_info_carries_the_site_settings(park_a):
    with schema_context(park_a.schema_name):
        ParkSettings.objects.create(
            site=Site.objects.get(is_default_site=True),
            address="深圳市龙岗区阿尔法路1号",
            phone="0755-12345678",
            theme_colour="#123456",
        )
    body = alpha().get("/api/v1/park/").json()
    assert body["address"] == "深圳市龙岗区阿尔法路1号"
    assert body["phone"] == "0755-12345678"
    assert body["theme_colour"] == "#123456"


# --- Policies ----------------------------------------------------------------------------------


def test_policy_list_shows_every_live_policy(library):
    assert titles(alpha().get("/api/v1/policies/")) == {
        "国家级有效政策",
        "区级已失效政策",
        "区级申报中政策",
        "园区人才政策",
        "国家高新技术企业认定管理办法解读",
    }


def test_level_filter(library):
    response = alpha().get("/api/v1/policies/", {"level": "district"})
    assert titles(response) == {"区级已失效政策", "区级申报中政策"}


def test_in_force_filter_drops_expired_policies(library):
    assert "区级已失效政策" not in titles(alpha().get("/api/v1/policies/", {"in_force": "true"}))


def test_open_filter_keeps_policies_open_for_applications(library):
    assert titles(alpha().get("/api/v1/policies/", {"open": "true"})) == {"区级申报中政策"}


def test_topic_filter(library):
    assert titles(alpha().get("/api/v1/policies/", {"topic": "人才"})) == {"园区人才政策"}


def test_search_finds_a_chinese_word_inside_a_long_title(library):
    response = alpha().get("/api/v1/policies/", {"q": "高新技术"})
    assert titles(response) == {"国家高新技术企业认定管理办法解读"}


def test_search_combines_with_the_filters(library):
    response = alpha().get("/api/v1/policies/", {"q": "高新技术", "level": "district"})
    assert titles(response) == set()


def test_an_unknown_level_is_a_400_naming_the_field(library):
    response = alpha().get("/api/v1/policies/", {"level": "galactic"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_choice"
    assert list(error["fields"]) == ["level"]


def test_policy_list_is_paginated(library):
    first = alpha().get("/api/v1/policies/", {"page_size": 2})
    assert first.status_code == 200
    body = first.json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["previous"] is None
    assert "page=2" in body["next"]
    last = alpha().get("/api/v1/policies/", {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1
    assert last["next"] is None


@pytest.mark.parametrize("page", ["999", "abc", "0"])
def test_a_page_past_the_end_is_a_404(library, page):
    response = alpha().get("/api/v1/policies/", {"page": page})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_policy_detail_has_eligibility_window_and_link(park_a):
    today = timezone.localdate()
    with schema_context(park_a.schema_name):
        policy = content.policy(
            "研发费用加计扣除政策",
            effective_date=today - 10 * DAY,
            interpretation="<p>企业<b>研发</b>费用可加计扣除</p>",
            enterprise_sizes=["small", "micro"],
            min_years_since_founding=1,
            application_opens=today - DAY,
            application_closes=today + DAY,
        )
    response = alpha().get(f"/api/v1/policies/{policy.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "研发费用加计扣除政策"
    assert body["interpretation_html"] == "<p>企业<b>研发</b>费用可加计扣除</p>"
    assert body["eligibility"]["enterprise_sizes"][0]["code"] == "small"
    assert body["eligibility"]["min_years_since_founding"] == 1
    assert body["application_open"] is True
    assert body["status"] == "in_force"
    assert body["url"].startswith("http://alpha.localhost/")


def test_an_unpublished_policy_is_a_404(park_a):
    with schema_context(park_a.schema_name):
        policy = content.policy("撤回的政策")
        policy.unpublish()
    assert alpha().get(f"/api/v1/policies/{policy.pk}/").status_code == 404
    assert titles(alpha().get("/api/v1/policies/")) == set()


def test_a_private_policy_is_a_404_and_not_listed(park_a):
    with schema_context(park_a.schema_name):
        policy = content.policy("仅登录可见的政策")
        PageViewRestriction.objects.create(page=policy, restriction_type="login")
    response = alpha().get(f"/api/v1/policies/{policy.pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert titles(alpha().get("/api/v1/policies/")) == set()


def test_beta_policy_id_on_alpha_is_a_404(park_b):
    with schema_context(park_b.schema_name):
        policy = content.policy("贝塔园区政策")
    assert api_client("beta.localhost").get(f"/api/v1/policies/{policy.pk}/").status_code == 200
    assert alpha().get(f"/api/v1/policies/{policy.pk}/").status_code == 404
    assert titles(alpha().get("/api/v1/policies/")) == set()


def test_policy_error_message_in_english_on_request(library):
    response = api_client("alpha.localhost", language="en").get("/api/v1/policies/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Not found."


# --- Services and news -----------------------------------------------------------------------


@pytest.fixture
def services(park_a):
    with schema_context(park_a.schema_name):
        equity = content.service("股权融资对接服务", category="banking")
        content.service("知识产权质押贷款", category="ip")
        yield equity


def test_service_list_and_category_filter(services):
    assert titles(alpha().get("/api/v1/services/")) == {"股权融资对接服务", "知识产权质押贷款"}
    response = alpha().get("/api/v1/services/", {"category": "ip"})
    assert titles(response) == {"知识产权质押贷款"}


def test_an_unknown_service_category_is_a_400(services):
    response = alpha().get("/api/v1/services/", {"category": "astrology"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_choice"


def test_service_detail_names_only_public_related_policies(services, park_a):
    with schema_context(park_a.schema_name):
        public = content.policy("公开政策")
        private = content.policy("内部政策")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        services.related_policies = [("policy", public), ("policy", private)]
        services.how_to_get = "<p>在线申请</p>"
        services.save_revision().publish()
    response = alpha().get(f"/api/v1/services/{services.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["category"] == "banking"
    assert body["how_to_get_html"] == "<p>在线申请</p>"
    assert body["related_policies"] == [{"id": public.pk, "title": "公开政策"}]


def test_a_service_id_is_not_a_policy(services):
    assert alpha().get(f"/api/v1/policies/{services.pk}/").status_code == 404


def test_news_newest_first_and_detail(park_a):
    with schema_context(park_a.schema_name):
        content.news("旧闻", date=datetime.date(2026, 1, 5))
        fresh = content.news(
            "园区举办融资对接会",
            date=datetime.date(2026, 11, 5),
            body=[("rich_text", "<p>三十家企业参加</p>")],
        )
    listed = alpha().get("/api/v1/news/").json()["results"]
    assert [row["title"] for row in listed] == ["园区举办融资对接会", "旧闻"]
    detail = alpha().get(f"/api/v1/news/{fresh.pk}/")
    assert detail.status_code == 200
    assert detail.json()["body_text"] == "三十家企业参加"
    assert detail.json()["image_url"] is None
    assert alpha().get("/api/v1/news/0/").status_code == 404
