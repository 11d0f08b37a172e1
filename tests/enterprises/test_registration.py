"""Enterprise self-registration on a park site and verification at the window."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from accounts.models import User
from enterprises.models import Enterprise
from tests.conftest import host_client, log_in

from .helpers import GOOD, register


def error_codes(response, field: str) -> list[str]:
    return [error.code for error in response.context["form"].errors.as_data()[field]]


def in_chinese(message: str) -> str:
    """The Simplified Chinese translation of `message`, which must have one."""
    with translation.override("zh-hans"):
        translated = _(message)
    assert translated != message, f"no Chinese translation of {message!r}"
    return translated


def wrong_check_character(uscc: str) -> str:
    last = "0" if uscc[-1] != "0" else "1"
    return uscc[:-1] + last


def test_registration_creates_an_unverified_enterprise_account(park_a_client, sms):
    response = register(park_a_client, sms)
    assert response.status_code == 200
    assert "等待" in response.content.decode()
    with schema_context("alpha"):
        enterprise = Enterprise.objects.get(uscc=GOOD["uscc"])
        assert enterprise.status == Enterprise.Status.PENDING
        assert enterprise.account.username == "13912345678"


def test_registration_exists_only_on_the_park_it_was_made_on(park_a_client, sms):
    register(park_a_client, sms)
    with schema_context("beta"):
        assert not Enterprise.objects.filter(uscc=GOOD["uscc"]).exists()


def test_wrong_uscc_check_character_is_refused_in_chinese_and_creates_nothing(park_a_client):
    response = park_a_client.post(
        "/register/", {**GOOD, "uscc": wrong_check_character(GOOD["uscc"])}
    )
    assert response.status_code == 200
    assert error_codes(response, "uscc") == ["uscc_checksum"]
    assert response.context["form"].errors["uscc"] == [
        in_chinese("The unified social credit code's check character is wrong; please check it.")
    ]
    with schema_context("alpha"):
        assert not User.objects.filter(username=GOOD["mobile"]).exists()
        assert not Enterprise.objects.filter(name=GOOD["company_name"]).exists()


@pytest.mark.parametrize("mobile", ["1234", "23912345678", "0755-28949001", "abc"])
def test_malformed_mobile_is_refused_in_chinese_and_creates_nothing(park_a_client, mobile):
    response = park_a_client.post("/register/", {**GOOD, "mobile": mobile})
    assert response.status_code == 200
    assert error_codes(response, "mobile") == ["mobile"]
    assert response.context["form"].errors["mobile"] == [
        in_chinese("Enter a valid mainland China mobile number.")
    ]
    with schema_context("alpha"):
        assert not Enterprise.objects.filter(uscc=GOOD["uscc"]).exists()


def test_new_enterprise_can_log_in_with_its_mobile_number(park_a_client, sms):
    register(park_a_client, sms)
    assert log_in(park_a_client, GOOD["mobile"], GOOD["password1"]).status_code == 302


def test_window_staff_approves_a_pending_enterprise(park_a_client, sms):
    register(park_a_client, sms)
    log_in(park_a_client, "window_staff")
    page = park_a_client.get("/office/enterprises/")
    assert GOOD["company_name"] in page.content.decode()
    with schema_context("alpha"):
        pk = Enterprise.objects.get(uscc=GOOD["uscc"]).pk
    park_a_client.post(f"/office/enterprises/{pk}/verify/", {"decision": "approve"})
    with schema_context("alpha"):
        assert Enterprise.objects.get(pk=pk).status == Enterprise.Status.VERIFIED


def test_rejection_needs_a_reason(park_a_client, sms):
    register(park_a_client, sms)
    log_in(park_a_client, "window_staff")
    with schema_context("alpha"):
        pk = Enterprise.objects.get(uscc=GOOD["uscc"]).pk
    park_a_client.post(f"/office/enterprises/{pk}/verify/", {"decision": "reject", "note": " "})
    with schema_context("alpha"):
        assert Enterprise.objects.get(pk=pk).status == Enterprise.Status.PENDING


@pytest.mark.parametrize("username", ["enterprise_user", "park_operator"])
def test_other_park_roles_cannot_verify_enterprises(park_a_client, sms, username):
    register(park_a_client, sms)
    with schema_context("alpha"):
        pk = Enterprise.objects.get(uscc=GOOD["uscc"]).pk
    log_in(park_a_client, username)
    assert park_a_client.get("/office/enterprises/").status_code == 403
    assert (
        park_a_client.post(f"/office/enterprises/{pk}/verify/", {"decision": "approve"}).status_code
        == 403
    )
    with schema_context("alpha"):
        assert Enterprise.objects.get(pk=pk).status == Enterprise.Status.PENDING


def test_window_staff_of_another_park_cannot_see_or_verify(park_a_client, park_b_client, sms):
    register(park_a_client, sms)
    with schema_context("alpha"):
        pk = Enterprise.objects.get(uscc=GOOD["uscc"]).pk
    log_in(park_b_client, "window_staff")
    listing = park_b_client.get("/office/enterprises/")
    assert listing.status_code == 200
    assert GOOD["company_name"] not in listing.content.decode()
    with schema_context("beta"):
        unknown_in_beta = (Enterprise.objects.order_by("-pk").first().pk or 0) + pk + 1000
    response = park_b_client.post(
        f"/office/enterprises/{unknown_in_beta}/verify/", {"decision": "approve"}
    )
    assert response.status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(park_a_client):
    response = park_a_client.get("/office/enterprises/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/office/enterprises/"


def test_an_unverified_enterprise_sees_that_it_awaits_verification(park_a_client, sms):
    register(park_a_client, sms)
    log_in(park_a_client, GOOD["mobile"], GOOD["password1"])
    assert "等待园区窗口审核" in park_a_client.get("/").content.decode()


def test_a_rejected_enterprise_sees_why(park_a_client, sms):
    register(park_a_client, sms)
    window = host_client("alpha.localhost")
    log_in(window, "window_staff")
    with schema_context("alpha"):
        pk = Enterprise.objects.get(uscc=GOOD["uscc"]).pk
    reason = "营业执照照片不清晰，请重新上传"
    window.post(f"/office/enterprises/{pk}/verify/", {"decision": "reject", "note": reason})
    log_in(park_a_client, GOOD["mobile"], GOOD["password1"])
    home = park_a_client.get("/").content.decode()
    assert reason in home
    assert "等待园区窗口审核" not in home


def test_a_verified_enterprise_sees_no_such_notice(park_a_client):
    log_in(park_a_client, "enterprise_user")
    home = park_a_client.get("/")
    assert home.status_code == 200
    assert "等待园区窗口审核" not in home.content.decode()
