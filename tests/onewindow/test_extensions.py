"""Extensions (延期) decided by a district admin: approving moves the due date, denying needs a
reason and keeps it, and a request is decided once."""

import pytest
from django.core.exceptions import ValidationError

from core.workdays import WorkingCalendar
from onewindow.models import Case, ExtensionRequest
from onewindow.services.extensions import (
    extension_approve,
    extension_deny,
    extension_request,
)

from ..appeals.helpers import dispatched_case
from ..personas import user_in


@pytest.fixture
def extension(park_a) -> ExtensionRequest:
    _appeal, case = dispatched_case("alpha")
    return extension_request(
        case=case, by=user_in("public", "liaison"), days=3, reason="需现场核查"
    )


def test_an_approval_moves_the_due_date_by_the_days_asked(extension):
    due = extension.case.due_date
    extension_approve(extension=extension, by=user_in("public", "district_admin"), note="同意")
    extension.refresh_from_db()
    case = Case.objects.get(pk=extension.case_id)
    assert extension.status == ExtensionRequest.Status.APPROVED
    assert case.due_date == extension.new_due_date
    assert case.due_date == WorkingCalendar.load().add_working_days(due, 3)


def test_a_denial_without_a_reason_changes_nothing(extension):
    with pytest.raises(ValidationError) as refused:
        extension_deny(extension=extension, by=user_in("public", "district_admin"), reason=" ")
    assert refused.value.code == "required"
    extension.refresh_from_db()
    assert extension.status == ExtensionRequest.Status.PENDING


def test_a_denial_keeps_the_due_date_and_records_the_reason(extension):
    due = extension.case.due_date
    extension_deny(extension=extension, by=user_in("public", "district_admin"), reason="时限充足")
    extension.refresh_from_db()
    assert extension.status == ExtensionRequest.Status.DENIED
    assert extension.decision_note == "时限充足"
    assert Case.objects.get(pk=extension.case_id).due_date == due


def test_a_request_is_decided_once(extension):
    admin = user_in("public", "district_admin")
    extension_deny(extension=extension, by=admin, reason="时限充足")
    with pytest.raises(ValidationError) as refused:
        extension_approve(extension=extension, by=admin)
    assert refused.value.code == "decided"
