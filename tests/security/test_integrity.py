"""Integrity under repeats and failures: a one-time key finds only its own enterprise's appeal,
a form sent twice makes one row, and the files of a request that rolled back are gone."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django_tenants.utils import schema_context

from appeals.models import Appeal
from appeals.services import intake, journey, window
from appeals.services.intake import appeal_resubmit
from appeals.services.journey import appeal_reply_info
from appeals.services.window import appeal_answer_at_window, appeal_return
from onewindow.services import cases
from onewindow.services.cases import case_answer, case_request_info, case_sign
from servicedays.models import ServiceDay
from tests.appeals.files import PDF, PNG
from tests.appeals.helpers import category, deliver_to_parks, dispatched_case, submit
from tests.conftest import host_client, log_in
from tests.personas import user_in
from tests.servicedays.test_hub import day_form
from tests.servicedays.test_office import new_day_data

pytestmark = pytest.mark.django_db

# --- One-time submission keys, scoped to the enterprise -----------------------------------


def _appeal_form(key: str) -> dict:
    with schema_context("alpha"):
        chosen = category().pk
    return {
        "category": chosen,
        "title": "厂房租金补贴咨询",
        "description": "想了解今年厂房租金补贴的申报时间。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
        "submission_key": key,
    }


def _enterprise_client(username: str):
    client = host_client("alpha.localhost")
    log_in(client, username)
    return client


def test_another_enterprises_key_never_returns_the_first_enterprises_appeal(park_a):
    key = str(uuid.uuid4())
    first = _enterprise_client("enterprise_user").post("/appeals/new/", _appeal_form(key))
    second = _enterprise_client("other_enterprise_user").post("/appeals/new/", _appeal_form(key))
    assert first.status_code == 302
    assert second.status_code == 302
    assert first["Location"] != second["Location"]
    with schema_context(park_a.schema_name):
        mine, theirs = Appeal.objects.filter(submission_key=key).order_by("pk")
        assert mine.enterprise.account.username == "enterprise_user"
        assert theirs.enterprise.account.username == "other_enterprise_user"
    assert mine.tracking_number not in second["Location"]
    assert second["Location"] == f"/appeals/{theirs.tracking_number}/submitted/"


def test_the_intake_service_scopes_the_key_to_the_enterprise(park_a):
    key = uuid.uuid4()
    mine = submit("alpha", "enterprise_user", submission_key=key)
    again = submit("alpha", "enterprise_user", submission_key=key)
    theirs = submit("alpha", "other_enterprise_user", submission_key=key)
    assert again.pk == mine.pk
    assert theirs.pk != mine.pk
    assert theirs.enterprise_id != mine.enterprise_id


def test_the_database_refuses_one_key_twice_for_one_enterprise(park_a):
    appeal = submit("alpha")
    with schema_context(park_a.schema_name):
        copy = Appeal.objects.get(pk=appeal.pk)
        copy.pk = None
        copy.tracking_number = "ALFA-20260101-9999"
        copy.secret = "another-secret"
        with pytest.raises(IntegrityError):
            copy.save()


# --- Create forms sent twice make one row -------------------------------------------------


def test_the_service_day_form_sent_twice_sets_up_one_day(park_a):
    office = _enterprise_client("window_staff")
    data = new_day_data()
    first = office.post("/office/service-days/new/", data)
    second = office.post("/office/service-days/new/", data)
    assert first.status_code == 302
    assert second["Location"] == first["Location"]
    with schema_context(park_a.schema_name):
        assert ServiceDay.objects.filter(title=data["title"]).count() == 1


def test_the_hubs_service_day_form_sent_twice_sets_up_one_day(park_a, hub_client):
    log_in(hub_client, "district_admin")
    data = day_form(park_a)
    assert hub_client.post("/service-days/new/", data).status_code == 302
    assert hub_client.post("/service-days/new/", data).status_code == 302
    with schema_context(park_a.schema_name):
        assert ServiceDay.objects.filter(title=data["title"]).count() == 1


def test_the_walk_in_form_sent_twice_files_one_appeal(park_a):
    office = _enterprise_client("window_staff")
    with schema_context(park_a.schema_name):
        enterprise = user_in(park_a.schema_name, "enterprise_user").enterprise
    data = {**_appeal_form(str(uuid.uuid4())), "enterprise": enterprise.pk}
    first = office.post("/office/appeals/new/", data)
    second = office.post("/office/appeals/new/", data)
    assert first.status_code == 302
    assert second["Location"] == first["Location"]
    with schema_context(park_a.schema_name):
        assert Appeal.objects.filter(submission_key=data["submission_key"]).count() == 1


# --- Files of a rolled-back request are removed -------------------------------------------


def _private_files() -> set[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def _uploads() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile("合同.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("现场.png", PNG, content_type="image/png"),
    ]


def _fail(*_args, **_kwargs):
    raise ValidationError("a later step failed", code="later_step")


def test_files_of_a_failed_submission_are_removed(park_a, monkeypatch):
    monkeypatch.setattr(intake, "window_facts_send", _fail)
    before = _private_files()
    with pytest.raises(ValidationError):
        submit("alpha", uploads=_uploads())
    assert _private_files() == before
    with schema_context(park_a.schema_name):
        assert not Appeal.objects.filter(title="贷款贴息申请进度咨询", attachments__isnull=False)


def test_files_of_a_submission_lost_to_a_concurrent_one_are_removed(park_a, monkeypatch):
    def collide(*_args, **_kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(intake, "event_add", collide)
    before = _private_files()
    with pytest.raises(IntegrityError):  # no appeal with the key: the error is not swallowed
        submit("alpha", uploads=_uploads())
    assert _private_files() == before


def test_files_of_a_failed_resubmission_are_removed(park_a, monkeypatch):
    appeal = submit("alpha")
    with schema_context(park_a.schema_name):
        appeal_return(appeal=appeal, by=user_in("alpha", "window_staff"), reason="请补充合同。")
    monkeypatch.setattr(intake, "window_notify", _fail)
    before = _private_files()
    with schema_context(park_a.schema_name), pytest.raises(ValidationError):
        appeal_resubmit(
            appeal=appeal,
            by=user_in("alpha", "enterprise_user"),
            category=category(),
            title="补正后的诉求",
            description="已补充合同。",
            contact_name="李明",
            contact_mobile="13800138001",
            uploads=_uploads(),
        )
    assert _private_files() == before


def test_files_of_a_failed_window_answer_are_removed(park_a, monkeypatch):
    appeal = submit("alpha")
    monkeypatch.setattr(window, "enterprise_notify", _fail)
    before = _private_files()
    with schema_context(park_a.schema_name), pytest.raises(ValidationError):
        appeal_answer_at_window(
            appeal=appeal, by=user_in("alpha", "window_staff"), text="已答复。", uploads=_uploads()
        )
    assert _private_files() == before


def test_files_of_a_failed_reply_and_a_failed_department_answer_are_removed(park_a, monkeypatch):
    appeal, case = dispatched_case("alpha")
    liaison = user_in("public", "liaison")
    case_sign(case=case, by=liaison)
    case_request_info(case=case, by=liaison, question="请补充贷款合同扫描件。")
    deliver_to_parks()
    monkeypatch.setattr(journey, "outbox_write", _fail)
    monkeypatch.setattr(cases, "tell_park", _fail)
    before = _private_files()
    with schema_context(park_a.schema_name):
        appeal = Appeal.objects.get(pk=appeal.pk)
    with schema_context(park_a.schema_name), pytest.raises(ValidationError):
        appeal_reply_info(
            appeal=appeal,
            by=user_in("alpha", "enterprise_user"),
            text="已补充。",
            uploads=_uploads(),
        )
    with pytest.raises(ValidationError):
        case_answer(case=case, by=liaison, text="已办结。", uploads=_uploads())
    assert _private_files() == before


def test_files_of_a_successful_submission_stay(park_a):
    before = _private_files()
    submit("alpha", uploads=_uploads())
    assert len(_private_files() - before) == 2
