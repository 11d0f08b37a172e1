"""Discovery, the service list and service definitions: public, in JSON and XML."""

import datetime

import pytest

from onewindow.models import AppealCategory

from .conftest import body, open311_client

pytestmark = pytest.mark.django_db
FORMATS = ["json", "xml"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery_names_the_endpoint_and_both_formats(alpha, fmt):
    response = alpha.get(f"/open311/v2/discovery.{fmt}")
    assert response.status_code == 200
    data = body(response, fmt)
    assert datetime.datetime.fromisoformat(data["changeset"]).tzinfo is not None
    (endpoint,) = data["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://alpha.localhost/open311/v2"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert "阿尔法科技园" in data["contact"]


def test_service_list_offers_the_active_categories_with_every_field(alpha, service):
    category, code = service
    inactive = AppealCategory.objects.create(
        name="已停用类别", default_department=category.default_department, is_active=False
    )
    data = body(alpha.get("/open311/v2/services.json"), "json")
    # Live-server tests commit the demo's categories too: every active one, and only those.
    active = AppealCategory.objects.filter(is_active=True)
    assert sorted(s["service_code"] for s in data) == sorted(f"{c.pk:03d}" for c in active)
    assert f"{inactive.pk:03d}" not in [s["service_code"] for s in data]
    assert [s for s in data if s["service_code"] == code] == [
        {
            "service_code": code,
            "service_name": "融资服务",
            "description": "",
            "metadata": True,
            "type": "realtime",
            "keywords": "融资服务, 工信局",
            "group": "工业和信息化局",
        }
    ]


def test_service_list_in_xml_is_the_same_list(alpha, service):
    json_data = body(alpha.get("/open311/v2/services.json"), "json")
    xml_data = body(alpha.get("/open311/v2/services.xml"), "xml")
    assert [s["service_code"] for s in xml_data] == [s["service_code"] for s in json_data]
    assert xml_data[0]["metadata"] == "true"
    assert xml_data[0]["type"] == "realtime"


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_definition_lists_the_title_attribute(alpha, service, fmt):
    _category, code = service
    response = alpha.get(f"/open311/v2/services/{code}.{fmt}")
    assert response.status_code == 200
    data = body(response, fmt)
    assert data["service_code"] == code
    (attribute,) = data["attributes"]
    assert attribute["code"] == "title"
    assert attribute["datatype"] == "string"
    if fmt == "json":
        assert attribute["variable"] is True
        assert attribute["required"] is False
        assert attribute["order"] == 1
    else:
        assert (attribute["variable"], attribute["required"], attribute["order"]) == (
            "true",
            "false",
            "1",
        )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("code", ["999999", "abc", "0x1", "%00"])
def test_unknown_service_is_404_in_the_error_shape(alpha, fmt, code):
    response = alpha.get(f"/open311/v2/services/{code}.{fmt}")
    assert response.status_code == 404
    (error,) = body(response, fmt)
    assert str(error["code"]) == "404"
    assert error["description"]


def test_an_inactive_category_has_no_definition(alpha, service):
    category, code = service
    AppealCategory.objects.filter(pk=category.pk).update(is_active=False)
    assert alpha.get(f"/open311/v2/services/{code}.json").status_code == 404


def test_own_jurisdiction_is_accepted_another_is_404(alpha, service):
    own = alpha.get("/open311/v2/services.json", {"jurisdiction_id": "alpha"})
    assert own.status_code == 200
    empty = alpha.get("/open311/v2/services.json", {"jurisdiction_id": ""})
    assert empty.status_code == 200
    other = alpha.get("/open311/v2/services.xml", {"jurisdiction_id": "beta"})
    assert other.status_code == 404
    assert body(other, "xml")[0]["code"] == "404"


def test_an_unknown_path_or_format_is_a_404_in_xml(alpha):
    for path in ("/open311/v2/services.html", "/open311/v2/nothing", "/open311/v2/"):
        response = alpha.get(path)
        assert response.status_code == 404
        assert body(response, "xml")[0]["code"] == "404"


def test_a_wrong_method_is_405_with_allow(alpha):
    response = alpha.post("/open311/v2/services.json")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert body(response, "json")[0]["code"] == 405


def test_open311_is_not_served_on_the_hub():
    assert open311_client("localhost").get("/open311/v2/services.json").status_code == 404


def test_answers_are_never_cached(alpha):
    assert alpha.get("/open311/v2/services.json")["Cache-Control"] == "private, no-store"
