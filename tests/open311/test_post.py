"""POST requests: an integrator files an appeal for a verified enterprise of the park."""

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.models import Appeal
from appeals.selectors import appeal_queue
from enterprises.models import Enterprise
from notifications.models import Notification
from open311.keys import api_key_revoke
from open311.models import Submission

from ..conftest import host_client, log_in
from ..personas import user_in
from .conftest import ORGANISATION, body, filing, issue_key, key_row, open311_client, uscc_of

pytestmark = pytest.mark.django_db
FORMATS = ["json", "xml"]


def filed(number: str) -> Appeal:
    with schema_context("alpha"):
        return Appeal.objects.select_related("enterprise").get(tracking_number=number)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_request_is_filed_as_the_enterprises_appeal(alpha, key, fmt):
    response = alpha.post(f"/open311/v2/requests.{fmt}", filing(key))
    assert response.status_code == 201
    (created,) = body(response, fmt)
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    assert created["account_id"] == uscc_of()
    appeal = filed(created["service_request_id"])
    assert appeal.enterprise.account.username == "enterprise_user"
    assert appeal.status == Appeal.Status.SUBMITTED
    assert appeal.title == "园区东门路灯损坏，夜间通行不便。"
    assert appeal.contact_name == "李明"
    assert appeal.contact_mobile == "13800138001"


def test_the_enterprise_is_told_of_an_appeal_filed_in_its_name(alpha, key):
    number = body(alpha.post("/open311/v2/requests.json", filing(key)), "json")[0][
        "service_request_id"
    ]
    with schema_context("alpha"):
        notice = Notification.objects.filter(recipient__username="enterprise_user").latest("pk")
    assert number in notice.title
    assert ORGANISATION in notice.title
    assert notice.url.endswith(f"/appeals/{number}/")


def test_the_filed_appeal_waits_in_the_window_queue(alpha, key):
    number = body(alpha.post("/open311/v2/requests.json", filing(key)), "json")[0][
        "service_request_id"
    ]
    with schema_context("alpha"):
        # Earlier live-server tests commit appeals of their own: this one is in the queue.
        assert number in [a.tracking_number for a in appeal_queue()]
        submission = Submission.objects.get(appeal__tracking_number=number)
        assert submission.organisation == ORGANISATION
        assert submission.email == "liming@example.cn"


def test_title_attribute_location_and_default_contact(alpha, key):
    data = filing(
        key,
        **{
            "attribute[title]": "路灯报修",
            "address_string": "东门",
            "lat": "22.7",
            "long": "114.2",
        },
    )
    del data["first_name"], data["last_name"], data["phone"]
    number = body(alpha.post("/open311/v2/requests.json", data), "json")[0]["service_request_id"]
    appeal = filed(number)
    assert appeal.title == "路灯报修"
    assert appeal.description.endswith("东门 · 22.700000, 114.200000")
    assert appeal.contact_name == appeal.enterprise.contact_name
    assert appeal.contact_mobile == appeal.enterprise.mobile


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("missing", ["service_code", "account_id", "description"])
def test_a_missing_required_field_is_400_naming_it(alpha, key, fmt, missing):
    data = filing(key)
    del data[missing]
    response = alpha.post(f"/open311/v2/requests.{fmt}", data)
    assert response.status_code == 400
    (error,) = body(response, fmt)
    assert str(error["code"]) == "400"
    assert error["description"].startswith(f"{missing}: ")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lat", "91"),
        ("lat", "nan"),
        ("email", "not-an-address"),
        ("media_url", "javascript:alert(1)"),
        ("description", "x" * 4001),
        ("phone", "12345"),
        ("attribute[title]", "t" * 101),
    ],
)
def test_bad_values_are_400(alpha, key, field, value):
    data = filing(key, **{field: value})
    if field == "lat":
        data["long"] = "114.2"
    response = alpha.post("/open311/v2/requests.json", data)
    assert response.status_code == 400
    assert body(response, "json")[0]["code"] == 400


def test_lat_without_long_is_400(alpha, key):
    response = alpha.post("/open311/v2/requests.json", filing(key, lat="22.7"))
    assert response.status_code == 400


def test_an_unknown_service_is_404(alpha, key):
    response = alpha.post("/open311/v2/requests.json", filing(key, service_code="999999"))
    assert response.status_code == 404
    assert body(response, "json")[0]["code"] == 404


def test_an_unknown_or_unverified_credit_code_is_400(alpha, key):
    unknown = alpha.post("/open311/v2/requests.json", filing(key, account_id="91440300XXXXXXXXXX"))
    assert unknown.status_code == 400
    assert body(unknown, "json")[0]["description"].startswith("account_id: ")
    with schema_context("alpha"):
        Enterprise.objects.filter(uscc=uscc_of()).update(status=Enterprise.Status.PENDING)
    pending = alpha.post("/open311/v2/requests.json", filing(key))
    assert pending.status_code == 400


def test_a_credit_code_of_another_park_is_unknown_here(alpha, key):
    response = alpha.post("/open311/v2/requests.json", filing(key, account_id=uscc_of("beta")))
    assert response.status_code == 400


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_wrong_or_revoked_key_is_403_and_files_nothing(alpha, key, fmt):
    revoked = issue_key()
    with schema_context("alpha"):
        api_key_revoke(by=user_in("alpha", "park_operator"), pk=key_row(revoked).pk)
        appeals_before = Appeal.objects.count()
    for api_key in ("", "o311_deadbeef_nope", "garbage", key[:-2] + "xx", revoked):
        response = alpha.post(f"/open311/v2/requests.{fmt}", filing(api_key))
        assert response.status_code == 403
        assert str(body(response, fmt)[0]["code"]) == "403"
    with schema_context("alpha"):
        assert Appeal.objects.count() == appeals_before


def test_a_key_of_park_beta_does_nothing_on_park_alpha(alpha):
    beta_key = issue_key("beta")
    assert (
        open311_client("beta.localhost")
        .get("/open311/v2/requests.json", {"api_key": beta_key})
        .status_code
        == 200
    )
    response = alpha.post("/open311/v2/requests.json", filing(beta_key))
    assert response.status_code == 403
    assert alpha.get("/open311/v2/requests.json", {"api_key": beta_key}).status_code == 403


def test_the_key_is_checked_before_the_fields(alpha):
    response = alpha.post("/open311/v2/requests.json", {"api_key": "wrong"})
    assert response.status_code == 403


def test_a_non_form_body_is_refused_not_a_500(alpha, key):
    # The api_key is a form field: a JSON body carries none.
    response = alpha.post(
        "/open311/v2/requests.json", {"api_key": key}, content_type="application/json"
    )
    assert response.status_code == 403
    broken = alpha.generic(
        "POST",
        "/open311/v2/requests.json",
        b"--x\r\nbroken",
        content_type="multipart/form-data; boundary=",
    )
    assert broken.status_code == 400


def test_errors_are_in_english_on_request(key):
    english = open311_client(language="en")
    data = filing(key)
    del data["description"]
    response = english.post("/open311/v2/requests.json", data)
    assert body(response, "json")[0]["description"] == "description: This field is required."


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("requests/%00.json?api_key={key}", 404),
        ("requests/ALFA-20260101-0001%00.xml?api_key={key}", 404),
        ("tokens/%00.json?api_key={key}", 404),
        ("services/%00.json", 404),
        ("requests.json?service_request_id=%00&api_key={key}", 200),
        ("requests.json?service_code=%00&api_key={key}", 200),
        ("requests.json?jurisdiction_id=%00&api_key={key}", 404),
        ("servicerequestupdates.json?service_request_id=%00,x&api_key={key}", 200),
        ("requests.json?api_key=o311_%00_%00", 403),
    ],
)
def test_hostile_ids_and_parameters_never_fail_the_server(alpha, key, path, status):
    response = alpha.get("/open311/v2/" + path.format(key=key))
    assert response.status_code == status


@pytest.mark.parametrize(
    "field", ["description", "attribute[title]", "account_id", "address_string"]
)
def test_nul_characters_in_a_filing_are_400(alpha, key, field):
    response = alpha.post("/open311/v2/requests.json", filing(key, **{field: "a\x00b"}))
    assert response.status_code == 400


def test_errors_are_in_chinese_by_default(alpha, key):
    data = filing(key)
    del data["description"]
    response = alpha.post("/open311/v2/requests.json", data)
    assert body(response, "json")[0]["description"] == "description: 该字段是必填项。"


def test_integrators_post_without_a_csrf_token(key):
    strict = Client(HTTP_HOST="alpha.localhost", enforce_csrf_checks=True)
    assert strict.post("/open311/v2/requests.json", filing(key)).status_code == 201


def test_a_key_files_no_more_for_an_enterprise_than_the_enterprise_itself_may(alpha, key, settings):
    """Thirty appeals an hour per enterprise, one budget with its own site and API filings."""
    settings.RATELIMIT_ENABLE = True
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [
            alpha.post("/open311/v2/requests.json", filing(key)).status_code for _ in range(30)
        ]
        assert statuses == [201] * 30
        refused = alpha.post("/open311/v2/requests.json", filing(key))
        assert refused.status_code == 429
        assert refused.json()[0]["code"] == 429
        site = host_client("alpha.localhost")
        log_in(site, "enterprise_user")
        assert site.post("/appeals/new/", {}).status_code == 429
