"""Registering as a person does on a park site: ask for the SMS code, read it from the SMS
(the development channel writes each one to the log), then send the form with it."""

import logging
import re

import pytest
from django.test import Client

from demo.parks import demo_uscc

SMS_LOGGER = "parkportal.notifications"

GOOD = {
    "company_name": "深圳测试科技有限公司",
    "uscc": demo_uscc(4242),
    "contact_name": "赵六",
    "mobile": "13912345678",
    "email": "",
    "password1": "Sturdy-Pass-2026",
    "password2": "Sturdy-Pass-2026",
}


class SmsInbox:
    """What the development SMS channel wrote to the log, read by number."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog

    def texts_to(self, mobile: str) -> list[str]:
        lines = [r.getMessage() for r in self.caplog.records if r.name == SMS_LOGGER]
        return [line for line in lines if line.startswith(f"[sms → {mobile}]")]

    def last_code_to(self, mobile: str) -> str:
        texts = self.texts_to(mobile)
        found = re.search(r"(?<!\d)(\d{6})(?!\d)", texts[-1]) if texts else None
        assert found, f"no code was texted to {mobile}: {texts}"
        return found.group(1)


@pytest.fixture
def sms(caplog) -> SmsInbox:
    caplog.set_level(logging.INFO, logger=SMS_LOGGER)
    return SmsInbox(caplog)


def send_code(client: Client, data: dict):
    return client.post("/register/", {**data, "action": "send_code"})


def register(client: Client, sms: SmsInbox, **changes: str):
    """Register GOOD with `changes`, proving the number with the code texted to it."""
    data = {**GOOD, **changes}
    response = send_code(client, data)
    assert response.status_code == 200
    assert response.context["code_sent"], response.context["form"].errors
    return client.post("/register/", {**data, "mobile_code": sms.last_code_to(data["mobile"])})
