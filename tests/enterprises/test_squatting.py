"""Registration squatting: whoever knows a company's credit code (it is printed on its business
licence) may register it, but a pending or rejected registration never blocks the real company;
the window sees competing registrations side by side and verifies one."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from accounts.models import User
from enterprises.models import Enterprise
from enterprises.services import enterprise_verify
from tests.conftest import host_client, log_in

from .helpers import GOOD, register

X = GOOD["uscc"]
SQUATTER = {"company_name": "冒名顶替有限公司", "contact_name": "钱八", "mobile": "13800001111"}
REAL = {"company_name": "深圳测试科技有限公司", "contact_name": "赵六", "mobile": "13912345678"}
LATECOMER = {"company_name": "又一个冒名公司", "contact_name": "孙九", "mobile": "13700002222"}


def registration(mobile: str) -> Enterprise:
    with schema_context("alpha"):
        return Enterprise.objects.get(account__username=mobile)


def competing_group(page: str, uscc: str) -> str:
    """The HTML of the group of competing registrations of `uscc` on the window's list."""
    found = re.search(
        rf'<li class="card competing" data-uscc="{uscc}">(.*?)</ul>\s*</li>', page, re.S
    )
    assert found, f"no group of competing registrations of {uscc}"
    return found.group(1)


def decide(window, enterprise: Enterprise, decision: str, note: str = ""):
    return window.post(
        f"/office/enterprises/{enterprise.pk}/verify/", {"decision": decision, "note": note}
    )


def test_a_squatter_does_not_block_the_real_company(park_a_client, sms):
    squatter = host_client("alpha.localhost")
    register(squatter, sms, **SQUATTER)
    answer = register(park_a_client, sms, **REAL)
    assert answer.status_code == 200
    assert [t.name for t in answer.templates][0] == "enterprises/register_done.html"
    real, fake = registration(REAL["mobile"]), registration(SQUATTER["mobile"])
    assert (real.uscc, real.status) == (X, Enterprise.Status.PENDING)
    assert (fake.uscc, fake.status) == (X, Enterprise.Status.PENDING)

    window = host_client("alpha.localhost")
    log_in(window, "window_staff")
    group = competing_group(window.get("/office/enterprises/").content.decode(), X)
    assert REAL["company_name"] in group
    assert SQUATTER["company_name"] in group
    assert group.count('class="verify-form"') == 2

    assert decide(window, real, "approve").status_code == 302
    real, fake = registration(REAL["mobile"]), registration(SQUATTER["mobile"])
    assert real.status == Enterprise.Status.VERIFIED
    assert fake.status == Enterprise.Status.REJECTED
    with translation.override("zh-hans"):
        beaten = _("Another registration of this credit code was verified by the park window.")
    assert fake.status_note == beaten


def test_a_second_registration_of_a_verified_code_is_taken_and_cannot_be_verified(
    park_a_client, sms
):
    register(park_a_client, sms, **REAL)
    window = host_client("alpha.localhost")
    log_in(window, "window_staff")
    decide(window, registration(REAL["mobile"]), "approve")

    answer = register(host_client("alpha.localhost"), sms, **LATECOMER)
    assert [t.name for t in answer.templates][0] == "enterprises/register_done.html"
    late = registration(LATECOMER["mobile"])
    assert late.status == Enterprise.Status.PENDING

    group = competing_group(window.get("/office/enterprises/").content.decode(), X)
    assert REAL["company_name"] in group
    assert LATECOMER["company_name"] in group
    assert 'value="approve"' not in group

    assert decide(window, late, "approve").status_code == 302
    assert registration(LATECOMER["mobile"]).status == Enterprise.Status.PENDING
    with schema_context("alpha"):
        by = User.objects.get(username="window_staff")
        with pytest.raises(ValidationError) as refused:
            enterprise_verify(enterprise=late, by=by, approve=True)
        assert refused.value.code == "duplicate"
        assert Enterprise.objects.verified().filter(uscc=X).count() == 1
    assert decide(window, late, "reject", "重复注册").status_code == 302
    assert registration(LATECOMER["mobile"]).status == Enterprise.Status.REJECTED


def test_a_rejected_registration_does_not_block_a_new_one_of_the_same_code(park_a_client, sms):
    register(park_a_client, sms, **SQUATTER)
    window = host_client("alpha.localhost")
    log_in(window, "window_staff")
    decide(window, registration(SQUATTER["mobile"]), "reject", "营业执照不符")

    answer = register(host_client("alpha.localhost"), sms, **REAL)
    assert [t.name for t in answer.templates][0] == "enterprises/register_done.html"
    assert registration(REAL["mobile"]).status == Enterprise.Status.PENDING
    decide(window, registration(REAL["mobile"]), "approve")
    assert registration(REAL["mobile"]).status == Enterprise.Status.VERIFIED


def test_a_decided_registration_cannot_be_decided_again(park_a_client, sms):
    register(park_a_client, sms, **REAL)
    with schema_context("alpha"):
        enterprise = Enterprise.objects.get(account__username=REAL["mobile"])
        by = User.objects.get(username="window_staff")
        enterprise_verify(enterprise=enterprise, by=by, approve=False, note="资料不全")
        with pytest.raises(ValidationError) as refused:
            enterprise_verify(enterprise=enterprise, by=by, approve=True)
        assert refused.value.code == "wrong_status"
        assert Enterprise.objects.get(pk=enterprise.pk).status == Enterprise.Status.REJECTED


def test_the_window_of_another_park_neither_sees_nor_decides_competing_registrations(
    park_a_client, park_b_client, sms
):
    register(park_a_client, sms, **REAL)
    register(host_client("alpha.localhost"), sms, **SQUATTER)
    log_in(park_b_client, "window_staff")
    page = park_b_client.get("/office/enterprises/")
    assert page.status_code == 200
    assert X not in page.content.decode()
    assert REAL["company_name"] not in page.content.decode()
    for mobile in (REAL["mobile"], SQUATTER["mobile"]):
        response = decide(park_b_client, registration(mobile), "approve")
        assert response.status_code == 404
        assert registration(mobile).status == Enterprise.Status.PENDING
