"""District policies: a district admin publishes once at the hub and every park holds exactly one
copy, updated on each new version with the park's interpretation kept, unpublished on withdrawal;
only district admins write them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Revision

from accounts.models import User
from cms.models import Industry, PolicyIndexPage, PolicyPage
from onewindow.models import DistrictPolicy
from proactive import tasks
from proactive.forms_hub import DistrictPolicyForm
from proactive.services import district

from ..cms.content import _index
from ..cms.content import policy as park_policy
from ..conftest import host_client, log_in

pytestmark = pytest.mark.django_db

PARKS = ("alpha", "beta")


def hub_user(username: str = "district_admin") -> User:
    with schema_context("public"):
        return User.objects.get(username=username)


def values(**fields) -> dict:
    return {
        "title": "龙岗区促进专精特新企业发展若干措施",
        "issuing_authority": "深圳市龙岗区工业和信息化局",
        "document_number": "深龙工信规〔2026〕3号",
        "publish_date": datetime.date(2026, 11, 1),
        "effective_date": datetime.date(2026, 11, 15),
        "expiry_date": datetime.date(2029, 11, 14),
        "summary": "对新认定的专精特新企业给予一次性奖励。",
        "interpretation": "一、奖励对象\n\n新认定的<专精特新>中小企业。",
        "industry_codes": ["I", "39"],
        "enterprise_sizes": ["small", "micro"],
        "min_years_since_founding": 2,
        "max_years_since_founding": None,
        "qualification_names": ["专精特新中小企业", "区级新认定资质"],
        "qualification_rule": "any",
        "application_opens": datetime.date(2026, 12, 1),
        "application_closes": datetime.date(2026, 12, 31),
        "no_application_needed": False,
        **fields,
    }


def draft(**fields) -> DistrictPolicy:
    return district.district_policy_save(by=hub_user(), **values(**fields))


def published(**fields) -> DistrictPolicy:
    return district.district_policy_publish(policy=draft(**fields), by=hub_user())


@pytest.fixture(autouse=True)
def _no_other_district_policies(db):
    """The hub starts with no district policy in each test (rolled back with the test): one a
    browser test committed would otherwise be copied along."""
    DistrictPolicy.objects.all().delete()


@pytest.fixture
def libraries(park_a, park_b):
    """Both parks have a policy library (a new park has none until its editors add one)."""
    for schema in PARKS:
        with schema_context(schema):
            _index(PolicyIndexPage, "policies", "政策库")


def fanout() -> None:
    tasks.district_policies_fanout()
    connection.set_schema_to_public()


def copies(schema: str):
    """The park's copies of this test's district policies."""
    keys = DistrictPolicy.objects.values_list("key", flat=True)
    with schema_context(schema):
        return list(PolicyPage.objects.filter(district_key__in=list(keys)))


def revisions(schema: str) -> int:
    with schema_context(schema):
        return Revision.page_revisions.count()


def error_codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


# --- Reaching the parks ---------------------------------------------------------------------


def test_a_published_policy_reaches_every_park_once(libraries):
    policy = published()
    fanout()
    for schema in PARKS:
        [page] = copies(schema)
        with schema_context(schema):
            page = PolicyPage.objects.get(pk=page.pk)
            assert page.live
            assert page.district_key == policy.key
            assert page.district_version == policy.version == 1
            assert page.level == "district"
            assert page.title == policy.title
            assert page.slug == f"district-{policy.key}"
            assert page.get_parent().specific_class is PolicyIndexPage
            assert {i.code for i in page.industries.all()} == {"I", "39"}
            assert sorted(q.name for q in page.qualifications.all()) == sorted(
                policy.qualification_names
            )
            assert page.qualification_rule == "any"
            assert page.enterprise_sizes == ["small", "micro"]
            assert page.application_closes == datetime.date(2026, 12, 31)
            # Plain text became rich text, escaped.
            assert "<p>一、奖励对象</p>" in page.interpretation
            assert "&lt;专精特新&gt;" in page.interpretation


def test_syncing_again_changes_nothing(libraries):
    published()
    fanout()
    before = {schema: revisions(schema) for schema in PARKS}
    fanout()
    for schema in PARKS:
        with schema_context(schema):
            assert district.district_policies_sync() == 0
        assert len(copies(schema)) == 1
        assert revisions(schema) == before[schema]


def test_the_hub_policy_is_read_from_a_park_schema(libraries):
    policy = published()
    with schema_context("alpha"):
        assert DistrictPolicy.objects.filter(key=policy.key).exists()


def test_a_draft_does_not_reach_the_parks(libraries):
    draft()
    fanout()
    assert copies("alpha") == copies("beta") == []


def test_a_park_without_a_policy_library_is_skipped(park_a, caplog):
    published()
    with schema_context("alpha"):
        assert district.district_policies_sync() == 0
        assert not PolicyPage.objects.exists()
    assert "no policy library" in caplog.text


def test_a_new_version_updates_the_copies_and_keeps_the_park_interpretation(libraries):
    policy = published()
    fanout()
    with schema_context("alpha"):
        page = PolicyPage.objects.get(district_key=policy.key)
        page.park_interpretation = "<p>园区另有配套奖励。</p>"
        page.save_revision().publish()
    district.district_policy_save(
        by=hub_user(),
        policy=policy,
        **values(title="龙岗区促进专精特新企业发展若干措施（修订）", industry_codes=["65"]),
    )
    fanout()
    [copy] = copies("alpha")
    assert copy.title == "龙岗区促进专精特新企业发展若干措施"  # saved, not yet published

    policy = district.district_policy_publish(policy=policy, by=hub_user())
    fanout()
    assert policy.version == 2
    for schema in PARKS:
        [copy] = copies(schema)
        with schema_context(schema):
            assert copy.live
            assert copy.title.endswith("（修订）")
            assert copy.slug == f"district-{policy.key}"
            assert copy.district_version == 2
            assert [i.code for i in copy.industries.all()] == ["65"]
    [alpha] = copies("alpha")
    assert alpha.park_interpretation == "<p>园区另有配套奖励。</p>"


def test_a_withdrawn_policy_is_unpublished_in_every_park(libraries):
    policy = published()
    fanout()
    policy = district.district_policy_withdraw(policy=policy, by=hub_user())
    assert (policy.status, policy.version) == ("withdrawn", 2)
    fanout()
    before = {schema: revisions(schema) for schema in PARKS}
    for schema in PARKS:
        [copy] = copies(schema)
        assert not copy.live
        assert copy.district_version == 2
    fanout()
    assert {schema: revisions(schema) for schema in PARKS} == before
    assert all(not copy.live for schema in PARKS for copy in copies(schema))


def test_publishing_a_withdrawn_policy_again_republishes_the_copies(libraries):
    policy = published()
    fanout()
    policy = district.district_policy_withdraw(policy=policy, by=hub_user())
    fanout()
    district.district_policy_publish(policy=policy, by=hub_user())
    fanout()
    for schema in PARKS:
        [copy] = copies(schema)
        assert copy.live
        assert copy.district_version == 3


def test_a_change_saved_but_not_published_reaches_no_park_not_even_a_new_copy(libraries):
    policy = published()
    district.district_policy_save(
        by=hub_user(), policy=policy, **values(title="尚未发布的修订标题", industry_codes=["65"])
    )
    fanout()  # the parks' first copies are made now, after the unpublished change
    for schema in PARKS:
        [copy] = copies(schema)
        assert copy.title == "龙岗区促进专精特新企业发展若干措施"
        with schema_context(schema):
            assert sorted(i.code for i in copy.industries.all()) == ["39", "I"]


def test_a_park_editors_draft_keeps_and_the_live_page_gets_the_new_version(libraries):
    policy = published()
    fanout()
    with schema_context("alpha"):
        page = PolicyPage.objects.get(district_key=policy.key)
        page.park_interpretation = "<p>园区草稿：尚未发布的解读。</p>"
        page.save_revision()  # a draft, not published
    district.district_policy_save(
        by=hub_user(), policy=policy, **values(title="龙岗区促进专精特新企业发展若干措施（修订）")
    )
    district.district_policy_publish(policy=policy, by=hub_user())
    fanout()
    with schema_context("alpha"):
        page = PolicyPage.objects.get(district_key=policy.key)
        assert page.live
        assert page.title.endswith("（修订）")  # what the public sees
        assert page.park_interpretation == ""  # the draft's text is not published
        assert page.has_unpublished_changes
        draft = page.get_latest_revision_as_object()
        assert draft.title.endswith("（修订）")
        assert draft.park_interpretation == "<p>园区草稿：尚未发布的解读。</p>"


def test_a_copy_the_park_unpublished_stays_unpublished(libraries):
    policy = published()
    fanout()
    with schema_context("alpha"):
        PolicyPage.objects.get(district_key=policy.key).unpublish()
    district.district_policy_publish(policy=policy, by=hub_user())
    fanout()
    [alpha] = copies("alpha")
    [beta] = copies("beta")
    assert (alpha.live, beta.live) == (False, True)
    assert alpha.district_version == beta.district_version == 2


def test_an_industry_row_a_park_deleted_is_made_again(libraries):
    with schema_context("alpha"):
        Industry.objects.filter(code="39").delete()
    policy = published()
    fanout()
    with schema_context("alpha"):
        copy = PolicyPage.objects.get(district_key=policy.key)
        assert sorted(i.code for i in copy.industries.all()) == ["39", "I"]


def test_a_withdrawn_policy_never_copied_is_not_created(libraries):
    policy = published()
    district.district_policy_withdraw(policy=policy, by=hub_user())
    fanout()
    assert copies("alpha") == copies("beta") == []


def test_a_copy_made_meanwhile_is_kept_alone(libraries):
    """Two syncs racing: the unique district key refuses the second copy, which gives way."""
    policy = published()
    with schema_context("alpha"):
        index = PolicyIndexPage.objects.get()
        version = district.published_version(policy)
        assert district._copy_create(policy, version, index) is not None
        assert district._copy_create(policy, version, index) is None
        assert PolicyPage.objects.filter(district_key=policy.key).count() == 1


def test_each_change_in_a_park_sends_the_rematch(libraries, monkeypatch):
    sent = []
    monkeypatch.setattr(district, "enqueue_on_commit", lambda task, *ids: sent.append((task, ids)))
    policy = published()
    with schema_context("alpha"):
        district.district_policies_sync()
        page = PolicyPage.objects.get(district_key=policy.key)
        district.district_policies_sync()
    assert sent == [
        ("proactive.tasks.district_policies_fanout", ()),
        ("proactive.tasks.policy_rematch", (page.pk,)),
    ]


def test_a_new_park_gets_the_policies_when_it_has_a_library(libraries):
    published()
    with schema_context("alpha"):
        district.district_policies_on_new_park(park=None, hostname="alpha.localhost")
    assert len(copies("alpha")) == 1


# --- At the hub: who, and what is refused ---------------------------------------------------


def test_publish_and_withdraw_send_the_fanout_after_commit(monkeypatch):
    sent = []
    monkeypatch.setattr(district, "enqueue_on_commit", lambda task, *ids: sent.append(task))
    policy = published()
    district.district_policy_withdraw(policy=policy, by=hub_user())
    assert sent == [district.FANOUT_TASK, district.FANOUT_TASK]
    policy.refresh_from_db()
    assert policy.published_at is not None
    assert policy.updated_by == hub_user()


def test_withdrawing_a_draft_is_refused():
    policy = draft()
    with pytest.raises(ValidationError) as refused:
        district.district_policy_withdraw(policy=policy, by=hub_user())
    assert refused.value.code == "wrong_status"
    policy.refresh_from_db()
    assert (policy.status, policy.version) == ("draft", 0)


@pytest.mark.parametrize(
    ("schema", "username"),
    [("public", "liaison"), ("alpha", "park_operator"), ("alpha", "content_manager")],
)
def test_only_district_admins_write_district_policies(schema, username):
    policy = draft()
    with schema_context(schema):
        other = User.objects.get(username=username)
    with pytest.raises(PermissionDenied):
        district.district_policy_save(by=other, **values())
    with pytest.raises(PermissionDenied):
        district.district_policy_publish(policy=policy, by=other)
    policy = published(title="已发布")
    with pytest.raises(PermissionDenied):
        district.district_policy_withdraw(policy=policy, by=other)
    policy.refresh_from_db()
    assert policy.status == "published"


def test_bad_codes_dates_and_choices_are_refused_with_codes():
    with pytest.raises(ValidationError) as refused:
        draft(
            industry_codes=["I", "99", "ZZ"],
            enterprise_sizes=["huge"],
            expiry_date=datetime.date(2026, 11, 1),
            application_opens=datetime.date(2026, 12, 31),
            application_closes=datetime.date(2026, 12, 1),
            min_years_since_founding=5,
            max_years_since_founding=3,
            qualification_rule="some",
        )
    assert error_codes(refused.value) == {
        "expiry_date": ["expiry_before_effective"],
        "application_closes": ["closes_before_opens"],
        "max_years_since_founding": ["years_order"],
        "industry_codes": ["unknown_code"],
        "enterprise_sizes": ["unknown_size"],
        "qualification_rule": ["invalid_choice"],
    }
    assert not DistrictPolicy.objects.exists()


def test_a_closing_date_needs_an_opening_date():
    with pytest.raises(ValidationError) as refused:
        draft(application_opens=None)
    assert error_codes(refused.value) == {"application_opens": ["opens_missing"]}


def form_data(**fields) -> dict:
    data = values(**fields)
    data["qualification_names"] = (
        "专精特新中小企业、国家高新技术企业\n科技型中小企业, 专精特新中小企业"
    )
    return {
        name: value
        for name, value in data.items()
        if value is not None and value is not False and value != []
    }


def test_the_form_offers_sections_and_divisions_and_reads_names():
    form = DistrictPolicyForm(form_data())
    assert form.is_valid(), form.errors
    assert form.fields_cleaned()["qualification_names"] == [
        "专精特新中小企业",
        "国家高新技术企业",
        "科技型中小企业",
    ]
    offered = [
        code for _group, options in form.fields["industry_codes"].choices for code, _ in options
    ]
    assert "I" in offered
    assert "65" in offered
    assert "ZZ" not in offered


def test_the_form_refuses_a_code_not_offered():
    form = DistrictPolicyForm(form_data(industry_codes=["ZZ"]))
    assert not form.is_valid()
    assert form.errors.as_data()["industry_codes"][0].code == "invalid_choice"


# --- Over HTTP ------------------------------------------------------------------------------


def admin_client():
    client = host_client("localhost")
    log_in(client, "district_admin")
    return client


def test_a_district_admin_writes_and_publishes_over_http(libraries):
    client = admin_client()
    assert client.get("/district-policies/").status_code == 200
    assert client.get("/district-policies/new/").status_code == 200
    response = client.post("/district-policies/new/", form_data())
    assert response.status_code == 302
    policy = DistrictPolicy.objects.get()
    assert policy.status == "draft"
    assert client.get(f"/district-policies/{policy.pk}/edit/").status_code == 200
    assert client.post(f"/district-policies/{policy.pk}/publish/").status_code == 302
    policy.refresh_from_db()
    assert (policy.status, policy.version) == ("published", 1)
    page = client.get("/district-policies/")
    assert policy.title in page.content.decode()
    assert client.post(f"/district-policies/{policy.pk}/withdraw/").status_code == 302
    policy.refresh_from_db()
    assert policy.status == "withdrawn"


def test_a_bad_form_is_shown_again_with_its_errors():
    client = admin_client()
    response = client.post(
        "/district-policies/new/", form_data(expiry_date=datetime.date(2026, 1, 1))
    )
    assert response.status_code == 400
    assert response.context["form"].errors.as_data()["expiry_date"][0].code == (
        "expiry_before_effective"
    )
    assert not DistrictPolicy.objects.exists()


def test_withdrawing_a_draft_over_http_changes_nothing():
    policy = draft()
    response = admin_client().post(f"/district-policies/{policy.pk}/withdraw/")
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.status == "draft"


@pytest.mark.parametrize("path", ["/district-policies/", "/district-policies/new/"])
def test_a_liaison_is_refused_the_pages(path):
    client = host_client("localhost")
    log_in(client, "liaison")
    assert client.get(path).status_code == 403


def test_a_liaison_cannot_publish():
    policy = draft()
    client = host_client("localhost")
    log_in(client, "liaison")
    assert client.post(f"/district-policies/{policy.pk}/publish/").status_code == 403
    assert client.get(f"/district-policies/{policy.pk}/edit/").status_code == 403
    policy.refresh_from_db()
    assert policy.status == "draft"


def test_anonymous_visitors_are_sent_to_log_in():
    response = host_client("localhost").get("/district-policies/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_unknown_policy_is_not_found():
    assert admin_client().get("/district-policies/999999/edit/").status_code == 404


# --- The park's page ------------------------------------------------------------------------


def test_the_park_page_shows_the_district_label_and_the_park_interpretation(libraries):
    policy = published(no_application_needed=True)
    fanout()
    with schema_context("alpha"):
        page = PolicyPage.objects.get(district_key=policy.key)
        page.park_interpretation = "<p>园区另有配套奖励。</p>"
        page.save_revision().publish()
        url = page.url
    body = host_client("alpha.localhost").get(url).content.decode()
    assert 'class="badge badge-district"' in body
    assert "badge-no-application" in body
    assert 'class="park-interpretation"' in body
    assert "园区另有配套奖励。" in body
    beta = copies("beta")[0]
    with schema_context("beta"):
        url = beta.url
    body = host_client("beta.localhost").get(url).content.decode()
    assert "park-interpretation" not in body


def test_a_park_policy_has_no_district_label(libraries):
    with schema_context("alpha"):
        page = park_policy("园区人才公寓政策")
        url = page.url
    body = host_client("alpha.localhost").get(url).content.decode()
    assert "badge-district" not in body
    assert "badge-no-application" not in body
