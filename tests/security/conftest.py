"""The isolation matrix's world: real objects owned by the personas, built through the same
helpers and services the other tests use, and one session cookie per persona."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from accounts.models import Role, User
from accounts.services import GROUP_FOR_ROLE, user_create
from accounts.tokens import token_issue
from cms.models import Industry
from demo.parks import demo_uscc
from enterprises.models import Enterprise
from notifications.services import notify
from onewindow.models import (
    AppealCategory,
    CaseAttachment,
    Department,
    HubServiceDay,
    Liaison,
)
from onewindow.services.extensions import extension_request
from open311.keys import api_key_issue
from open311.selectors import service_code
from proactive.services import matching
from proactive.services.district import district_policy_publish, district_policy_save
from proactive.services.profiles import profile_for, profile_save
from proactive.services.visits import visit_record
from servicedays.services import hubsync
from servicedays.services.waitlist import waitlist_join
from tenants.models import Park

from ..appeals import files
from ..appeals.helpers import dispatched_case
from ..cms import content
from ..servicedays.helpers import book, day_create, enterprise_new, first_slot, persona_enterprise
from . import matrix


@pytest.fixture
def matrix_world(park_a, settings, tmp_path, matrix_sessions) -> dict[str, dict[str, object]]:
    """{"park": {...}, "hub": {...}}: the values `matrix.FILL` refers to. Made after the
    sessions: logging in changes last_login, which would void the password-reset tokens."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    appeal, case = dispatched_case(
        "alpha", uploads=[files.pdf("矩阵附件.pdf")], title="矩阵：只属于本企业的诉求"
    )
    with schema_context("alpha"):
        park = {
            "appeal": appeal.tracking_number,
            "attachment": appeal.attachments.get().pk,
            "track_secret": appeal.secret,
            "service_code": service_code(appeal.category),
            "api_token": token_issue(
                user=User.objects.get(username="enterprise_user"), name="矩阵", days=30
            )[0].pk,
            "open311_key": api_key_issue(
                by=User.objects.get(username="park_operator"),
                name="矩阵",
                organisation="矩阵对接单位",
            )[0].pk,
            **_reset_link("enterprise_user"),
            **_park_office(),
            **_park_content(),
            **_park_proactive(),
        }
        day = park["day_object"]
        hubsync.day_sync_mark(day)
        hubsync.day_sync_deliver(day_id=day.pk)
    admin = User.objects.get(username="district_admin")
    hub = {
        "district_policy": district_policy_publish(
            policy=district_policy_save(
                by=admin,
                title="矩阵区级政策",
                issuing_authority="区工信局",
                publish_date=datetime.date(2026, 11, 1),
                effective_date=datetime.date(2026, 11, 15),
                summary="矩阵",
            ),
            by=admin,
        ).pk,
        "case": case.pk,
        "case_file": CaseAttachment.objects.filter(case=case).first().pk,
        "extension": extension_request(
            case=case, by=User.objects.get(username="liaison"), days=3, reason="需现场核查"
        ).pk,
        "notification": notify(recipients=[User.objects.get(username="liaison")], title="矩阵")[0],
        "hub_day": HubServiceDay.objects.get(park=park_a, day_id=day.pk).pk,
        "hub_booking": park["booking_pk"],
        "api_token": token_issue(user=User.objects.get(username="liaison"), name="矩阵", days=30)[
            0
        ].pk,
        **_reset_link("liaison"),
        **_hub_admin_objects(park_a),
    }
    return {"park": park, "hub": hub}


def _reset_link(username: str) -> dict[str, str]:
    user = User.objects.get(username=username)
    return {
        "reset_uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "reset_token": default_token_generator.make_token(user),
    }


def _park_office() -> dict[str, object]:
    """In the current park: a pending registration, the enterprise's notification, a service
    day it booked and another where it waits for a seat."""
    account = user_create(username="matrix-pending", password="x-Matrix-1", role=Role.ENTERPRISE)
    pending = Enterprise.objects.create(
        account=account,
        name="矩阵待审核企业",
        uscc=demo_uscc(7001),
        contact_name="赵六",
        mobile="13600007001",
        status=Enterprise.Status.PENDING,
    )
    mine = persona_enterprise()
    day = day_create()
    booking = book(first_slot(day), mine)
    full = first_slot(day_create())
    book(full, enterprise_new())
    entry = waitlist_join(slot=full, enterprise=mine, by=mine.account, topic="融资", question="")
    return {
        "pending_enterprise": pending.pk,
        "notification": notify(recipients=[mine.account], title="矩阵")[0],
        "day": day.pk,
        "day_object": day,
        "booking": booking.code,
        "booking_pk": booking.pk,
        "waitlist_entry": entry.pk,
    }


def _park_proactive() -> dict[str, object]:
    """In the current park: a 免申即享 policy the persona enterprise qualifies for (its outreach
    list and export), and a visit with a raised item not yet filed."""
    mine = persona_enterprise()
    window = User.objects.get(username="window_staff")
    profile_save(
        profile=profile_for(mine),
        by=mine.account,
        industry=Industry.objects.get(code="65"),
        founded_on=datetime.date(2019, 3, 1),
        headcount=40,
        revenue_band=500,
        assets_band=None,
        tags=[],
        qualifications=[],
    )
    policy = content.policy("矩阵：免申即享政策", slug="matrix-policy", no_application_needed=True)
    policy.industries.set([Industry.objects.get(code="I")])
    policy.save_revision().publish()
    matching.policy_rematch(policy_id=policy.pk)
    visit = visit_record(
        enterprise=mine,
        visited_on=datetime.date(2026, 11, 2),
        visitor=window,
        met_with="张总",
        summary="矩阵走访",
        items=["希望了解人才住房申请"],
        by=window,
    )
    return {
        "outreach_policy": policy.pk,
        "outreach_enterprise": mine.pk,
        "visit": visit.pk,
        "visit_item": visit.items.get().pk,
    }


def _park_content() -> dict[str, object]:
    """In the current park: pages (one login-only, one in moderation), media, snippets."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        Page,
        PageViewRestriction,
        Site,
        Workflow,
    )

    from cms.models import Industry, Qualification, ServiceProvider

    home = content.home()
    page = content.news("矩阵测试动态", slug="matrix-news")
    private = content.service("矩阵：仅登录可见的服务", slug="matrix-private")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="login")
    operator = User.objects.get(username="park_operator")
    moderated = content.news("矩阵：待审核的动态", slug="matrix-moderated")
    moderated.save_revision(user=operator)
    workflow_state = moderated.get_workflow().start(moderated, operator)
    document = Document.objects.create(
        title="矩阵文件", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="matrix.pdf")
    )
    image = Image.objects.create(title="矩阵图片", file=_png())
    return {
        "home": home.pk,
        "root_page": Page.objects.get(depth=1).pk,
        "page": page.pk,
        "news_index": page.get_parent().pk,
        "revision": page.latest_revision_id,
        "private_page": private.pk,
        "private_page_path": private.get_url_parts()[2].lstrip("/"),
        "restriction": restriction.pk,
        "moderated_page": moderated.pk,
        "workflow_state": workflow_state.pk,
        "task_state": workflow_state.current_task_state.pk,
        "workflow": Workflow.objects.filter(active=True).first().pk,
        "task": GroupApprovalTask.objects.filter(active=True).first().pk,
        "image": image.pk,
        "image_file": image.file.name,
        "document": document.pk,
        "document_filename": document.filename,
        "collection": Collection.get_first_root_node().add_child(name="矩阵").pk,
        "redirect": Redirect.objects.create(old_path="/matrix-old", redirect_link="/").pk,
        "serviceprovider": ServiceProvider.objects.create(name="矩阵服务机构").pk,
        "industry": Industry.objects.create(name="矩阵行业").pk,
        "qualification": Qualification.objects.create(name="矩阵资质").pk,
        "site": Site.objects.get(root_page=home).pk,
        "window_user": User.objects.get(username="window_staff").pk,
        "managers_group": Group.objects.get(name=GROUP_FOR_ROLE[Role.CONTENT_MANAGER]).pk,
    }


def _png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#0b5fa5").save(buffer, "PNG")
    return ImageFile(buffer, name="matrix.png")


def _hub_admin_objects(park: Park) -> dict[str, object]:
    liaison = Liaison.objects.select_related("user").get(user__username="liaison")
    return {
        "park": park.pk,
        "park_content_type": ContentType.objects.get_for_model(Park).pk,
        "admins_group": Group.objects.order_by("pk").first().pk,
        "liaison_user": liaison.user.pk,
        "liaison": liaison.pk,
        "department": Department.objects.get(short_name="工信局").pk,
        "category": AppealCategory.objects.order_by("pk").first().pk,
    }


@pytest.fixture(autouse=True)
def _no_worker_to_wait_for(monkeypatch):
    """No Celery worker runs in the tests: /healthz's ping would wait a second for none on
    each of the matrix's requests (it caches the answer, but the matrix clears the cache)."""
    from celery.app.control import Control

    monkeypatch.setattr(Control, "ping", lambda self, *args, **kwargs: [])


@pytest.fixture
def matrix_sessions(park_a, park_b) -> dict[str, str | None]:
    """persona column → a session cookie made in the persona's own schema (None: anonymous)."""
    sessions: dict[str, str | None] = {}
    for persona in matrix.PERSONAS:
        if persona.username is None:
            sessions[persona.column] = None
            continue
        with schema_context(persona.schema):
            client = Client()
            client.force_login(User.objects.get(username=persona.username))
            sessions[persona.column] = client.cookies[_session_cookie()].value
    return sessions


def _session_cookie() -> str:
    from django.conf import settings

    return settings.SESSION_COOKIE_NAME
