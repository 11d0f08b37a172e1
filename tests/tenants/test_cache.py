"""Cache keys carry the schema, so Wagtail's cached site data never leaks between parks."""

from django.core.cache import cache
from django_tenants.utils import schema_context


def test_cache_keys_carry_the_schema(park_a, park_b):
    with schema_context(park_a.schema_name):
        key_a = cache.make_key("wagtail_site_root_paths")
        cache.set("greeting", "alpha")
    with schema_context(park_b.schema_name):
        key_b = cache.make_key("wagtail_site_root_paths")
        assert cache.get("greeting") is None
    assert key_a.startswith("alpha:")
    assert key_b.startswith("beta:")


def test_page_urls_on_park_b_stay_right_after_park_a_warmed_the_cache(
    park_a_client, park_b_client, park_b
):
    from wagtail.models import Page

    assert park_a_client.get("/").status_code == 200  # warms park A's site root paths
    response = park_b_client.get("/")
    assert "贝塔创新园" in response.content.decode()
    with schema_context(park_b.schema_name):
        home = Page.objects.get(depth=2)
        assert home.get_url_parts()[1] == "http://beta.localhost"
