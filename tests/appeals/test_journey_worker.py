"""The whole journey over HTTP, across a park host and the hub host, through the real web
server, with a real Celery worker and broker carrying every message between them (nothing
eager, nothing called by hand). Everything is committed by the server; this test only reads.
"""

import time
import uuid

import pytest
from django_tenants.utils import schema_context

from appeals.models import Appeal
from onewindow.models import AppealCategory, Case

from ..http import SiteClient
from ..personas import PASSWORD

pytestmark = pytest.mark.django_db


def wait_for(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out waiting for the worker")


def person(web_server, host: str, username: str) -> SiteClient:
    return SiteClient(web_server, host).log_in(username, PASSWORD)


def test_appeal_journey_from_park_to_hub_and_back(web_server, celery_worker):
    title = f"厂房租金补贴进度咨询 {uuid.uuid4().hex[:6]}"
    enterprise = person(web_server, "alpha.localhost", "enterprise_user")
    form = {
        "category": AppealCategory.objects.get(name="融资服务").pk,
        "title": title,
        "description": "我司租用园区厂房，想了解租金补贴的申请进度。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
        "submission_key": str(uuid.uuid4()),
    }
    files = {"attachments": ("租赁合同.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
    assert enterprise.post("/appeals/new/", form, files=files).status_code == 302
    with schema_context("alpha"):
        number = Appeal.objects.get(title=title).tracking_number

    window = person(web_server, "alpha.localhost", "window_staff")
    assert window.post(f"/office/appeals/{number}/accept/", {}).status_code == 302

    case = wait_for(lambda: Case.objects.filter(tracking_number=number).first())
    liaison = person(web_server, "localhost", "liaison")
    assert number in liaison.get("/cases/").text
    file = case.attachments.get()
    download = liaison.get(f"/cases/{case.pk}/files/{file.pk}/")
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    assert liaison.post(f"/cases/{case.pk}/sign/").status_code == 302
    answer = "补贴已审核通过，将于本月底拨付。"
    assert liaison.post(f"/cases/{case.pk}/answer/", {"text": answer}).status_code == 302

    def answered():
        with schema_context("alpha"):
            return Appeal.objects.filter(tracking_number=number, status="answered").first()

    wait_for(answered)
    page = enterprise.get(f"/appeals/{number}/").text
    assert answer in page
    assert "工业和信息化局" in page
    rating = {"resolved": "yes", "satisfaction": "1", "comment": "很及时"}
    assert enterprise.post(f"/appeals/{number}/rate/", rating).status_code == 302

    closed = wait_for(lambda: Case.objects.filter(tracking_number=number, status="closed").first())
    assert closed.satisfaction == 1
    assert closed.resolved is True
    with schema_context("alpha"):
        appeal = Appeal.objects.get(tracking_number=number)
        assert appeal.status == Appeal.Status.CLOSED
        assert appeal.events.filter(to_status="answered").count() == 1
