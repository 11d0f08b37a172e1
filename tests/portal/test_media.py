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


# Behind nginx (MEDIA_ACCEL_REDIRECT, deploy/nginx/parkportal.conf): the view decides, nginx
# sends the file from its internal /_media/ location.


@pytest.fixture
def accel(media, settings):
    settings.DEBUG = False
    settings.MEDIA_ACCEL_REDIRECT = "/_media/"


def test_behind_nginx_the_own_parks_file_is_handed_to_nginx(park_a, park_a_client, accel):
    response = park_a_client.get(f"/media/{park_a.schema_name}/images/logo.txt")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_media/{park_a.schema_name}/images/logo.txt"
    assert response["Content-Type"] == "text/plain"
    assert response.content == b""


def test_behind_nginx_another_parks_file_is_not_found(park_b, park_a_client, accel):
    response = park_a_client.get(f"/media/{park_b.schema_name}/images/logo.txt")
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response


def test_behind_nginx_documents_are_never_handed_over(park_a, park_a_client, accel):
    response = park_a_client.get(f"/media/{park_a.schema_name}/documents/private.txt")
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response


@pytest.mark.parametrize(
    "path", ["images/../../beta/images/logo.txt", "images/./logo.txt", "images//logo.txt"]
)
def test_behind_nginx_a_path_that_is_not_plain_is_not_found(park_a, park_a_client, accel, path):
    response = park_a_client.get(f"/media/{park_a.schema_name}/{path}")
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
