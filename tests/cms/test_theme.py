"""Each park's pages carry its own theme colour."""


def test_each_park_serves_its_own_theme_colour(park_a_client, park_b_client):
    assert "#0b5fa5" in park_a_client.get("/theme.css").content.decode()
    assert "#6a2c91" in park_b_client.get("/theme.css").content.decode()
    assert 'href="/theme.css"' in park_a_client.get("/").content.decode()
