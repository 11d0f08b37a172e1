"""Each park is its own world: accounts and sessions do not cross hosts."""

from tests.conftest import host_client, log_in


def test_enterprise_user_logs_in_on_own_park(park_a_client):
    response = log_in(park_a_client, "enterprise_user")
    assert response.status_code == 302
    assert park_a_client.get("/").context["user"].is_authenticated


def test_park_a_session_cookie_is_not_accepted_on_park_b(park_a_client, park_b_client):
    log_in(park_a_client, "enterprise_user")
    cookie = park_a_client.cookies["sessionid"].value
    park_b_client.cookies["sessionid"] = cookie
    response = park_b_client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/password/change/"


def test_park_a_only_account_cannot_log_in_on_park_b(park_a_client, park_b_client, park_a):
    from django_tenants.utils import schema_context

    from accounts.models import Role
    from accounts.services import user_create

    with schema_context(park_a.schema_name):
        user_create(username="only-in-alpha", password="Pw-only-alpha-1", role=Role.ENTERPRISE)
    assert log_in(park_a_client, "only-in-alpha", "Pw-only-alpha-1").status_code == 302
    response = log_in(park_b_client, "only-in-alpha", "Pw-only-alpha-1")
    assert response.status_code == 200
    refused = response.context["form"].errors.as_data()
    assert [error.code for error in refused["__all__"]] == ["invalid_login"]


def test_hub_account_cannot_log_in_on_a_park(park_a_client, hub_client):
    assert log_in(hub_client, "liaison").status_code == 302
    response = log_in(park_a_client, "liaison")
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_park_account_cannot_log_in_on_the_hub(hub_client):
    response = log_in(hub_client, "window_staff")
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_hub_session_cookie_is_not_accepted_on_a_park(hub_client, park_a_client):
    log_in(hub_client, "district_admin")
    park_a_client.cookies["sessionid"] = hub_client.cookies["sessionid"].value
    response = park_a_client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/password/change/"


def test_unknown_host_answers_404(db):
    response = host_client("nowhere.localhost").get("/")
    assert response.status_code == 404


def test_404_on_the_hub_is_a_plain_404_without_wagtail(hub_client):
    response = hub_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "wagtail" not in response.content.decode().lower()


def test_404_on_a_park_is_a_404(park_a_client):
    assert park_a_client.get("/no-such-page/").status_code == 404


def test_each_park_serves_its_own_home_page(park_a_client, park_b_client):
    home_a = park_a_client.get("/").content.decode()
    home_b = park_b_client.get("/").content.decode()
    assert "阿尔法科技园" in home_a
    assert "贝塔创新园" not in home_a
    assert "贝塔创新园" in home_b
    assert "阿尔法科技园" not in home_b


def test_hub_home_lists_active_parks_with_links_to_their_hosts(hub_client, park_b):
    from tenants.services import park_set_active

    park_set_active(park=park_b, active=False)
    body = hub_client.get("/").content.decode()
    assert 'href="http://alpha.localhost/"' in body
    assert "阿尔法科技园" in body
    assert "贝塔创新园" not in body


def test_routing_a_known_host_again_costs_no_domain_query(park_a_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    park_a_client.get("/accounts/login/")
    with CaptureQueriesContext(connection) as queries:
        park_a_client.get("/accounts/login/")
    assert not [q for q in queries.captured_queries if "tenants_domain" in q["sql"]]
