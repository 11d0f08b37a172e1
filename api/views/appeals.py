"""The enterprise's appeals (诉求) over the JSON API: the site's forms, services and selectors
(appeals/views/enterprise.py), so the API accepts, refuses and shows exactly what the pages do."""

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from appeals import selectors
from appeals.forms import AppealForm, InfoReplyForm, RatingForm, ResubmitForm, active_categories
from appeals.lifecycle import AppealAction, appeal_require
from appeals.models import TRACKING_NUMBER_RE, Appeal
from appeals.services.intake import appeal_resubmit, appeal_submit
from appeals.services.journey import appeal_reply_info
from appeals.services.rating import appeal_rate
from appeals.views import enterprise as site_views
from core.attachments import ALLOWED_KINDS
from core.downloads import private_file_response
from core.replica import replica_reads
from enterprises.models import Enterprise

from ..pagination import Pagination
from ..permissions import IsEnterprise
from ..serializers import appeals as s
from ..serializers.common import ERRORS, READ_ERRORS, ErrorSerializer
from .base import FormData, form_input

# The site's appeal form (appeals.views.enterprise.appeal_new) allows thirty an hour per account;
# the API draws on the same budget (same group, key and rate): two doors give no more appeals.
INTAKE_RATE = site_views.APPEAL_RATE
# Anyone may read; a bad token is still a 401.
PUBLIC_READ = {code: ErrorSerializer for code in (400, 401, 404, 405, 429)}
MULTIPART, JSON = "multipart/form-data", "application/json"


def _with_submission_key(data: FormData) -> FormData:
    """The site's form always carries a one-time key; a request without one is a one-off."""
    if data.get("submission_key"):
        return data
    data = data.copy()
    data["submission_key"] = str(uuid.uuid4())
    return data


def _valid(form: forms.Form) -> dict[str, Any]:
    """The form's cleaned data, or its errors (with their codes) as the API's 400."""
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.cleaned_data


def _own_appeal(request: Request, tracking_number: str) -> Appeal:
    # A malformed number (a NUL byte would reach the database) is simply not found.
    if not TRACKING_NUMBER_RE.match(tracking_number):
        raise exceptions.NotFound()
    return selectors.appeal_get_for_enterprise(user=request.user, tracking_number=tracking_number)


def _detail(request: Request, appeal: Appeal, code: int = status.HTTP_200_OK, **kw) -> Response:
    data = s.AppealDetailSerializer(appeal, context={"request": request}).data
    return Response(data, status=code, **kw)


def _detail_url(request: Request, appeal: Appeal) -> str:
    path = reverse("api:appeal-detail", kwargs={"tracking_number": appeal.tracking_number})
    return request.build_absolute_uri(path)


def _verified_enterprise(request: Request) -> Enterprise:
    enterprise = getattr(request.user, "enterprise", None)
    if enterprise is None or not enterprise.is_verified:
        raise exceptions.PermissionDenied(
            _("Your enterprise must be verified by the park window before it can submit appeals."),
            code="not_verified",
        )
    return enterprise


class AppealCategoryListView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.AppealCategorySerializer
    pagination_class = Pagination

    @extend_schema(
        responses={200: s.AppealCategorySerializer(many=True), **PUBLIC_READ},
        summary="The categories an appeal may be filed under (as on the site's form)",
    )
    @replica_reads
    def get(self, request):
        page = self.paginate_queryset(active_categories())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class AppealListView(GenericAPIView):
    permission_classes = [IsEnterprise]
    serializer_class = s.AppealSerializer
    pagination_class = Pagination

    @extend_schema(
        parameters=[s.AppealListQuerySerializer],
        responses={200: s.AppealSerializer(many=True), **READ_ERRORS},
        summary="The enterprise's own appeals, newest first",
    )
    def get(self, request):
        query = s.AppealListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        appeals = selectors.appeal_list_for_enterprise(
            user=request.user, status=query.validated_data.get("status", "")
        )
        page = self.paginate_queryset(appeals)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        request={
            MULTIPART: s.AppealCreateMultipartSerializer,
            JSON: s.AppealCreateJsonSerializer,
        },
        responses={
            201: s.AppealDetailSerializer,
            200: OpenApiResponse(
                s.AppealDetailSerializer,
                description="The appeal this `submission_key` already filed; nothing new.",
            ),
            **ERRORS,
        },
        parameters=[
            OpenApiParameter(
                "Location", OpenApiTypes.URI, OpenApiParameter.HEADER, response=[200, 201]
            )
        ],
        summary="File an appeal (verified enterprises); 403 `not_verified` before verification",
    )
    def post(self, request):
        if is_ratelimited(
            request,
            fn=site_views.appeal_new,
            key="core.ratelimit.account_or_ip",
            rate=INTAKE_RATE,
            method="POST",
            increment=True,
        ):
            raise exceptions.Throttled()
        enterprise = _verified_enterprise(request)
        data, files = form_input(request)
        fields = _valid(AppealForm(_with_submission_key(data), files))
        key = fields["submission_key"]
        known = selectors.appeal_submitted_with_key(enterprise=enterprise, submission_key=key)
        appeal = appeal_submit(
            enterprise=enterprise,
            by=request.user,
            category=fields["category"],
            title=fields["title"],
            description=fields["description"],
            contact_name=fields["contact_name"],
            contact_mobile=fields["contact_mobile"],
            uploads=fields["attachments"],
            submission_key=key,
        )
        code = status.HTTP_200_OK if known else status.HTTP_201_CREATED
        return _detail(request, appeal, code, headers={"Location": _detail_url(request, appeal)})


class AppealDetailView(APIView):
    permission_classes = [IsEnterprise]

    @extend_schema(
        responses={200: s.AppealDetailSerializer, **READ_ERRORS},
        summary="One of the enterprise's appeals, with its public timeline and allowed actions",
    )
    def get(self, request, tracking_number: str):
        return _detail(request, _own_appeal(request, tracking_number))


class AppealAttachmentView(APIView):
    """A file of an appeal, for its enterprise (or the park window), as the site serves it."""

    permission_classes = [IsAuthenticated]

    def perform_content_negotiation(self, request, force=False):
        # The file is a plain FileResponse; the negotiated renderer only writes errors (JSON).
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        responses={
            **{
                (200, content_type): OpenApiResponse(OpenApiTypes.BINARY, description="The file")
                for content_type, _endings in ALLOWED_KINDS.values()
            },
            **READ_ERRORS,
        },
        parameters=[
            OpenApiParameter("pk", int, OpenApiParameter.PATH, description="The file's id.")
        ],
        summary="Download a file attached to the appeal",
    )
    def get(self, request, tracking_number: str, pk: str):
        # Any text is routed here (not only digits): a malformed id is this API's JSON 404.
        if not TRACKING_NUMBER_RE.match(tracking_number) or not pk.isascii() or not pk.isdigit():
            raise exceptions.NotFound()
        attachment = selectors.attachment_get_for_user(
            user=request.user, tracking_number=tracking_number, pk=int(pk)
        )
        return private_file_response(
            attachment.file, filename=attachment.name, content_type=attachment.content_type
        )


class _AppealActionView(APIView):
    """An enterprise's action on its own appeal: refused with the lifecycle's `wrong_status`
    when the appeal is not where the action can be taken, else the site's form and service."""

    permission_classes = [IsEnterprise]
    action: AppealAction
    form_class: type[forms.Form]

    def run(self, appeal: Appeal, fields: dict[str, Any]) -> Appeal:
        raise NotImplementedError

    def post(self, request, tracking_number: str):
        appeal = _own_appeal(request, tracking_number)
        appeal_require(appeal, self.action)
        data, files = form_input(request)
        appeal = self.run(appeal, _valid(self.form_class(data, files)))
        return _detail(request, appeal)


def _action_schema(request: Any, summary: str) -> Callable:
    """The schema of an action view's (inherited) POST."""
    post = extend_schema(
        request=request, responses={200: s.AppealDetailSerializer, **ERRORS}, summary=summary
    )
    return extend_schema_view(post=post)


@_action_schema(
    {JSON: s.AppealRatingSerializer, MULTIPART: s.AppealRatingSerializer},
    "Rate the answer (评价); dissatisfied sends it back for re-handling",
)
class AppealRateView(_AppealActionView):
    action, form_class = AppealAction.RATE, RatingForm

    def run(self, appeal, fields):
        return appeal_rate(
            appeal=appeal,
            by=self.request.user,
            resolved=fields["resolved"],
            satisfaction=fields["satisfaction"],
            comment=fields["comment"],
        )


@_action_schema(
    {MULTIPART: s.AppealResubmitMultipartSerializer, JSON: s.AppealResubmitJsonSerializer},
    "Correct and resubmit an appeal the window returned (补正)",
)
class AppealResubmitView(_AppealActionView):
    action, form_class = AppealAction.RESUBMIT, ResubmitForm

    def run(self, appeal, fields):
        return appeal_resubmit(
            appeal=appeal,
            by=self.request.user,
            category=fields["category"],
            title=fields["title"],
            description=fields["description"],
            contact_name=fields["contact_name"],
            contact_mobile=fields["contact_mobile"],
            uploads=fields["attachments"],
        )


@_action_schema(
    {MULTIPART: s.AppealReplyMultipartSerializer, JSON: s.AppealReplyJsonSerializer},
    "Send the information the department asked for (补充材料)",
)
class AppealReplyView(_AppealActionView):
    action, form_class = AppealAction.REPLY, InfoReplyForm

    def run(self, appeal, fields):
        return appeal_reply_info(
            appeal=appeal, by=self.request.user, text=fields["text"], uploads=fields["attachments"]
        )
