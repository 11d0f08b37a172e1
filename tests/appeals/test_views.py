"""The appeal pages over HTTP: intake, window triage, the enterprise's pages, lookup."""

import uuid

import pytest
from django_tenants.utils import schema_context

from appeals.lifecycle import NOT_ALLOWED
from appeals.models import Appeal

from ..conftest import log_in
from . import files
from .helpers import accept, category, submit


def form_data(**overrides) -> dict:
    data = {
        "category": category().pk,
        "title": "人才住房申请材料咨询",
        "description": "想了解人才住房申请需要准备的材料。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def appeals_in(schema: str):
    with schema_context(schema):
        return list(Appeal.objects.values_list("title", flat=True))


@pytest.fixture
def enterprise(park_a_client):
    log_in(park_a_client, "enterprise_user")
    return park_a_client


@pytest.fixture
def window(park_a):
    from ..conftest import host_client

    client = host_client("alpha.localhost")
    log_in(client, "window_staff")
    return client


def test_the_form_is_prefilled_with_the_enterprise_contact(enterprise):
    response = enterprise.get("/appeals/new/")
    assert response.status_code == 200
    assert "enterprise_user" in response.content.decode()


def test_an_enterprise_submits_and_gets_its_tracking_number_and_link(enterprise):
    response = enterprise.post(
        "/appeals/new/",
        {**form_data(), "attachments": [files.pdf(), files.upload("现场.png", files.PNG)]},
    )
    assert response.status_code == 302
    page = enterprise.get(response["Location"]).content.decode()
    with schema_context("alpha"):
        appeal = Appeal.objects.get(title="人才住房申请材料咨询")
        assert appeal.attachments.count() == 2
    assert appeal.tracking_number in page
    assert appeal.secret in page


def test_a_double_click_makes_one_appeal(enterprise):
    data = form_data(title="重复提交测试")
    first = enterprise.post("/appeals/new/", data)
    second = enterprise.post("/appeals/new/", data)
    assert first["Location"] == second["Location"]
    assert appeals_in("alpha").count("重复提交测试") == 1


def test_anonymous_visitors_are_sent_to_log_in(park_a_client):
    response = park_a_client.get("/appeals/new/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_window_staff_cannot_use_the_enterprise_form(window):
    assert window.get("/appeals/new/").status_code == 403


def test_an_unverified_enterprise_is_told_to_wait(park_a):
    from accounts.services import user_create
    from demo.parks import demo_uscc
    from enterprises.models import Enterprise

    from ..conftest import host_client

    with schema_context("alpha"):
        user = user_create(username="pending_co", password="Correct-Horse-42", role="enterprise")
        Enterprise.objects.create(
            account=user,
            name="待审核公司",
            uscc=demo_uscc(777),
            contact_name="赵",
            mobile="13900000777",
        )
    client = host_client("alpha.localhost")
    log_in(client, "pending_co")
    response = client.get("/appeals/new/")
    assert response.status_code == 403
    assert "审核" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"description": "长" * 4001}, "4000"),
        ({"title": ""}, "必填"),
        ({"contact_mobile": "12345"}, "手机"),
        ({"category": ""}, "必填"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(enterprise, overrides, message):
    before = len(appeals_in("alpha"))
    response = enterprise.post("/appeals/new/", form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(appeals_in("alpha")) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("合同.pdf", files.EXE, "PDF、JPEG、PNG、DOCX 或 XLSX"),
        ("照片.png", files.PDF, "PDF、JPEG、PNG、DOCX 或 XLSX"),
        ("表格.xlsx", files.DOCX, "PDF、JPEG、PNG、DOCX 或 XLSX"),
        ("大文件.pdf", files.PDF + b"0" * (10 * 1024 * 1024), "10 MB"),
    ],
)
def test_disguised_or_oversized_uploads_are_refused(enterprise, name, content, message):
    before = len(appeals_in("alpha"))
    response = enterprise.post(
        "/appeals/new/", {**form_data(), "attachments": [files.upload(name, content)]}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(appeals_in("alpha")) == before


def test_more_than_five_files_are_refused(enterprise):
    uploads = [files.pdf(f"{n}.pdf") for n in range(6)]
    response = enterprise.post("/appeals/new/", {**form_data(), "attachments": uploads})
    assert "最多" in response.content.decode()
    assert "人才住房申请材料咨询" not in appeals_in("alpha")


def test_office_files_are_recognised_from_their_content(enterprise):
    uploads = [
        files.upload("报表.xlsx", files.XLSX),
        files.upload("说明.docx", files.DOCX),
        files.upload("照片.jpg", files.JPEG),
    ]
    response = enterprise.post("/appeals/new/", {**form_data(), "attachments": uploads})
    assert response.status_code == 302


def test_script_in_every_text_field_is_shown_escaped(enterprise, window):
    script = "<script>alert(1)</script>"
    data = form_data(title=script, description=script, contact_name=script)
    response = enterprise.post("/appeals/new/", data)
    page = enterprise.get(response["Location"].replace("submitted/", "")).content.decode()
    assert script not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    with schema_context("alpha"):
        number = Appeal.objects.get(title=script).tracking_number
    reason = {"return-reason": script}
    window.post(f"/office/appeals/{number}/return/", reason)
    for client, path in (
        (window, f"/office/appeals/{number}/"),
        (enterprise, f"/appeals/{number}/"),
    ):
        page = client.get(path).content.decode()
        assert script not in page


def test_the_window_accepts_from_its_queue(window, park_a):
    appeal = submit("alpha", title="排队中的诉求")
    queue = window.get("/office/appeals/").content.decode()
    assert appeal.tracking_number in queue
    response = window.post(f"/office/appeals/{appeal.tracking_number}/accept/", {"note": ""})
    assert response.status_code == 302
    with schema_context("alpha"):
        appeal.refresh_from_db()
        assert appeal.status == Appeal.Status.DISPATCHED
        assert appeal.sent_to_hub


@pytest.mark.parametrize("action", ["return", "reject"])
def test_return_and_reject_need_a_reason(window, park_a, action):
    appeal = submit("alpha")
    response = window.post(
        f"/office/appeals/{appeal.tracking_number}/{action}/", {f"{action}-reason": " "}
    )
    assert response.status_code == 400
    with schema_context("alpha"):
        appeal.refresh_from_db()
        assert appeal.status == Appeal.Status.SUBMITTED


def test_an_accepted_appeal_cannot_be_accepted_again(window, park_a):
    appeal = accept("alpha", submit("alpha"))
    response = window.post(
        f"/office/appeals/{appeal.tracking_number}/reject/", {"reject-reason": "不属于受理范围"}
    )
    assert response.status_code == 400
    errors = response.context["reject_form"].errors.as_data()
    assert [error.code for error in errors["__all__"]] == [NOT_ALLOWED]
    with schema_context("alpha"):
        assert Appeal.objects.get(pk=appeal.pk).status == Appeal.Status.DISPATCHED


def test_the_queue_filters_overdue_appeals(window, park_a):
    import datetime

    overdue = submit("alpha", title="逾期未受理")
    fresh = submit("alpha", title="刚提交")
    with schema_context("alpha"):
        Appeal.objects.filter(pk=overdue.pk).update(window_due=datetime.date(2026, 1, 5))
    page = window.get("/office/appeals/?due=overdue").content.decode()
    assert overdue.tracking_number in page
    assert fresh.tracking_number not in page


def test_a_returned_appeal_is_corrected_and_resubmitted(enterprise, window, park_a):
    appeal = submit("alpha")
    window.post(
        f"/office/appeals/{appeal.tracking_number}/return/", {"return-reason": "请补充营业执照"}
    )
    page = enterprise.get(f"/appeals/{appeal.tracking_number}/").content.decode()
    assert "请补充营业执照" in page
    data = form_data(title="已补充材料的诉求")
    data.pop("submission_key")
    data["attachments"] = [files.pdf()]
    response = enterprise.post(f"/appeals/{appeal.tracking_number}/edit/", data)
    assert response.status_code == 302
    with schema_context("alpha"):
        appeal.refresh_from_db()
        assert appeal.status == Appeal.Status.SUBMITTED
        assert appeal.title == "已补充材料的诉求"


def test_walk_in_appeals_are_filed_by_the_window(window, park_a):
    with schema_context("alpha"):
        from enterprises.models import Enterprise

        enterprise_pk = Enterprise.objects.get(account__username="enterprise_user").pk
    response = window.post(
        "/office/appeals/new/", {**form_data(title="窗口代办诉求"), "enterprise": enterprise_pk}
    )
    assert response.status_code == 302
    with schema_context("alpha"):
        appeal = Appeal.objects.get(title="窗口代办诉求")
        assert appeal.filed_at_window
        assert appeal.enterprise.pk == enterprise_pk


def test_a_window_answer_is_rated_by_the_enterprise(enterprise, window, park_a):
    appeal = submit("alpha")
    window.post(
        f"/office/appeals/{appeal.tracking_number}/answer/", {"text": "可直接在园区窗口办理。"}
    )
    page = enterprise.get(f"/appeals/{appeal.tracking_number}/").content.decode()
    assert "可直接在园区窗口办理。" in page
    response = enterprise.post(
        f"/appeals/{appeal.tracking_number}/rate/",
        {"resolved": "yes", "satisfaction": "2", "comment": "好"},
    )
    assert response.status_code == 302
    with schema_context("alpha"):
        appeal.refresh_from_db()
        assert appeal.status == Appeal.Status.CLOSED
        assert appeal.satisfaction == 2


def test_lookup_by_number_and_mobile(park_a_client, park_a):
    appeal = submit("alpha")
    with schema_context("alpha"):
        mobile = appeal.enterprise.mobile
    found = park_a_client.post(
        "/track/", {"tracking_number": appeal.tracking_number, "mobile": mobile}
    )
    assert appeal.title in found.content.decode()


def test_a_wrong_mobile_and_a_wrong_number_get_the_same_answer(park_a_client, park_a):
    appeal = submit("alpha")
    with schema_context("alpha"):
        mobile = appeal.enterprise.mobile
    wrong_mobile = park_a_client.post(
        "/track/", {"tracking_number": appeal.tracking_number, "mobile": "13000000000"}
    )
    wrong_number = park_a_client.post(
        "/track/", {"tracking_number": "ALFA-20200101-0001", "mobile": mobile}
    )
    strip = lambda response: response.content.decode().replace("csrfmiddlewaretoken", "")  # noqa: E731
    assert wrong_mobile.status_code == wrong_number.status_code == 200
    assert "没有与该受理编号和手机号码相符的诉求" in wrong_mobile.content.decode()
    assert appeal.title not in strip(wrong_mobile)
    assert appeal.title not in strip(wrong_number)


def test_an_invalid_tracking_number_is_explained(park_a_client):
    response = park_a_client.post("/track/", {"tracking_number": "abc", "mobile": "13800138001"})
    assert "TAYG-20261127-0042" in response.content.decode()


def test_the_secret_link_shows_progress_without_login(park_a_client, park_a):
    appeal = submit("alpha")
    response = park_a_client.get(f"/track/{appeal.secret}/")
    assert response.status_code == 200
    assert appeal.title in response.content.decode()
    assert park_a_client.get(f"/track/{appeal.secret[:-1]}x/").status_code == 404


def test_lookup_is_rate_limited(park_a_client, settings):
    settings.RATELIMIT_ENABLE = True
    statuses = [
        park_a_client.post(
            "/track/", {"tracking_number": "ALFA-20200101-0001", "mobile": "13000000000"}
        ).status_code
        for _ in range(12)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429


def test_the_queue_shows_waiting_appeals_first_the_most_urgent_on_top(window, park_a):
    import datetime

    answered = submit("alpha", title="已答复的旧诉求")
    later = submit("alpha", title="稍后到期")
    urgent = submit("alpha", title="最紧急")
    with schema_context("alpha"):
        Appeal.objects.filter(pk=answered.pk).update(
            status="answered", window_due=datetime.date(2025, 1, 2)
        )
        Appeal.objects.filter(pk=urgent.pk).update(window_due=datetime.date(2026, 1, 5))
    page = window.get("/office/appeals/").content.decode()
    assert page.index(urgent.tracking_number) < page.index(later.tracking_number)
    assert page.index(later.tracking_number) < page.index(answered.tracking_number)


def test_lookup_without_login_shows_progress_but_not_the_text_of_answers(park_a_client, park_a):
    from .helpers import deliver_to_parks, dispatched_case

    appeal, case = dispatched_case("alpha")
    from onewindow.services.cases import case_answer

    from ..personas import user_in

    case_answer(case=case, by=user_in("public", "liaison"), text="贵司的贷款贴息为十二万元")
    deliver_to_parks()
    with schema_context("alpha"):
        mobile = appeal.enterprise.mobile
    for response in (
        park_a_client.post(
            "/track/", {"tracking_number": appeal.tracking_number, "mobile": f"+86 {mobile}"}
        ),
        park_a_client.get(f"/track/{appeal.secret}/"),
    ):
        page = response.content.decode()
        assert appeal.tracking_number in page
        assert "已答复" in page
        assert "十二万元" not in page
