"""Chinese search: segmented at index and query time, so words inside long titles are found."""

import pytest
from django_tenants.utils import schema_context

from tests.cms import content


@pytest.fixture
def park_a_content(park_a):
    with schema_context(park_a.schema_name):
        content.policy("国家高新技术企业认定管理办法解读")
        content.policy(
            "龙岗区稳岗就业补贴实施细则", level="district", document_number="深龙人社〔2025〕8号"
        )
        content.service("股权融资对接服务", summary="为初创企业对接天使投资和风险投资机构")
        content.service("知识产权质押贷款", category="ip", summary="以专利权质押获得银行贷款")


def test_policy_search_finds_a_word_inside_a_long_chinese_title(park_a_content, park_a_client):
    body = park_a_client.get("/policies/?q=高新技术").content.decode()
    assert "国家高新技术企业认定管理办法解读" in body
    assert "稳岗就业" not in body


def test_site_search_finds_the_equity_financing_service(park_a_content, park_a_client):
    body = park_a_client.get("/search/?q=融资").content.decode()
    assert "股权融资对接服务" in body
    assert "知识产权质押贷款" not in body


def test_search_matches_words_in_the_summary(park_a_content, park_a_client):
    assert "股权融资对接服务" in park_a_client.get("/search/?q=天使投资").content.decode()


def test_a_query_with_no_result_shows_a_helpful_empty_state(park_a_content, park_a_client):
    body = park_a_client.get("/search/?q=量子引力").content.decode()
    assert "没有" in body or "未找到" in body
    assert "股权融资对接服务" not in body


@pytest.mark.parametrize(
    "query", ["！！！", "高新技术？！", "   ", "融资" * 500, "' OR 1=1 --", "%_\\", "<script>"]
)
def test_odd_queries_do_not_error(park_a_content, park_a_client, query):
    assert park_a_client.get("/search/", {"q": query}).status_code == 200
    assert park_a_client.get("/policies/", {"q": query}).status_code == 200


def test_punctuation_around_a_word_still_finds_it(park_a_content, park_a_client):
    assert "股权融资对接服务" in park_a_client.get("/search/?q=“融资”！").content.decode()


def test_park_b_search_never_returns_park_a_content(park_a_content, park_b_client):
    body = park_b_client.get("/search/?q=融资").content.decode()
    assert "股权融资对接服务" not in body
