"""Hostile input: files that lie, bombs, markup in every stored text, odd and malformed text.

Each is refused with a clear error (a form error with its code, never a 500) and leaves nothing
behind (no row, no file on disk), or is stored as typed and shown escaped everywhere it appears
— pages, the Wagtail and Django admins, the CSV/XLSX exports.
"""

import csv
import io
import os
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django_tenants.utils import schema_context
from openpyxl import load_workbook
from wagtail.documents.models import Document
from wagtail.images.models import Image

from appeals.forms import LookupForm
from appeals.models import Appeal, AppealAttachment
from appeals.services.journey import appeal_reply_info
from appeals.services.rating import appeal_rate
from appeals.services.window import appeal_reject
from core import attachments
from enterprises.forms import RegistrationForm
from enterprises.models import Enterprise
from enterprises.validators import clean_mobile, clean_uscc
from onewindow.models import Case, CaseAttachment, HubServiceDay
from onewindow.services.cases import case_answer, case_request_info, case_sign
from servicedays.services import hubsync
from servicedays.services.attendance import booking_check_in, booking_outcome_record
from tests.appeals.helpers import (
    accept,
    category,
    deliver_to_hub,
    deliver_to_parks,
    dispatched_case,
    reload,
    submit,
)
from tests.cms import content
from tests.conftest import host_client, log_in
from tests.personas import user_in
from tests.servicedays.helpers import book, day_create, enterprise_new, first_slot

from . import files

SCRIPT = "<script>alert(1)</script>"
# 56 characters: fits every name and contact field.
PAYLOAD = SCRIPT + '"><img src=x onerror=alert(1)>'
LONG_PAYLOAD = PAYLOAD + " {{7*7}} javascript:alert(1) [点我](javascript:alert(1))"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.MEDIA_ROOT = str(tmp_path / "media")


def files_under(root: str) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def client_as(host: str, username: str | None = None):
    client = host_client(host)
    if username:
        log_in(client, username)
    return client


def error_codes(response) -> set[str]:
    """The codes of every error on the page's form (what the person is told, by its code)."""
    form = response.context["form"]
    return {error.code for errors in form.errors.as_data().values() for error in errors}


def appeal_form(**overrides) -> dict:
    data = {
        "category": category().pk,
        "title": "企业用地手续咨询",
        "description": "想了解用地手续的办理流程。",
        "contact_name": "李明",
        "contact_mobile": "13800138001",
        "submission_key": str(uuid.uuid4()),
    }
    return {**data, **overrides}


def appeal_count() -> int:
    with schema_context("alpha"):
        return Appeal.objects.count()


@pytest.fixture
def enterprise(park_a):
    return client_as("alpha.localhost", "enterprise_user")


# Uploads ----------------------------------------------------------------------------------------

TYPE_LIES = [
    ("合同.pdf", lambda: files.HTML, "text/html", "file_type"),
    ("合同.pdf", lambda: files.HTML, "application/pdf", "file_type"),
    ("照片.jpg", lambda: files.SVG, "image/jpeg", "file_type"),
    ("图标.png", lambda: files.SVG, "image/svg+xml", "file_type"),
    ("合同.pdf", lambda: files.EXE, "application/pdf", "file_type"),
    ("合同.pdf", lambda: files.ELF, "application/pdf", "file_type"),
    ("说明.docx", files.zip_bomb, "application/zip", "file_type"),
    ("说明.docx", files.docx_bomb, "application/msword", "zip_bomb"),
    ("报表.xlsx", files.xlsx_bomb, "application/vnd.ms-excel", "zip_bomb"),
    ("报表.xlsx", files.xlsx_swarm, "application/vnd.ms-excel", "zip_bomb"),
    ("现场.png", files.png_bomb, "image/png", "too_many_pixels"),
    ("空白.pdf", lambda: b"", "application/pdf", "empty"),
    ("大文件.pdf", lambda: files.PDF + b"0" * (10 * 1024 * 1024), "application/pdf", "too_large"),
]


@pytest.mark.parametrize(("name", "make", "content_type", "code"), TYPE_LIES)
def test_a_hostile_attachment_is_refused_and_nothing_is_kept(
    enterprise, settings, name, make, content_type, code
):
    before = appeal_count()
    upload = files.upload(name, make(), content_type)

    response = enterprise.post("/appeals/new/", {**appeal_form(), "attachments": [upload]})

    assert response.status_code == 200
    assert code in error_codes(response)
    assert name in response.content.decode() or code == "empty"  # Django's own words
    assert appeal_count() == before
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_an_office_file_over_the_expanded_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(attachments, "MAX_EXPANDED_BYTES", 1 << 20)
    dense = files.docx_with(os.urandom(2 << 20))  # incompressible: the ratio alone passes

    with pytest.raises(ValidationError) as refused:
        attachments.attachment_kind(files.upload("说明.docx", dense))

    assert refused.value.code == "zip_bomb"


def test_a_real_office_file_with_a_large_part_is_accepted():
    text = " ".join(f"第{n}条 企业应当按期报送材料。" for n in range(200_000)).encode()
    upload = files.upload("说明.docx", files.docx_with(text))

    assert attachments.attachment_kind(upload) == "docx"


def test_six_files_are_refused_and_nothing_is_kept(enterprise, settings):
    before = appeal_count()
    uploads = [files.upload(f"{n}.pdf", files.PDF) for n in range(6)]

    response = enterprise.post("/appeals/new/", {**appeal_form(), "attachments": uploads})

    assert "too_many" in error_codes(response)
    assert appeal_count() == before
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_liaison_s_answer_with_a_disguised_file_is_refused(park_a, settings):
    _appeal, case = dispatched_case("alpha")
    liaison = client_as("localhost", "liaison")
    upload = files.upload("答复.pdf", files.HTML, "application/pdf")

    response = liaison.post(
        f"/cases/{case.pk}/answer/", {"text": "已答复。", "attachments": [upload]}
    )

    assert response.status_code in (200, 400)
    assert "答复.pdf" in response.content.decode()
    case.refresh_from_db()
    assert case.status != Case.Status.ANSWERED
    assert not CaseAttachment.objects.filter(case=case).exists()
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    """A form body written by hand: the test client would tidy the file name first."""
    boundary = "----hostile-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
        f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
    )
    body = "".join(parts).encode() + head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("../../../etc/x.pdf", "x.pdf"),
        ("..\\..\\x.pdf", "x.pdf"),
        ("合同\x00.exe.pdf", "合同.exe.pdf"),
        ("发票\u202efdp.exe.pdf", "发票fdp.exe.pdf"),  # right-to-left override: dropped
        ("长" * 300 + ".pdf", None),
    ],
)
def test_a_file_name_cannot_choose_where_the_file_goes(enterprise, settings, filename, shown):
    body, content_type = multipart(appeal_form(), filename, files.PDF)

    response = enterprise.post("/appeals/new/", body, content_type=content_type)

    assert response.status_code == 302
    with schema_context("alpha"):
        # The newest: a live-server journey earlier in the session commits one of its own.
        attachment = AppealAttachment.objects.latest("pk")
        stored = Path(attachment.file.path).resolve()
        assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve() / "alpha")
        assert stored.name.endswith(".pdf")
        assert len(stored.name) < 40  # <uuid>.pdf
        assert "\x00" not in attachment.name
        assert "/" not in attachment.name
        assert attachment.name == shown if shown else len(attachment.name) <= 150
        number = attachment.appeal.tracking_number
    download = enterprise.get(f"/appeals/{number}/files/{attachment.pk}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")


def test_a_long_odd_file_ending_on_a_large_file_is_refused_not_crashed(enterprise, settings):
    """Over 2.5 MB Django streams the upload to a temporary file named with its ending."""
    body, content_type = multipart(appeal_form(), "x." + "长" * 120, files.PDF + b"0" * (3 << 20))

    response = enterprise.post("/appeals/new/", body, content_type=content_type)

    assert response.status_code == 200
    assert "file_type" in error_codes(response)
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


@pytest.fixture
def content_manager(park_a):
    return client_as("alpha.localhost", "content_manager")


def image_count() -> int:
    with schema_context("alpha"):
        return Image.objects.count()


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("航拍.png", files.png_bomb, "file_too_many_pixels"),
        ("航拍.png", lambda: files.png_image(9000, 5000), "file_too_many_pixels"),
        ("图标.svg", lambda: files.SVG, "invalid_image_extension"),
        ("图标.png", lambda: files.SVG, "invalid_image_known_format"),
        ("航拍.png", lambda: files.HTML, "invalid_image_known_format"),
        ("航拍.jpg", lambda: files.png_image(), "invalid_image_known_format"),
        ("航拍.png", lambda: files.png_image() + b"\x00" * (11 << 20), "file_too_large"),
        ("空白.png", lambda: b"", "empty"),
    ],
)
def test_a_hostile_image_is_refused_in_the_park_admin(content_manager, settings, name, make, code):
    before = image_count()

    response = content_manager.post(
        "/admin/images/add/", {"title": "园区航拍", "file": files.upload(name, make())}
    )

    assert response.status_code == 200
    assert code in error_codes(response)
    assert image_count() == before
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_real_image_is_still_accepted_in_the_park_admin(content_manager, settings):
    upload = files.upload("航拍.png", files.png_image(4000, 3000), "image/png")

    response = content_manager.post("/admin/images/add/", {"title": "园区航拍", "file": upload})

    assert response.status_code == 302
    assert image_count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("通知.html", files.HTML),
        ("图标.svg", files.SVG),
        ("安装包.exe", files.EXE),
        ("脚本.js", b"alert(1)"),
    ],
)
def test_a_page_or_program_is_not_a_document_in_the_park_admin(
    content_manager, settings, name, content
):
    response = content_manager.post(
        "/admin/documents/add/", {"title": "通知", "file": files.upload(name, content)}
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors  # Wagtail drops the code, keeps the text
    with schema_context("alpha"):
        assert not Document.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_page_named_pdf_in_the_park_admin_is_served_as_a_pdf_never_as_a_page(
    content_manager, park_a
):
    upload = files.upload("通知.pdf", files.HTML, "text/html")
    content_manager.post("/admin/documents/add/", {"title": "通知", "file": upload})
    with schema_context("alpha"):
        document = Document.objects.latest("pk")

    response = client_as("alpha.localhost").get(document.url)

    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


# Markup in stored text ----------------------------------------------------------------------------


class _Scan(HTMLParser):
    """What a browser would run: script elements, on* handlers, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and values.get("type", "text/javascript") in ("text/javascript", ""):
            self._in_script = True
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on") and "alert" in text:
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and text.startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.found.append("<script>alert(1)")


def assert_inert(page: str, where: str) -> None:
    assert SCRIPT not in page, where
    scan = _Scan()
    scan.feed(page)
    assert scan.found == [], where


@pytest.fixture
def hostile_world(park_a):
    """An enterprise, its appeal through the whole journey, a service day with a booking and a
    news page — every text a person types there is PAYLOAD."""
    liaison = user_in("public", "liaison")
    hostile_category = category(SCRIPT + "融资")  # a category's name holds 40 characters
    with schema_context("alpha"):
        firm = enterprise_new(PAYLOAD)
        firm.contact_name = PAYLOAD
        firm.save(update_fields=["contact_name"])
        pending = enterprise_new(PAYLOAD + "待审核")
        pending.status = Enterprise.Status.PENDING
        pending.save(update_fields=["status"])
        username = firm.account.username
    appeal = submit(
        "alpha",
        username=username,
        category=hostile_category,
        title=PAYLOAD,
        description=LONG_PAYLOAD,
        contact_name=PAYLOAD,
    )
    accept("alpha", appeal, note=PAYLOAD)
    deliver_to_hub("alpha")
    deliver_to_parks()
    case = Case.objects.get(tracking_number=appeal.tracking_number)
    case_sign(case=case, by=liaison)
    case_request_info(case=case, by=liaison, question=LONG_PAYLOAD)
    deliver_to_parks()
    with schema_context("alpha"):
        appeal_reply_info(appeal=reload("alpha", appeal), by=firm.account, text=LONG_PAYLOAD)
    deliver_to_hub("alpha")
    case_answer(case=case, by=liaison, text=LONG_PAYLOAD)
    deliver_to_parks()
    with schema_context("alpha"):
        appeal_rate(
            appeal=reload("alpha", appeal),
            by=firm.account,
            resolved=True,
            satisfaction=1,
            comment=LONG_PAYLOAD,
        )
        rejected = submit("alpha", username=username, title=PAYLOAD)
        appeal_reject(appeal=rejected, by=user_in("alpha", "window_staff"), reason=LONG_PAYLOAD)
        day = day_create(title=PAYLOAD, place=PAYLOAD, topics=PAYLOAD, description=LONG_PAYLOAD)
        slot = first_slot(day)
        booking = book(slot, firm, topic=PAYLOAD, question=LONG_PAYLOAD)
        booking_check_in(booking=booking, by_name=PAYLOAD, now=slot.starts_at)
        booking_outcome_record(
            booking=booking,
            outcome="follow_up",
            note=LONG_PAYLOAD,
            by_name=PAYLOAD,
            now=slot.starts_at,
        )
        hubsync.day_sync_deliver(day_id=day.pk)
        news = content.news(PAYLOAD, summary=LONG_PAYLOAD)
        news_url, news_id = news.url, news.pk
    deliver_to_hub("alpha")
    return {
        "username": username,
        "number": appeal.tracking_number,
        "secret": appeal.secret,
        "case": case.pk,
        "day": day.pk,
        "booking": booking.code,
        "news_url": news_url,
        "news_id": news_id,
        "hub_day": _hub_day(day.pk),
    }


def _hub_day(day_id: int) -> int:
    return HubServiceDay.objects.get(day_id=day_id).pk


def _pages(world) -> list[tuple[str, str | None, str]]:
    number, day, code = world["number"], world["day"], world["booking"]
    park, hub = "alpha.localhost", "localhost"
    return [
        (park, None, "/"),
        (park, None, "/service-days/"),
        (park, None, f"/track/{world['secret']}/"),
        (park, None, world["news_url"]),
        (park, None, "/news/"),
        (park, world["username"], "/appeals/"),
        (park, world["username"], f"/appeals/{number}/"),
        (park, world["username"], f"/service-days/{day}/"),
        (park, world["username"], "/service-days/mine/"),
        (park, world["username"], f"/service-days/bookings/{code}/"),
        (park, world["username"], "/notifications/"),
        (park, "window_staff", "/office/appeals/"),
        (park, "window_staff", f"/office/appeals/{number}/"),
        (park, "window_staff", "/office/enterprises/"),
        (park, "window_staff", "/office/service-days/"),
        (park, "window_staff", f"/office/service-days/{day}/"),
        (park, "window_staff", f"/office/service-days/bookings/{code}/"),
        (park, "window_staff", "/office/analytics/"),
        (park, "window_staff", "/office/analytics/cases/?metric=volume"),
        (park, "window_staff", "/office/analytics/cases/?metric=window_appeals"),
        (park, "park_operator", "/office/analytics/"),
        (park, "content_manager", "/admin/"),
        (park, "content_manager", f"/admin/pages/{world['news_id']}/edit/"),
        (park, "content_manager", "/admin/pages/search/?q=alert"),
        (hub, "liaison", "/cases/"),
        (hub, "liaison", f"/cases/{world['case']}/"),
        (hub, "liaison", "/service-days/"),
        (hub, "liaison", f"/service-days/{world['hub_day']}/"),
        (hub, "liaison", "/analytics/department/"),
        (hub, "liaison", "/analytics/cases/?metric=volume"),
        (hub, "liaison", "/notifications/"),
        (hub, "district_admin", "/analytics/"),
        (hub, "district_admin", "/analytics/cases/?metric=volume"),
        (hub, "district_admin", "/analytics/report/"),
        (hub, "district_admin", "/arbitration/"),
        (hub, "district_admin", f"/service-days/{world['hub_day']}/"),
        (hub, "district_admin", "/django-admin/onewindow/appealcategory/"),
    ]


# Pages of the list above that do not show the hostile text (they are still scanned).
QUIET = {
    ("alpha.localhost", None, "/"),
    ("alpha.localhost", "content_manager", "/admin/"),
    ("localhost", "liaison", "/notifications/"),
    ("localhost", "district_admin", "/analytics/report/"),
    ("localhost", "district_admin", "/arbitration/"),
}
ESCAPED = ("&lt;script&gt;alert(1)", "\\u003Cscript\\u003Ealert(1)")  # HTML, or JSON in HTML


def test_markup_typed_anywhere_is_shown_escaped_on_every_page(hostile_world):
    clients: dict[tuple[str, str | None], Client] = {}
    for host, username, path in _pages(hostile_world):
        client = clients.setdefault((host, username), client_as(host, username))
        response = client.get(path)
        where = f"{username or 'anonymous'} {host}{path}"
        assert response.status_code == 200, where
        page = response.content.decode()
        assert_inert(page, where)
        if (host, username, path) not in QUIET:
            assert any(escaped in page for escaped in ESCAPED), where


@pytest.mark.parametrize(
    ("host", "username", "path"),
    [
        ("alpha.localhost", None, "/search/?q="),
        ("alpha.localhost", "window_staff", "/office/appeals/?q="),
        ("alpha.localhost", "window_staff", "/office/analytics/cases/?metric=volume&keyword="),
        ("localhost", "district_admin", "/analytics/cases/?metric=volume&keyword="),
        ("alpha.localhost", "content_manager", "/admin/pages/search/?q="),
    ],
)
def test_markup_in_a_query_is_echoed_escaped(park_a, host, username, path):
    response = client_as(host, username).get(path + quote(PAYLOAD))

    assert response.status_code == 200
    assert_inert(response.content.decode(), path)


FORMULAS = [
    '=HYPERLINK("http://evil.example","点我")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


# Control characters a form accepts but a worksheet cannot hold; the first hides a formula.
CONTROL = "\x01=1+1 报表\x0b说明\x1b[31m"


@pytest.fixture
def formula_cases(park_a):
    Case.objects.all().delete()  # cases committed by server tests; rolled back afterwards
    for title in [*FORMULAS, PAYLOAD, CONTROL]:
        dispatched_case("alpha", title=title)


@pytest.mark.parametrize(
    ("host", "username", "path"),
    [
        ("localhost", "district_admin", "/analytics/cases/?metric=volume&export=cases"),
        ("alpha.localhost", "window_staff", "/office/analytics/cases/?metric=volume&export=cases"),
    ],
)
def test_exports_keep_formulas_and_markup_as_plain_text(formula_cases, host, username, path):
    client = client_as(host, username)

    xlsx = client.get(path + "&format=xlsx")
    text = client.get(path + "&format=csv")

    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    # XML keeps no carriage return: a worksheet reads "\r" back as "\n".
    titles = {cell.value.replace("\n", "\r") for cell in cells if isinstance(cell.value, str)}
    rows = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    csv_titles = {value for row in rows[1:] for value in row}
    for formula in FORMULAS:
        assert "'" + formula in titles
        assert "'" + formula in csv_titles
    assert "'=1+1 报表说明[31m" in titles
    assert PAYLOAD in titles  # text, not markup: nothing renders it
    assert PAYLOAD in csv_titles
    assert text["Content-Type"].startswith("text/csv")


# Odd text -----------------------------------------------------------------------------------------

STORED_AS_TYPED = [
    "零宽\u200b空格\u200c与\u200d连接\ufeff",
    "表情😀🚀👨‍👩‍👧‍👦企业",
    "\u202egnp.exe 反向文字 \u202b\u05e9\u05dc\u05d5\u05dd",
    "長" * 100,
]


@pytest.mark.parametrize("title", STORED_AS_TYPED)
def test_odd_but_real_text_is_stored_as_typed_and_shown_escaped(enterprise, title):
    response = enterprise.post("/appeals/new/", appeal_form(title=title, description=title))

    assert response.status_code == 302
    with schema_context("alpha"):
        appeal = Appeal.objects.get(title=title)
    page = enterprise.get(f"/appeals/{appeal.tracking_number}/").content.decode()
    assert title in page


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"title": "贷款\x00贴息"}, "title", "null_characters_not_allowed"),
        ({"description": "说明\x00"}, "description", "null_characters_not_allowed"),
        ({"contact_name": "\x00"}, "contact_name", "null_characters_not_allowed"),
        ({"contact_mobile": "138\x0000138001"}, "contact_mobile", "null_characters_not_allowed"),
        ({"title": "長" * 101}, "title", "max_length"),
        ({"description": "😀" * 4001}, "description", "max_length"),
        ({"title": "   "}, "title", "required"),
    ],
)
def test_nul_bytes_and_overlong_text_get_a_form_error_not_a_500(enterprise, overrides, field, code):
    before = appeal_count()

    response = enterprise.post("/appeals/new/", appeal_form(**overrides))

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert code in {error.code for error in errors[field]}
    assert appeal_count() == before


def test_lone_surrogates_in_a_form_are_replaced_not_a_500(enterprise):
    data = appeal_form()
    raw = "&".join(f"{key}={value}" for key, value in data.items() if key != "title")
    body = raw.encode() + b"&title=%ED%A0%80%E8%B4%B7%E6%AC%BE"  # a lone surrogate, then 贷款

    response = enterprise.post(
        "/appeals/new/", body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 302
    with schema_context("alpha"):
        title = Appeal.objects.latest("pk").title
    assert title.endswith("贷款")
    assert "\ud800" not in title


@pytest.mark.parametrize(
    ("host", "username", "path"),
    [
        ("alpha.localhost", None, "/search/?q=%00"),
        ("alpha.localhost", "window_staff", "/office/appeals/?q=%00"),
        pytest.param(
            "alpha.localhost",
            "window_staff",
            "/office/analytics/cases/?metric=volume&keyword=%00",
        ),
        pytest.param(
            "localhost",
            "district_admin",
            "/analytics/cases/?metric=volume&keyword=%00",
        ),
        ("localhost", "district_admin", "/analytics/?period=custom&start=%00&end=%00"),
        ("alpha.localhost", None, "/track/%00/"),
        ("alpha.localhost", "content_manager", "/admin/pages/search/?q=%00"),
    ],
)
def test_a_nul_byte_in_a_query_is_not_a_500(park_a, host, username, path):
    response = client_as(host, username).get(path)

    assert response.status_code in (200, 400, 404)


def test_a_nul_byte_in_the_lookup_form_is_a_form_error(park_a):
    response = client_as("alpha.localhost").post(
        "/track/", {"tracking_number": "ALFA-20261127-0001\x00", "mobile": "13800138001"}
    )

    assert response.status_code == 200
    codes = error_codes(response)
    assert "null_characters_not_allowed" in codes


# Credit codes and mobiles -------------------------------------------------------------------------

VALID_USCC = "91110000600037341L"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("91110000600037341X", "uscc_checksum"),  # wrong check character
        ("9111000060003734", "uscc_invalid"),  # too short
        ("911100006000373411L", "uscc_invalid"),  # too long
        ("91110000600037341I", "uscc_invalid"),  # I, O, S, V, Z are never used
        ("９１１１００００６０００３７３４１Ｌ", "uscc_invalid"),  # full-width
        ("91110000600037341Ｌ", "uscc_invalid"),
        ("<script>alert(1)</script>", "uscc_invalid"),
        ("", "required"),
    ],
)
def test_a_malformed_credit_code_is_refused_with_its_code(typed, code):
    form = RegistrationForm(data={"uscc": typed})

    assert code in {error.code for error in form.errors.as_data()["uscc"]}
    if typed:
        with pytest.raises(ValidationError) as refused:
            clean_uscc(typed)
        assert refused.value.code == code


@pytest.mark.parametrize(
    "typed", [VALID_USCC.lower(), " 9111 0000 6000 3734 1L ", "91110000-600037341L"]
)
def test_a_credit_code_typed_loosely_is_stored_in_its_one_form(typed):
    assert clean_uscc(typed) == VALID_USCC
    form = RegistrationForm(data={"uscc": typed})
    form.is_valid()
    assert "uscc" not in form.errors


@pytest.mark.parametrize(
    "typed",
    [
        "1380013800",  # too short
        "138001380012",  # too long
        "1380013800a",
        "abcdefghijk",
        "12345678901",  # not a mobile range
        "+85291234567",  # Hong Kong
        "+1 415 555 2671",
        "02088888888",  # a landline
        "<script>alert(1)</script>",
    ],
)
def test_a_malformed_mobile_is_refused_with_its_code(typed):
    with pytest.raises(ValidationError) as refused:
        clean_mobile(typed)
    assert refused.value.code == "mobile"
    for form in (RegistrationForm(data={"mobile": typed}), LookupForm(data={"mobile": typed})):
        codes = {error.code for error in form.errors.as_data()["mobile"]}
        assert codes & {"mobile", "max_length"}


@pytest.mark.parametrize(
    "typed",
    [
        "+8613800138001",
        "+86 138 0013 8001",
        "008613800138001",
        "138-0013-8001",
        "１３８００１３８００１",
    ],
)
def test_a_mobile_typed_loosely_is_stored_as_eleven_digits(typed):
    assert clean_mobile(typed) == "13800138001"
    form = RegistrationForm(data={"mobile": typed})
    form.is_valid()
    assert form.cleaned_data["mobile"] == "13800138001"


def test_a_nul_byte_in_a_mobile_or_credit_code_is_a_form_error():
    form = RegistrationForm(data={"mobile": "13800138001\x00", "uscc": VALID_USCC + "\x00"})

    errors = form.errors.as_data()
    assert "null_characters_not_allowed" in {error.code for error in errors["mobile"]}
    assert "null_characters_not_allowed" in {error.code for error in errors["uscc"]}


def test_a_malformed_registration_creates_nothing(park_a):
    with schema_context("alpha"):
        before = Enterprise.objects.count()
    response = client_as("alpha.localhost").post(
        "/register/",
        {
            "company_name": PAYLOAD,
            "uscc": "91110000600037341X",
            "contact_name": PAYLOAD,
            "mobile": "１３８００１３８００a",
            "password1": "Correct-Horse-42",
            "password2": "Correct-Horse-42",
        },
    )

    assert response.status_code in (200, 400)
    assert_inert(response.content.decode(), "/register/")
    with schema_context("alpha"):
        assert Enterprise.objects.count() == before
