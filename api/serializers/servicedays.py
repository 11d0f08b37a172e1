"""Service days (企业服务日), their slots and an enterprise's bookings as JSON."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from servicedays.choices import BookingStatus
from servicedays.models import ServiceDay
from servicedays.services.common import QUESTION_MAX, TOPIC_MAX


def _department_name(owner) -> str:
    """Departments live in the hub's schema without a foreign-key constraint: a missing row
    gives an empty name rather than an error (as servicedays.calendars does)."""
    try:
        department = owner.department
    except ObjectDoesNotExist:
        return ""
    return department.name if department is not None else ""


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}:\d{2}$", "example": "09:30:00"})
class LocalTimeField(serializers.TimeField):
    """A wall-clock time of the day in the park, without an offset. Not OpenAPI's `time` format,
    which (RFC 3339's full-time) requires one; the day's instants are `starts_at` / `ends_at`."""


class DepartmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="department_id")
    name = serializers.SerializerMethodField()

    def get_name(self, owner) -> str:
        return _department_name(owner)


class ServiceDaySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.DateField()
    start_time = LocalTimeField(help_text="Local time in the park (Asia/Shanghai), HH:MM:SS.")
    end_time = LocalTimeField(help_text="Local time in the park (Asia/Shanghai), HH:MM:SS.")
    place = serializers.CharField()
    topics = serializers.CharField()
    description = serializers.CharField()
    status = serializers.ChoiceField(choices=ServiceDay.Status.choices)
    booking_opens_at = serializers.DateTimeField()
    booking_closes_at = serializers.DateTimeField()
    bookings_per_enterprise = serializers.IntegerField()
    booking_state = serializers.SerializerMethodField(
        help_text="Why the day can or cannot be booked now."
    )
    departments = DepartmentSerializer(many=True, help_text="The hosting departments.")

    @extend_schema_field(serializers.ChoiceField(choices=ServiceDay.BookingState.choices))
    def get_booking_state(self, day) -> str:
        return day.booking_state(self.context.get("now") or timezone.now())


class SlotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    department = serializers.SerializerMethodField()
    capacity = serializers.IntegerField()
    seats_left = serializers.IntegerField()
    is_full = serializers.BooleanField()

    @extend_schema_field(DepartmentSerializer)
    def get_department(self, slot) -> dict:
        return {"id": slot.department_id, "name": _department_name(slot)}


class ServiceDayDetailSerializer(ServiceDaySerializer):
    slots = serializers.SerializerMethodField()

    @extend_schema_field(SlotSerializer(many=True))
    def get_slots(self, day) -> list:
        return SlotSerializer(self.context["slots"], many=True).data


class BookingRequestSerializer(serializers.Serializer):
    """Documents the body; the site's BookingForm validates it."""

    slot = serializers.IntegerField(help_text="A slot of this day (see the day's `slots`).")
    topic = serializers.CharField(max_length=TOPIC_MAX)
    question = serializers.CharField(max_length=QUESTION_MAX, required=False, allow_blank=True)


class BookingDaySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.DateField()
    place = serializers.CharField()
    status = serializers.ChoiceField(choices=ServiceDay.Status.choices)


class BookingSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The check-in code, as stored (use it in the URLs).")
    code_display = serializers.CharField(help_text="The code in groups of five, to read out.")
    status = serializers.ChoiceField(choices=BookingStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    topic = serializers.CharField()
    question = serializers.CharField()
    created_at = serializers.DateTimeField()
    cancelled_at = serializers.DateTimeField(allow_null=True)
    checked_in_at = serializers.DateTimeField(allow_null=True)
    service_day = BookingDaySerializer()
    slot = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(
        help_text="What the caller may do now: `cancel`, `move`."
    )

    @extend_schema_field(SlotSerializer)
    def get_slot(self, booking) -> dict:
        return SlotSerializer(booking.slot).data

    def get_actions(self, booking) -> list[str]:
        request = self.context["request"]
        allowed = booking.allowed_actions(request.user, timezone.now())
        return sorted(str(action) for action in allowed)
