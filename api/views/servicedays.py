"""Service days (企业服务日) for everyone, and bookings for verified enterprises — the site's
selectors, form and services, so the API books, refuses and cancels exactly as the pages do."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from servicedays import calendars, selectors
from servicedays.forms import BookingForm
from servicedays.services.bookings import booking_cancel, booking_create
from servicedays.views import enterprise as site_views
from servicedays.views.calendar import CALENDAR_TYPE
from tenants.selectors import park_current, park_site_url

from ..pagination import Pagination
from ..permissions import IsEnterprise
from ..serializers.common import ERRORS, READ_ERRORS, ErrorSerializer
from ..serializers.servicedays import (
    BookingRequestSerializer,
    BookingSerializer,
    ServiceDayDetailSerializer,
    ServiceDaySerializer,
)
from .base import form_input
from .content import PK, PUBLIC_READ, valid_data

# The site's booking page allows sixty an hour per account; the API draws on the same budget
# (the same group, key, rate and method).
BOOKING_RATE = "60/h"


def _booking_response(request, booking, status_code: int = status.HTTP_200_OK) -> Response:
    return Response(BookingSerializer(booking, context={"request": request}).data, status_code)


# --- Service days ----------------------------------------------------------------------------


class ServiceDayListView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = ServiceDaySerializer
    pagination_class = Pagination

    @extend_schema(
        responses={200: ServiceDaySerializer(many=True), **PUBLIC_READ},
        summary="Upcoming published service days",
    )
    def get(self, request):
        days = selectors.service_days_upcoming().prefetch_related("departments__department")
        page = self.paginate_queryset(days)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ServiceDayDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses={200: ServiceDayDetailSerializer, **PUBLIC_READ},
        summary="A service day with its slots and the seats left",
        parameters=[PK],
    )
    def get(self, request, pk: int):
        day = selectors.service_day_get_public(pk=pk)
        context = {"slots": selectors.slots_bookable(day=day), "now": timezone.now()}
        return Response(ServiceDayDetailSerializer(day, context=context).data)


class BookingCreateView(APIView):
    """Book a slot as on the day's page: the same form and service, so a full slot
    (`slot_full`), a second booking (`duplicate`, `limit`) or a closed day (`closed`…) is a 400
    with the service's code."""

    permission_classes = [IsEnterprise]

    @extend_schema(
        request=BookingRequestSerializer,
        responses={201: BookingSerializer, **ERRORS},
        summary="Book a slot of a service day (verified enterprises)",
        parameters=[PK],
    )
    def post(self, request, pk: int):
        if is_ratelimited(
            request,
            fn=site_views.book,
            key="core.ratelimit.account_or_ip",
            rate=BOOKING_RATE,
            method="POST",
            increment=True,
        ):
            raise exceptions.Throttled()
        day = selectors.service_day_get_public(pk=pk)
        fields, _files = form_input(request)
        data = valid_data(BookingForm(fields, slots=selectors.slots_bookable(day=day)))
        enterprise = getattr(request.user, "enterprise", None)
        if enterprise is None:
            raise ValidationError(_("Only enterprise accounts can book."), code="no_enterprise")
        booking = booking_create(
            slot=data["slot"],
            enterprise=enterprise,
            by=request.user,
            topic=data["topic"],
            question=data["question"],
            service_day=day,
        )
        return _booking_response(request, booking, status.HTTP_201_CREATED)


# --- The enterprise's bookings ---------------------------------------------------------------


class BookingListView(GenericAPIView):
    permission_classes = [IsEnterprise]
    serializer_class = BookingSerializer
    pagination_class = Pagination

    @extend_schema(
        responses={200: BookingSerializer(many=True), **READ_ERRORS},
        summary="The enterprise's own bookings, latest slot first",
    )
    def get(self, request):
        bookings = selectors.bookings_for_enterprise(user=request.user).select_related(
            "slot__department", "enterprise"
        )
        page = self.paginate_queryset(bookings)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class BookingDetailView(APIView):
    permission_classes = [IsEnterprise]

    @extend_schema(
        responses={200: BookingSerializer, **READ_ERRORS},
        summary="One of the enterprise's bookings",
    )
    def get(self, request, code: str):
        booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
        return _booking_response(request, booking)


class BookingCancelView(APIView):
    permission_classes = [IsEnterprise]

    @extend_schema(
        request=None,
        responses={200: BookingSerializer, **ERRORS},
        summary="Cancel the enterprise's booking (before the cutoff); the seat goes to the waitlist",
    )
    def post(self, request, code: str):
        booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
        booking_cancel(booking=booking, by=request.user)
        booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
        return _booking_response(request, booking)


class BookingCalendarView(APIView):
    """The booking as an iCalendar event (the site's `.ics`); errors are JSON whatever the
    caller accepts."""

    permission_classes = [IsEnterprise]

    def perform_content_negotiation(self, request, force=False):
        # The calendar is a plain HttpResponse; the negotiated renderer only writes errors.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar"),
            **{code: ErrorSerializer for code in READ_ERRORS},
        },
        summary="The booking as an iCalendar file",
    )
    def get(self, request, code: str):
        booking = selectors.booking_get_for_enterprise(user=request.user, code=code)
        body = calendars.booking_calendar(booking, site_url=park_site_url(park_current()))
        response = HttpResponse(body, content_type=CALENDAR_TYPE)
        filename = f"service-day-{booking.service_day.date:%Y%m%d}.ics"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        # It carries the check-in code: never kept by a shared cache.
        response["Cache-Control"] = "private, no-store"
        return response
