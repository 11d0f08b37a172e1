"""`manage.py seed_load_users`: the load test's enterprise accounts, verified, idempotent, and
able to sign in and file an appeal like any enterprise."""

import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_context

from accounts.models import Role, User
from appeals.models import Appeal
from demo.parks import DEMO_PASSWORD
from enterprises.models import Enterprise
from onewindow.models import AppealCategory

from ..appeals import files
from ..conftest import host_client, log_in

pytestmark = pytest.mark.django_db


def seed(*parks: str, count: int = 3) -> str:
    out = io.StringIO()
    call_command("seed_load_users", count=count, parks=list(parks), stdout=out)
    return out.getvalue()


def load_enterprises(schema: str) -> list[tuple[str, str, str]]:
    with schema_context(schema):
        return list(
            Enterprise.objects.filter(account__username__startswith="load-ent-")
            .order_by("account__username")
            .values_list("account__username", "status", "verified_by__username")
        )


def test_each_park_gets_its_verified_accounts_verified_by_its_window(park_a, park_b):
    out = seed("alpha", "beta")
    expected = [(f"load-ent-00{n}", "verified", "window_staff") for n in (1, 2, 3)]
    assert load_enterprises("alpha") == expected
    assert load_enterprises("beta") == expected
    assert "alpha: 3 created, 0 already there" in out
    with schema_context("alpha"):
        account = User.objects.get(username="load-ent-002")
        assert account.role == Role.ENTERPRISE
        assert account.check_password(DEMO_PASSWORD)


def test_a_second_run_creates_nothing_and_a_larger_count_adds_only_the_new(park_a):
    seed("alpha")
    assert "alpha: 0 created, 3 already there" in seed("alpha")
    assert "alpha: 2 created, 3 already there" in seed("alpha", count=5)
    assert len(load_enterprises("alpha")) == 5
    with schema_context("alpha"):
        mobiles = set(
            Enterprise.objects.filter(account__username__startswith="load-ent-").values_list(
                "mobile", flat=True
            )
        )
    assert len(mobiles) == 5


def test_an_unknown_park_or_a_silly_count_is_refused_and_creates_nothing(park_a):
    with pytest.raises(CommandError, match="no such park: nowhere"):
        seed("alpha", "nowhere")
    with pytest.raises(CommandError, match="between 1 and 999"):
        seed("alpha", count=0)
    assert load_enterprises("alpha") == []


def test_a_load_account_signs_in_and_files_an_appeal_with_a_file(park_a):
    seed("alpha", count=1)
    client = host_client("alpha.localhost")
    assert log_in(client, "load-ent-001", DEMO_PASSWORD).status_code == 302
    with schema_context("alpha"):
        mobile = Enterprise.objects.get(account__username="load-ent-001").mobile
    form = client.get("/appeals/new/")
    assert form.status_code == 200
    assert f'value="{mobile}"' in form.content.decode()
    with schema_context("public"):
        category = AppealCategory.objects.get(name="融资服务")
    response = client.post(
        "/appeals/new/",
        {
            "category": category.pk,
            "title": "压测诉求",
            "description": "负载测试提交的诉求。",
            "contact_name": "压测联系人",
            "contact_mobile": mobile,
            "submission_key": str(uuid.uuid4()),
            "attachments": [files.pdf()],
        },
    )
    assert response.status_code == 302
    with schema_context("alpha"):
        appeal = Appeal.objects.get(title="压测诉求")
        assert appeal.enterprise.account.username == "load-ent-001"
        assert appeal.attachments.count() == 1
    assert response["Location"] == f"/appeals/{appeal.tracking_number}/submitted/"


def test_a_wrong_password_does_not_sign_a_load_account_in(park_a):
    seed("alpha", count=1)
    client = host_client("alpha.localhost")
    assert log_in(client, "load-ent-001", "not-the-password").status_code == 200
    response = client.get("/appeals/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
