"""The park's public content (the park, policies, services, news), the caller's notifications,
and the public progress lookup of an appeal — read through the same selectors as the pages."""

from django.core.exceptions import ValidationError
from django_ratelimit.core import is_ratelimited
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from appeals import selectors as appeal_selectors
from appeals.forms import LookupForm
from cms import selectors as cms
from cms.models import (
    NewsIndexPage,
    NewsPage,
    PolicyIndexPage,
    PolicyPage,
    ServiceIndexPage,
    ServicePage,
)
from cms.models.policies import shanghai_today
from core.replica import replica_reads
from notifications import selectors as notices
from notifications.services import notification_mark_read
from tenants.selectors import park_current

from ..pagination import Pagination
from ..serializers.common import ERRORS, READ_ERRORS, ErrorSerializer
from ..serializers.content import (
    NewsDetailSerializer,
    NewsSerializer,
    NotificationSerializer,
    ParkSerializer,
    PolicyDetailSerializer,
    PolicyQuerySerializer,
    PolicySerializer,
    ProgressQuerySerializer,
    ProgressSerializer,
    ReadAllSerializer,
    ServiceDetailSerializer,
    ServiceQuerySerializer,
    ServiceSerializer,
)

# What a public read answers besides 200: bad input, a bad token (anyone may call without one),
# an unknown id or page, too many calls.
PUBLIC_READ = {code: ErrorSerializer for code in (400, 401, 404, 405, 429)}

# As the site's progress lookup (appeals.views.track.track_lookup): ten a minute per address.
# Its budget counts POSTs and this one GETs (django-ratelimit keys on the method), so each door
# has its own.
LOOKUP_RATE = "10/m"

# An id in a path: a positive number (the URL matches no other; the schema says so).
PK = OpenApiParameter("id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH)


def valid_data(form) -> dict:
    """The form's cleaned data, or its errors (with their codes) as the API's 400."""
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.cleaned_data


def query(serializer_class, request) -> serializers.Serializer:
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer


# --- The park ------------------------------------------------------------------------------


class ParkView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: ParkSerializer, **PUBLIC_READ}, summary="The park")
    @replica_reads
    def get(self, request):
        data = ParkSerializer.build(park_current(), cms.park_settings_get())
        return Response(ParkSerializer(data).data)


# --- Policies ------------------------------------------------------------------------------


class PolicyListView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = PolicySerializer
    pagination_class = Pagination

    @extend_schema(
        parameters=[PolicyQuerySerializer],
        responses={200: PolicySerializer(many=True), **PUBLIC_READ},
        summary="The policy library, with the site's filters and Chinese search",
    )
    @replica_reads
    def get(self, request):
        params = query(PolicyQuerySerializer, request).params()
        index = cms.section_index(PolicyIndexPage)
        policies = PolicyPage.objects.none()
        if index is not None:
            policies, _filters = cms.policies_filtered(
                index=index, params=params, today=shanghai_today()
            )
        page = self.paginate_queryset(policies)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class PolicyDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses={200: PolicyDetailSerializer, **PUBLIC_READ}, summary="A policy", parameters=[PK]
    )
    @replica_reads
    def get(self, request, pk: int):
        policy = cms.page_get_public(model=PolicyPage, pk=pk)
        return Response(PolicyDetailSerializer(policy, context={"request": request}).data)


# --- Services and news ---------------------------------------------------------------------


class ServiceListView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = ServiceSerializer
    pagination_class = Pagination

    @extend_schema(
        parameters=[ServiceQuerySerializer],
        responses={200: ServiceSerializer(many=True), **PUBLIC_READ},
        summary="The park's services (一园一策)",
    )
    @replica_reads
    def get(self, request):
        category = query(ServiceQuerySerializer, request).validated_data.get("category", "")
        index = cms.section_index(ServiceIndexPage)
        services = (
            ServicePage.objects.none()
            if index is None
            else cms.service_list(parent=index, category=category)
        )
        page = self.paginate_queryset(services)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ServiceDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses={200: ServiceDetailSerializer, **PUBLIC_READ},
        summary="A service",
        parameters=[PK],
    )
    @replica_reads
    def get(self, request, pk: int):
        service = cms.page_get_public(model=ServicePage, pk=pk)
        return Response(ServiceDetailSerializer(service, context={"request": request}).data)


class NewsListView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = NewsSerializer
    pagination_class = Pagination

    @extend_schema(
        responses={200: NewsSerializer(many=True), **PUBLIC_READ}, summary="The park's news"
    )
    @replica_reads
    def get(self, request):
        index = cms.section_index(NewsIndexPage)
        news = NewsPage.objects.none() if index is None else cms.news_published(parent=index)
        page = self.paginate_queryset(news)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class NewsDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses={200: NewsDetailSerializer, **PUBLIC_READ}, summary="A news item", parameters=[PK]
    )
    @replica_reads
    def get(self, request, pk: int):
        item = cms.page_get_public(model=NewsPage, pk=pk)
        return Response(NewsDetailSerializer(item, context={"request": request}).data)


# --- Notifications -------------------------------------------------------------------------


class NotificationPagination(Pagination):
    """The page of notices, with how many of all the caller's notices are unread."""

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["unread"] = notices.unread_count(self.request.user)
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["unread"] = {"type": "integer", "example": 2}
        schema["required"] = [*schema.get("required", []), "unread"]
        return schema


class NotificationListView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = NotificationSerializer
    pagination_class = NotificationPagination

    @extend_schema(
        responses={200: NotificationSerializer(many=True), **READ_ERRORS},
        summary="The caller's notifications, newest first, with the unread count",
    )
    def get(self, request):
        page = self.paginate_queryset(notices.notifications_for_user(user=request.user))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class NotificationReadView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={200: NotificationSerializer, **ERRORS},
        summary="Mark one of the caller's notifications read",
        parameters=[PK],
    )
    def post(self, request, pk: int):
        notice = notices.notification_get_for_user(user=request.user, pk=pk)
        notification_mark_read(user=request.user, pk=notice.pk)
        notice.refresh_from_db(fields=["read_at"])
        return Response(NotificationSerializer(notice).data)


class NotificationReadAllView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={200: ReadAllSerializer, **ERRORS},
        summary="Mark all the caller's notifications read",
    )
    def post(self, request):
        marked = notification_mark_read(user=request.user)
        unread = notices.unread_count(request.user)
        return Response(ReadAllSerializer({"marked": marked, "unread": unread}).data)


# --- Public progress of an appeal ------------------------------------------------------------


class ProgressView(APIView):
    """Anyone with the tracking number and the enterprise's registered mobile number sees the
    appeal's public progress: a wrong one of either is the same 404."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[ProgressQuerySerializer],
        responses={200: ProgressSerializer, **PUBLIC_READ},
        summary="Public progress of an appeal (tracking number + mobile number)",
    )
    def get(self, request):
        if is_ratelimited(
            request, group="api.progress", key="ip", rate=LOOKUP_RATE, increment=True
        ):
            raise exceptions.Throttled()
        data = valid_data(LookupForm(request.query_params))
        appeal = appeal_selectors.appeal_lookup(
            tracking_number=data["tracking_number"], mobile=data["mobile"]
        )
        if appeal is None:
            raise exceptions.NotFound()
        events = appeal_selectors.public_events(appeal)
        response = Response(ProgressSerializer(appeal, context={"events": events}).data)
        response["Cache-Control"] = "private, no-store"
        return response
