"""Who may see what: another enterprise, another park, another department, anonymous visitors
each get 404/403/login and learn nothing about the appeal."""

import pytest
from django_tenants.utils import schema_context

from appeals.models import Appeal

from ..conftest import host_client, log_in
from . import files
from .helpers import deliver_to_parks, dispatched_case, submit


def client_for(host: str, username: str | None = None):
    client = host_client(host)
    if username:
        log_in(client, username)
    return client


@pytest.fixture
def appeal_with_file(park_a):
    appeal = submit("alpha", uploads=[files.pdf("机密合同.pdf")], title="只属于本企业的诉求")
    with schema_context("alpha"):
        attachment = appeal.attachments.get()
    return appeal, attachment


ENTERPRISE_PAGES = ["/appeals/{n}/", "/appeals/{n}/submitted/", "/appeals/{n}/edit/"]


@pytest.mark.parametrize("path", ["/appeals/{n}/", "/appeals/{n}/submitted/"])
def test_the_owner_sees_the_appeal(appeal_with_file, path):
    appeal, _attachment = appeal_with_file
    client = client_for("alpha.localhost", "enterprise_user")
    response = client.get(path.format(n=appeal.tracking_number))
    assert response.status_code == 200
    assert response.context["appeal"].pk == appeal.pk


def test_the_owner_downloads_the_file(appeal_with_file):
    appeal, attachment = appeal_with_file
    client = client_for("alpha.localhost", "enterprise_user")
    response = client.get(f"/appeals/{appeal.tracking_number}/files/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_owner_is_sent_back_to_the_appeal_while_it_cannot_be_edited(appeal_with_file):
    appeal, _attachment = appeal_with_file  # awaiting acceptance: only a returned one is edited
    client = client_for("alpha.localhost", "enterprise_user")
    response = client.get(f"/appeals/{appeal.tracking_number}/edit/")
    assert response.status_code == 302
    assert response["Location"] == f"/appeals/{appeal.tracking_number}/"


@pytest.mark.parametrize("path", [*ENTERPRISE_PAGES, "/appeals/{n}/files/{f}/"])
def test_another_enterprise_gets_404(appeal_with_file, path):
    appeal, attachment = appeal_with_file
    client = client_for("alpha.localhost", "other_enterprise_user")
    response = client.get(path.format(n=appeal.tracking_number, f=attachment.pk))
    assert response.status_code == 404
    assert "只属于本企业的诉求" not in response.content.decode()


# In another park the appeal does not exist: each page answers as for an unknown tracking
# number (404), unless the persona may not open that kind of page at all (403).
ANOTHER_PARK = [
    *[("enterprise_user", page, 404) for page in ENTERPRISE_PAGES],
    ("enterprise_user", "/appeals/{n}/files/{f}/", 404),
    ("enterprise_user", "/office/appeals/{n}/", 403),
    *[("window_staff", page, 403) for page in ENTERPRISE_PAGES],
    ("window_staff", "/appeals/{n}/files/{f}/", 404),
    ("window_staff", "/office/appeals/{n}/", 404),
]


@pytest.mark.parametrize(("username", "path", "status"), ANOTHER_PARK)
def test_the_same_persona_of_another_park_gets_nothing(appeal_with_file, username, path, status):
    appeal, attachment = appeal_with_file
    client = client_for("beta.localhost", username)
    response = client.get(path.format(n=appeal.tracking_number, f=attachment.pk))
    assert response.status_code == status
    assert "只属于本企业的诉求" not in response.content.decode()


@pytest.mark.parametrize("path", [*ENTERPRISE_PAGES, "/office/appeals/{n}/"])
def test_anonymous_visitors_are_sent_to_log_in(appeal_with_file, path):
    appeal, _attachment = appeal_with_file
    response = client_for("alpha.localhost").get(path.format(n=appeal.tracking_number))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_anonymous_visitors_cannot_download_files(appeal_with_file):
    appeal, attachment = appeal_with_file
    path = f"/appeals/{appeal.tracking_number}/files/{attachment.pk}/"
    assert client_for("alpha.localhost").get(path).status_code == 404


def test_window_staff_see_the_file_but_enterprises_cannot_triage(appeal_with_file):
    appeal, attachment = appeal_with_file
    window = client_for("alpha.localhost", "window_staff")
    assert (
        window.get(f"/appeals/{appeal.tracking_number}/files/{attachment.pk}/").status_code == 200
    )
    enterprise = client_for("alpha.localhost", "enterprise_user")
    assert enterprise.get("/office/appeals/").status_code == 403
    response = enterprise.post(f"/office/appeals/{appeal.tracking_number}/accept/", {})
    assert response.status_code == 403
    with schema_context("alpha"):
        assert Appeal.objects.get(pk=appeal.pk).status == Appeal.Status.SUBMITTED


def test_other_enterprise_cannot_rate_or_reply(park_a):
    appeal = submit("alpha")
    client = client_for("alpha.localhost", "other_enterprise_user")
    for action in ("rate", "reply"):
        response = client.post(f"/appeals/{appeal.tracking_number}/{action}/", {"text": "x"})
        assert response.status_code == 404


def test_files_are_not_under_a_public_url(appeal_with_file):
    _appeal, attachment = appeal_with_file
    from django.conf import settings

    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    response = client_for("alpha.localhost").get(f"/media/{attachment.file.name}")
    assert response.status_code == 404


class TestTheHub:
    """Liaisons see only their department's cases; the case's files likewise."""

    @pytest.fixture
    def case(self, park_a):
        _appeal, case = dispatched_case("alpha", uploads=[files.pdf("贷款合同.pdf")])
        deliver_to_parks()
        return case

    def test_the_departments_liaison_sees_the_case_and_its_file(self, case):
        hub = client_for("localhost", "liaison")
        assert case.tracking_number in hub.get("/cases/").content.decode()
        assert hub.get(f"/cases/{case.pk}/").status_code == 200
        file = case.attachments.get()
        response = hub.get(f"/cases/{case.pk}/files/{file.pk}/")
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    def test_another_departments_liaison_gets_404(self, case):
        hub = client_for("localhost", "other_liaison")
        assert case.tracking_number not in hub.get("/cases/").content.decode()
        file = case.attachments.get()
        for path in (f"/cases/{case.pk}/", f"/cases/{case.pk}/files/{file.pk}/"):
            assert hub.get(path).status_code == 404
        for action in ("sign", "answer", "transfer", "return", "request-info", "extension"):
            assert hub.post(f"/cases/{case.pk}/{action}/", {"text": "x"}).status_code == 404
        case.refresh_from_db()
        assert case.status == "dispatched"

    def test_anonymous_visitors_and_park_accounts_get_nothing(self, case):
        file = case.attachments.get()
        anonymous = client_for("localhost")
        assert anonymous.get(f"/cases/{case.pk}/").status_code == 302
        assert anonymous.get(f"/cases/{case.pk}/files/{file.pk}/").status_code == 404
        # A park account's session means nothing on the hub.
        park_session = client_for("alpha.localhost", "window_staff")
        park_session.defaults["HTTP_HOST"] = "localhost"
        assert park_session.get(f"/cases/{case.pk}/").status_code == 302

    def test_district_admins_see_all_cases_but_do_not_answer_for_departments(self, case):
        hub = client_for("localhost", "district_admin")
        assert hub.get(f"/cases/{case.pk}/").status_code == 200
        assert hub.post(f"/cases/{case.pk}/answer/", {"text": "x"}).status_code == 403

    def test_liaisons_cannot_arbitrate(self, case):
        hub = client_for("localhost", "liaison")
        assert hub.get("/arbitration/").status_code == 403


class TestBehindNginx:
    """PRIVATE_ACCEL_REDIRECT set: after the same permission check, nginx sends the file from
    its internal /_private/ location; whoever may not read it still gets 404 and no header."""

    @pytest.fixture(autouse=True)
    def accel(self, settings):
        settings.PRIVATE_ACCEL_REDIRECT = "/_private/"

    def test_the_owner_gets_the_file_from_nginx(self, appeal_with_file):
        appeal, attachment = appeal_with_file
        client = client_for("alpha.localhost", "enterprise_user")
        response = client.get(f"/appeals/{appeal.tracking_number}/files/{attachment.pk}/")
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/_private/{attachment.file.name}"
        assert attachment.file.name.startswith("alpha/")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
        assert response.content == b""

    def test_another_enterprise_gets_404_and_no_file(self, appeal_with_file):
        appeal, attachment = appeal_with_file
        client = client_for("alpha.localhost", "other_enterprise_user")
        response = client.get(f"/appeals/{appeal.tracking_number}/files/{attachment.pk}/")
        assert response.status_code == 404
        assert "X-Accel-Redirect" not in response

    def test_the_hub_liaison_gets_the_case_file_from_nginx(self, park_a):
        _appeal, case = dispatched_case("alpha", uploads=[files.pdf("贷款合同.pdf")])
        file = case.attachments.get()
        hub = client_for("localhost", "liaison")
        response = hub.get(f"/cases/{case.pk}/files/{file.pk}/")
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/_private/{file.file.name}"
        other = client_for("localhost", "other_liaison")
        refused = other.get(f"/cases/{case.pk}/files/{file.pk}/")
        assert refused.status_code == 404
        assert "X-Accel-Redirect" not in refused
