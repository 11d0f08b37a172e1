"""Each park's pages carry its own theme colour."""


def test_each_park_serves_its_own_theme_colour(park_a_client, park_b_client):
    assert "#0b5fa5" in park_a_client.get("/theme.css").content.decode()
    assert "#6a2c91" in park_b_client.get("/theme.css").content.decode()
    assert 'href="/theme.css"' in park_a_client.get("/").content.decode()


def test_a_colour_chosen_in_park_settings_wins(park_a, park_a_client, park_b_client):
    from django_tenants.utils import schema_context
    from wagtail.models import Site

    from cms.models import ParkSettings

    with schema_context(park_a.schema_name):
        ParkSettings.objects.create(
            site=Site.objects.get(is_default_site=True), theme_colour="#123456"
        )
    assert "#123456" in park_a_client.get("/theme.css").content.decode()
    assert "#123456" not in park_b_client.get("/theme.css").content.decode()
