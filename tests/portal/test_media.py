"""With DEBUG on, /media/ on a park host serves that park's own files only (finding 5: any park
host served every park's folder). django-tenants' storage keeps a park's files under
MEDIA_ROOT/<schema>/."""

import pytest


@pytest.fixture
def media(settings, tmp_path, park_a, park_b):
    settings.MEDIA_ROOT = str(tmp_path)
    for park in (park_a, park_b):
        folder = tmp_path / park.schema_name / "images"
        folder.mkdir(parents=True)
        (folder / "logo.txt").write_text(f"{park.slug} logo")
        documents = tmp_path / park.schema_name / "documents"
        documents.mkdir()
        (documents / "private.txt").write_text("a private document")
    settings.DEBUG = True


def test_a_park_host_serves_its_own_files(park_a, park_a_client, media):
    response = park_a_client.get(f"/media/{park_a.schema_name}/images/logo.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"alpha logo"


def test_a_park_host_does_not_serve_another_parks_files(park_b, park_a_client, media):
    assert park_a_client.get(f"/media/{park_b.schema_name}/images/logo.txt").status_code == 404


def test_documents_are_never_served_from_media(park_a, park_a_client, media):
    response = park_a_client.get(f"/media/{park_a.schema_name}/documents/private.txt")
    assert response.status_code == 404


def test_nothing_is_served_from_media_without_debug(park_a, park_a_client, media, settings):
    settings.DEBUG = False
    assert park_a_client.get(f"/media/{park_a.schema_name}/images/logo.txt").status_code == 404
