"""Proof of the mobile number by a one-time SMS code, and answers that do not tell which credit
codes or numbers a park has."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from accounts.models import User
from demo.parks import demo_uscc
from enterprises.models import Enterprise, RegistrationCode
from enterprises.services import enterprise_register, registration_code_issue
from tests.conftest import host_client

from .helpers import GOOD, register, send_code

OTHER_MOBILE = "13700009999"


def error_codes(response, field: str) -> list[str]:
    return [error.code for error in response.context["form"].errors.as_data().get(field, [])]


def rows() -> tuple[int, int]:
    with schema_context("alpha"):
        return Enterprise.objects.count(), User.objects.count()


def submit(client, code: str, **changes: str):
    return client.post("/register/", {**GOOD, **changes, "mobile_code": code})


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def answer_text(response, *values: str) -> str:
    """The page as the visitor reads it, with what they typed and the CSRF token left out."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    for value in values:
        page = page.replace(value, "…")
    return page


def test_a_code_proves_the_number_once(park_a_client, sms):
    send_code(park_a_client, GOOD)
    code = sms.last_code_to(GOOD["mobile"])
    assert submit(park_a_client, code).templates[0].name == "enterprises/register_done.html"
    again = submit(host_client("alpha.localhost"), code, mobile=GOOD["mobile"])
    assert error_codes(again, "mobile_code") == ["code_invalid"]


def test_registration_without_a_code_is_refused_and_creates_nothing(park_a_client, sms):
    send_code(park_a_client, GOOD)
    before = rows()
    response = park_a_client.post("/register/", GOOD)
    assert response.status_code == 200
    assert error_codes(response, "mobile_code") == ["required"]
    assert rows() == before
    with schema_context("alpha"), pytest.raises(ValidationError) as refused:
        enterprise_register(
            company_name="直接调用公司",
            uscc=GOOD["uscc"],
            contact_name="赵六",
            mobile=GOOD["mobile"],
            password=GOOD["password1"],
            mobile_code="",
        )
    assert refused.value.error_dict["mobile_code"][0].code == "code_invalid"
    assert rows() == before


def test_a_wrong_code_is_refused_and_creates_nothing(park_a_client, sms):
    send_code(park_a_client, GOOD)
    before = rows()
    response = submit(park_a_client, wrong(sms.last_code_to(GOOD["mobile"])))
    assert response.status_code == 200
    assert error_codes(response, "mobile_code") == ["code_invalid"]
    assert rows() == before


def test_an_expired_code_is_refused_and_creates_nothing(park_a_client, sms):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        send_code(park_a_client, GOOD)
    code = sms.last_code_to(GOOD["mobile"])
    before = rows()
    with time_machine.travel(now + datetime.timedelta(minutes=10, seconds=1), tick=False):
        response = submit(park_a_client, code)
    assert response.status_code == 200
    assert error_codes(response, "mobile_code") == ["code_expired"]
    assert rows() == before
    with time_machine.travel(now + datetime.timedelta(minutes=9, seconds=59), tick=False):
        assert submit(park_a_client, code).templates[0].name == "enterprises/register_done.html"


def test_a_code_for_another_number_is_refused_and_creates_nothing(park_a_client, sms):
    send_code(park_a_client, {**GOOD, "mobile": OTHER_MOBILE})
    send_code(park_a_client, GOOD)
    before = rows()
    response = submit(park_a_client, sms.last_code_to(OTHER_MOBILE))
    assert error_codes(response, "mobile_code") == ["code_invalid"]
    assert rows() == before


def test_a_code_is_void_after_five_wrong_tries(park_a_client, sms):
    send_code(park_a_client, GOOD)
    code = sms.last_code_to(GOOD["mobile"])
    before = rows()
    for _try in range(5):
        assert error_codes(submit(park_a_client, wrong(code)), "mobile_code") == ["code_invalid"]
    response = submit(park_a_client, code)
    assert response.status_code == 200
    assert error_codes(response, "mobile_code") == ["code_void"]
    assert rows() == before


def test_a_code_from_one_park_proves_nothing_on_another(park_a_client, park_b_client, sms):
    send_code(park_a_client, GOOD)
    response = submit(park_b_client, sms.last_code_to(GOOD["mobile"]))
    assert error_codes(response, "mobile_code") == ["code_invalid"]
    with schema_context("beta"):
        assert not User.objects.filter(username=GOOD["mobile"]).exists()


def test_the_code_is_stored_only_as_a_keyed_hash(park_a_client, sms):
    send_code(park_a_client, GOOD)
    code = sms.last_code_to(GOOD["mobile"])
    with schema_context("alpha"):
        stored = RegistrationCode.objects.get(mobile=GOOD["mobile"])
    assert len(code) == 6
    assert stored.code_hash == stored.digest(code)
    assert code not in stored.code_hash
    fields = RegistrationCode._meta.concrete_fields
    assert all(code not in str(field.value_from_object(stored)) for field in fields)


def test_sending_is_limited_per_number(park_a_client, sms):
    start = timezone.now()
    for minute in range(5):
        with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
            assert send_code(park_a_client, GOOD).context["code_sent"]
    with time_machine.travel(start + datetime.timedelta(minutes=4, seconds=30), tick=False):
        too_soon = send_code(park_a_client, GOOD)
    assert error_codes(too_soon, "mobile") == ["code_too_soon"]
    with time_machine.travel(start + datetime.timedelta(hours=23), tick=False):
        too_many = send_code(park_a_client, GOOD)
    assert error_codes(too_many, "mobile") == ["code_too_many"]
    assert len(sms.texts_to(GOOD["mobile"])) == 5
    with time_machine.travel(start + datetime.timedelta(days=1, minutes=1), tick=False):
        assert send_code(park_a_client, GOOD).context["code_sent"]


def test_sending_is_limited_per_client_across_parks(park_a_client, park_b_client, settings, sms):
    settings.RATELIMIT_ENABLE = True
    caches["shared"].clear()
    with time_machine.travel(timezone.now(), tick=False):
        for number in range(5):
            client = park_a_client if number % 2 else park_b_client
            response = send_code(client, {**GOOD, "mobile": f"1370000{number:04d}"})
            assert response.status_code == 200
            assert response.context["code_sent"]
        assert send_code(park_a_client, {**GOOD, "mobile": "13700008888"}).status_code == 429
    assert sms.texts_to("13700008888") == []


def test_sending_a_code_keeps_what_was_typed_but_the_passwords(park_a_client, sms):
    response = send_code(park_a_client, {**GOOD, "mobile_code": "024680"})
    page = response.content.decode()
    assert response.context["code_sent"]
    assert GOOD["company_name"] in page
    assert GOOD["uscc"] in page
    assert GOOD["password1"] not in page
    assert "024680" not in page
    assert 'class="required"' in page.split('id="id_company_name"')[0]
    assert response.context["form"].errors == {}


def test_an_existing_credit_code_gets_the_same_answer_as_a_new_one(park_a_client, sms):
    register(park_a_client, sms)
    taken = register(host_client("alpha.localhost"), sms, mobile="13800001111")
    fresh = register(
        host_client("alpha.localhost"), sms, mobile="13800002222", uscc=demo_uscc(4243)
    )
    assert taken.status_code == fresh.status_code == 200
    assert answer_text(taken, "13800001111") == answer_text(fresh, "13800002222")
    with schema_context("alpha"):
        assert Enterprise.objects.filter(uscc=GOOD["uscc"]).count() == 2


def test_a_registered_number_gets_the_same_answer_as_a_new_one(park_a_client, sms):
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=5), tick=False):
        register(park_a_client, sms)
    registered, new = GOOD["mobile"], OTHER_MOBILE
    asked = {
        n: send_code(host_client("alpha.localhost"), {**GOOD, "mobile": n})
        for n in (registered, new)
    }
    assert asked[registered].status_code == asked[new].status_code == 200
    assert asked[registered].context["code_sent"]
    assert asked[new].context["code_sent"]
    assert answer_text(asked[registered], registered) == answer_text(asked[new], new)
    # Only the number's holder learns that it has an account, from the SMS itself.
    told = sms.texts_to(registered)[-1]
    with translation.override("zh-hans"):
        assert told.startswith(f"[sms → {registered}] {_('Your account')}: ")
    assert not any(char.isdigit() for char in told.split("]", 1)[1])

    refused = {
        n: submit(host_client("alpha.localhost"), "000000", mobile=n) for n in (registered, new)
    }
    assert error_codes(refused[registered], "mobile_code") == ["code_invalid"]
    assert error_codes(refused[new], "mobile_code") == ["code_invalid"]
    assert answer_text(refused[registered], registered) == answer_text(refused[new], new)


def test_the_bench_issues_a_code_through_the_service(in_park_a):
    code = registration_code_issue(mobile=OTHER_MOBILE)
    enterprise = enterprise_register(
        company_name="基准公司",
        uscc=GOOD["uscc"],
        contact_name="李经理",
        mobile=OTHER_MOBILE,
        password=GOOD["password1"],
        mobile_code=code,
    )
    assert enterprise.is_pending
