"""The enterprise profile (一企一档): saved with its history and derived size class by the
enterprise, verified by the window; its pages, and who may see them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django_tenants.utils import schema_context

from accounts.models import Role, User
from accounts.services import user_create
from cms.models import Industry, Qualification
from demo.parks import demo_uscc
from enterprises.models import Enterprise
from proactive.models import EnterpriseProfile, ProfileChange
from proactive.services.profiles import (
    HeldQualification,
    profile_of,
    profile_save,
    profile_verify,
)

from ..conftest import host_client, log_in

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI)
pytestmark = pytest.mark.usefixtures("_frozen")


@pytest.fixture
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def enterprise_of(username: str = "enterprise_user") -> Enterprise:
    return Enterprise.objects.get(account__username=username)


def qualification(name: str = "高新技术企业") -> Qualification:
    return Qualification.objects.get_or_create(name=name)[0]


def save(enterprise: Enterprise, by: User | None = None, **fields):
    values = {
        "industry": Industry.objects.get(code="65"),
        "founded_on": datetime.date(2019, 3, 1),
        "headcount": 40,
        "revenue_band": 500,
        "assets_band": None,
        "tags": ["软件"],
        "qualifications": [],
        **fields,
    }
    return profile_save(profile=profile_of(enterprise), by=by or enterprise.account, **values)


def profile(username: str = "enterprise_user") -> EnterpriseProfile:
    return EnterpriseProfile.objects.get(enterprise__account__username=username)


# --- the service -------------------------------------------------------------------------


def test_each_saved_change_is_recorded_with_its_old_and_new_value(in_park_a):
    enterprise = enterprise_of()
    first = save(enterprise)
    assert {item["field"] for item in first.changes} == {
        "industry",
        "founded_on",
        "headcount",
        "revenue_band",
        "tags",
    }
    second = save(enterprise, headcount=120, tags=["软件", "人工智能"])
    assert second.changed_by == enterprise.account
    assert second.changes == [
        {"field": "headcount", "old": "40", "new": "120"},
        {"field": "tags", "old": "软件", "new": "人工智能、软件"},
    ]
    assert save(enterprise, headcount=120, tags=["人工智能", "软件"]) is None
    assert ProfileChange.objects.filter(profile__enterprise=enterprise).count() == 2


def test_qualifications_added_and_removed_are_in_the_history(in_park_a):
    enterprise = enterprise_of()
    held = HeldQualification(qualification(), "GR202344200001", datetime.date(2027, 12, 31))
    save(enterprise, qualifications=[held])
    change = save(enterprise, qualifications=[])
    assert change.changes[0]["field"] == "qualification:高新技术企业"
    assert change.changes[0]["old"]["certificate"] == "GR202344200001"
    assert change.changes[0]["new"] == ""
    assert not profile().qualifications.exists()


@pytest.mark.parametrize(
    ("code", "headcount", "revenue", "assets", "size"),
    [
        ("65", 40, 500, None, "small"),  # software: small from 10 people and 50 万元
        ("65", 100, 1000, None, "medium"),
        ("39", 1000, 40000, None, "large"),  # manufacturing: large at both bounds
        ("39", 5, 100, None, "micro"),
        ("47", None, 6000, 5000, "medium"),  # construction: revenue and assets
        ("47", None, 6000, None, ""),  # … without assets, no size
    ],
)
def test_the_size_class_is_derived_not_typed(in_park_a, code, headcount, revenue, assets, size):
    save(
        enterprise_of(),
        industry=Industry.objects.get(code=code),
        headcount=headcount,
        revenue_band=revenue,
        assets_band=assets,
    )
    assert profile().size_class == size


def test_a_change_by_the_enterprise_ends_the_windows_verification(in_park_a):
    enterprise = enterprise_of()
    window = User.objects.get(username="window_staff")
    save(enterprise)
    profile_verify(profile=profile(), by=window)
    assert profile().is_verified
    save(enterprise, headcount=41, by=window)  # the window's own correction keeps it
    assert profile().is_verified
    save(enterprise, headcount=42)
    assert not profile().is_verified
    assert profile().verified_by is None


def test_only_the_window_verifies(in_park_a):
    save(enterprise_of())
    for username in ("enterprise_user", "park_operator", "content_manager"):
        with pytest.raises(PermissionDenied):
            profile_verify(profile=profile(), by=User.objects.get(username=username))
    assert not profile().is_verified


@pytest.mark.parametrize("username", ["other_enterprise_user", "park_operator", "content_manager"])
def test_no_one_else_saves_an_enterprises_profile(in_park_a, username):
    with pytest.raises(PermissionDenied):
        save(enterprise_of(), by=User.objects.get(username=username))
    assert not EnterpriseProfile.objects.filter(enterprise=enterprise_of()).exists()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"industry": "I"}, "not_division"),  # a section, not a division
        ({"founded_on": datetime.date(2026, 12, 6)}, "future"),
        ({"tags": [f"标签{n}" for n in range(11)]}, "tags"),
        ({"tags": ["二十一个字" * 4 + "长"]}, "tags"),
        ({"qualifications": "twice"}, "duplicate"),
        ({"qualifications": "no certificate"}, "certificate_required"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(in_park_a, fields, code):
    enterprise = enterprise_of()
    save(enterprise)
    before = list(ProfileChange.objects.values_list("pk", flat=True))
    if "industry" in fields:
        fields["industry"] = Industry.objects.get(code=fields["industry"])
    if fields.get("qualifications") == "twice":
        fields["qualifications"] = [
            HeldQualification(qualification(), "GR1", None),
            HeldQualification(qualification(), "GR2", None),
        ]
    elif fields.get("qualifications") == "no certificate":
        fields["qualifications"] = [HeldQualification(qualification(), " ", None)]
    with pytest.raises(ValidationError) as refused:
        save(enterprise, headcount=99, **fields)
    assert refused.value.code == code
    assert profile().headcount == 40
    assert list(ProfileChange.objects.values_list("pk", flat=True)) == before


# --- the pages ---------------------------------------------------------------------------

FORM = {
    "industry": "",
    "founded_on": "2019-03-01",
    "headcount": "40",
    "revenue_band": "500",
    "assets_band": "",
    "tags": "软件、人工智能",
    "qualifications-TOTAL_FORMS": "2",
    "qualifications-INITIAL_FORMS": "0",
    "qualifications-MIN_NUM_FORMS": "0",
    "qualifications-MAX_NUM_FORMS": "1000",
}


def form(**overrides) -> dict:
    with schema_context("alpha"):
        software = Industry.objects.get(code="65").pk
    return {**FORM, "industry": str(software), **overrides}


def client_of(username: str, host: str = "alpha.localhost"):
    client = host_client(host)
    log_in(client, username)
    return client


def test_the_enterprise_fills_its_profile_and_sees_its_history(park_a):
    with schema_context("alpha"):
        high_tech = qualification().pk
    client = client_of("enterprise_user")
    page = client.get("/profile/")
    assert page.status_code == 200
    assert "GB/T 4754" in page.content.decode()
    data = form(
        **{
            "qualifications-0-qualification": str(high_tech),
            "qualifications-0-certificate_number": "GR202344200001",
            "qualifications-0-expires_on": "2026-12-04",
        }
    )
    response = client.post("/profile/", data)
    assert response.status_code == 302
    assert response["Location"] == "/profile/"
    with schema_context("alpha"):
        saved = profile()
        assert (saved.industry.code, saved.headcount, saved.size_class) == ("65", 40, "small")
        assert saved.tags == sorted(["软件", "人工智能"])
        assert saved.qualifications.get().certificate_number == "GR202344200001"
    shown = client.get("/profile/").content.decode()
    assert "GR202344200001" in shown
    assert 'class="status overdue"' in shown  # expired yesterday
    history = client.get("/profile/history/")
    assert history.status_code == 200
    assert "GR202344200001" in history.content.decode()


def test_the_profile_page_says_why_no_size_class_can_be_derived(park_a):
    client = client_of("enterprise_user")
    client.post("/profile/", form(headcount=""))
    with schema_context("alpha"):
        assert profile().size_class == ""
    page = client.get("/profile/")
    assert page.context["sizing"].reason == "missing:headcount"
    assert page.context["sizing_reason"] in page.content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        {"founded_on": "2026-12-06"},
        {"headcount": "-1"},
        {"tags": "、".join(f"标签{n}" for n in range(11))},
        {"qualifications-0-certificate_number": "GR1"},  # no qualification chosen
        {"qualifications-0-qualification": "QUALIFICATION"},  # no certificate
        {
            "qualifications-0-qualification": "QUALIFICATION",
            "qualifications-0-certificate_number": "GR1",
            "qualifications-1-qualification": "QUALIFICATION",
            "qualifications-1-certificate_number": "GR2",
        },
    ],
    ids=["future", "negative", "tags", "no-qualification", "no-certificate", "twice"],
)
def test_bad_input_on_the_page_changes_nothing(park_a, overrides):
    with schema_context("alpha"):
        high_tech = str(qualification().pk)
        industry = Industry.objects.get(code="I").pk
    overrides = {k: high_tech if v == "QUALIFICATION" else v for k, v in overrides.items()}
    client = client_of("enterprise_user")
    response = client.post("/profile/", form(**overrides))
    assert response.status_code == 400
    with schema_context("alpha"):
        assert not EnterpriseProfile.objects.filter(
            enterprise__account__username="enterprise_user"
        ).exists()
    # A section cannot even be chosen: it is not among the choices.
    section = client.post("/profile/", form(industry=str(industry)))
    assert section.status_code == 400
    assert section.context["form"].has_error("industry", "invalid_choice")


def test_industries_are_divisions_grouped_by_section(park_a):
    page = client_of("enterprise_user").get("/profile/")
    choices = list(page.context["form"].fields["industry"].choices)
    groups = [label for label, value in choices if isinstance(value, list)]
    assert groups[0].startswith("A ")
    assert len(groups) == 20
    codes = {option_label.split()[0] for _label, group in choices[1:] for _v, option_label in group}
    assert "65" in codes
    assert not any(code.isalpha() for code in codes)


def test_the_window_lists_profiles_and_verifies_one(park_a):
    with schema_context("alpha"):
        enterprise = enterprise_of()
        save(enterprise)
        save(enterprise_of("other_enterprise_user"))
        profile_verify(
            profile=profile("other_enterprise_user"), by=User.objects.get(username="window_staff")
        )
    window = client_of("window_staff")
    listed = window.get("/office/profiles/")
    assert listed.status_code == 200
    assert enterprise.name in listed.content.decode()
    unverified = window.get("/office/profiles/?unverified=on").content.decode()
    assert enterprise.name in unverified
    assert enterprise_of_name("other_enterprise_user") not in unverified
    detail = window.get(f"/office/profiles/{enterprise.pk}/")
    assert detail.status_code == 200
    assert "软件" in detail.content.decode()
    response = window.post(f"/office/profiles/{enterprise.pk}/", {"seen": detail.context["seen"]})
    assert response.status_code == 302
    with schema_context("alpha"):
        assert profile().is_verified
        assert profile().verified_by.username == "window_staff"


def test_a_profile_changed_after_the_window_looked_is_not_verified(park_a):
    with schema_context("alpha"):
        enterprise = enterprise_of()
        save(enterprise)
    window = client_of("window_staff")
    seen = window.get(f"/office/profiles/{enterprise.pk}/").context["seen"]
    with schema_context("alpha"):
        save(enterprise, headcount=41)  # the enterprise edits while the window checks
    response = window.post(f"/office/profiles/{enterprise.pk}/", {"seen": seen}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    with schema_context("alpha"):
        assert not profile().is_verified
    with pytest.raises(ValidationError) as refused, schema_context("alpha"):
        profile_verify(profile=profile(), by=User.objects.get(username="window_staff"), seen=seen)
    assert refused.value.code == "changed"


def enterprise_of_name(username: str) -> str:
    with schema_context("alpha"):
        return enterprise_of(username).name


def test_park_operators_look_but_do_not_verify(park_a):
    with schema_context("alpha"):
        enterprise = enterprise_of()
        save(enterprise)
    operator = client_of("park_operator")
    assert operator.get("/office/profiles/").status_code == 200
    assert operator.get(f"/office/profiles/{enterprise.pk}/").status_code == 200
    assert operator.post(f"/office/profiles/{enterprise.pk}/").status_code == 403
    with schema_context("alpha"):
        assert not profile().is_verified


@pytest.mark.parametrize("username", ["enterprise_user", "content_manager"])
def test_other_roles_get_403_on_the_office_pages(park_a, username):
    with schema_context("alpha"):
        enterprise = enterprise_of()
        save(enterprise)
    client = client_of(username)
    assert client.get("/office/profiles/").status_code == 403
    assert client.get(f"/office/profiles/{enterprise.pk}/").status_code == 403
    assert client.post(f"/office/profiles/{enterprise.pk}/").status_code == 403
    with schema_context("alpha"):
        assert not profile().is_verified


def test_office_staff_cannot_use_the_enterprise_pages(park_a):
    window = client_of("window_staff")
    for path in ("/profile/", "/profile/history/", "/policies/for-me/"):
        assert window.get(path).status_code == 403


def test_another_parks_staff_see_nothing_of_this_park(park_a, park_b):
    with schema_context("alpha"):
        account = user_create(
            username="profile-only-alpha", password="x-Pass-42", role=Role.ENTERPRISE
        )
        enterprise = Enterprise.objects.create(
            pk=987654,
            account=account,
            name="只在阿尔法园区的企业",
            uscc=demo_uscc(7411),
            contact_name="王芳",
            mobile="13700007411",
            status=Enterprise.Status.VERIFIED,
        )
        save(enterprise)
    beta_window = client_of("window_staff", host="beta.localhost")
    listed = beta_window.get("/office/profiles/")
    assert listed.status_code == 200
    assert enterprise.name not in listed.content.decode()
    assert beta_window.get(f"/office/profiles/{enterprise.pk}/").status_code == 404
    assert beta_window.post(f"/office/profiles/{enterprise.pk}/").status_code == 404
    with schema_context("alpha"):
        assert not EnterpriseProfile.objects.get(enterprise=enterprise).is_verified


def test_an_enterprise_sees_only_its_own_profile(park_a):
    with schema_context("alpha"):
        save(enterprise_of("other_enterprise_user"), tags=["别家的标签"])
    page = client_of("enterprise_user").get("/profile/").content.decode()
    assert "别家的标签" not in page
    history = client_of("enterprise_user").get("/profile/history/").content.decode()
    assert "别家的标签" not in history


@pytest.mark.parametrize(
    "path", ["/profile/", "/profile/history/", "/policies/for-me/", "/office/profiles/"]
)
def test_anonymous_visitors_are_sent_to_log_in(park_a_client, path):
    response = park_a_client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("status", "expected"),
    [(Enterprise.Status.PENDING, 200), (Enterprise.Status.REJECTED, 403)],
)
def test_a_pending_enterprise_keeps_its_profile_a_rejected_one_does_not(park_a, status, expected):
    with schema_context("alpha"):
        Enterprise.objects.filter(account__username="enterprise_user").update(status=status)
    client = client_of("enterprise_user")
    assert client.get("/profile/").status_code == expected
    assert client.post("/profile/", form()).status_code == (302 if expected == 200 else 403)
    assert client.get("/policies/for-me/").status_code == expected
