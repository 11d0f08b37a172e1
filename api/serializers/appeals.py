"""The enterprise's appeals (诉求) as the JSON API shows them, and what it accepts (documented
here; validated by the site's own forms in `appeals.forms`)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from appeals import selectors
from appeals.lifecycle import AppealAction
from appeals.models import Appeal, AppealAttachment, AppealEvent, Satisfaction
from core.attachments import MAX_ATTACHMENTS
from core.forms import DESCRIPTION_MAX
from onewindow.models import AppealCategory, Department

# --- Read ------------------------------------------------------------------------------------


class AppealCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = AppealCategory
        fields = ["id", "name", "description", "window_deadline_days", "department_deadline_days"]


class AppealCategoryRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = AppealCategory
        fields = ["id", "name"]


class AppealDepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "short_name"]


class AppealAttachmentSerializer(serializers.ModelSerializer):
    source = serializers.ChoiceField(choices=AppealAttachment.Source.choices)
    source_label = serializers.CharField(source="get_source_display")
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = AppealAttachment
        fields = [
            "id",
            "name",
            "content_type",
            "size",
            "source",
            "source_label",
            "created_at",
            "download_url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, attachment: AppealAttachment) -> str:
        path = reverse(
            "api:appeal-attachment",
            kwargs={"tracking_number": attachment.appeal.tracking_number, "pk": attachment.pk},
        )
        return self.context["request"].build_absolute_uri(path)


class AppealEventSerializer(serializers.ModelSerializer):
    """One public step of the timeline (办理记录), in the reader's language."""

    actor = serializers.ChoiceField(choices=AppealEvent.Actor.choices)
    actor_label = serializers.CharField(source="get_actor_display")
    action = serializers.CharField(source="action_text")
    from_status = serializers.CharField(help_text="A status value, or empty for the first step.")
    to_status = serializers.CharField(help_text="A status value, or empty for a step without one.")
    to_label = serializers.CharField()

    class Meta:
        model = AppealEvent
        fields = [
            "at",
            "actor",
            "actor_label",
            "actor_name",
            "action",
            "from_status",
            "to_status",
            "to_label",
            "note",
        ]


class AppealSerializer(serializers.ModelSerializer):
    """An appeal in the enterprise's list."""

    status = serializers.ChoiceField(choices=Appeal.Status.choices)
    status_label = serializers.CharField(source="get_status_display")
    category = AppealCategoryRefSerializer()

    class Meta:
        model = Appeal
        fields = [
            "tracking_number",
            "status",
            "status_label",
            "category",
            "title",
            "submitted_at",
            "window_due",
            "department_due",
            "updated_at",
        ]


class AppealDetailSerializer(AppealSerializer):
    """The appeal as its enterprise sees it: the answer, the public timeline, its files and
    what the caller may do now."""

    department = AppealDepartmentSerializer(allow_null=True)
    satisfaction = serializers.ChoiceField(choices=Satisfaction.choices, allow_null=True)
    satisfaction_label = serializers.CharField(source="get_satisfaction_display", allow_null=True)
    attachments = AppealAttachmentSerializer(many=True)
    timeline = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta(AppealSerializer.Meta):
        fields = [
            *AppealSerializer.Meta.fields,
            "description",
            "contact_name",
            "contact_mobile",
            "accepted_at",
            "department",
            "info_request",
            "answer",
            "answered_by",
            "answered_at",
            "resolved",
            "satisfaction",
            "satisfaction_label",
            "rating_comment",
            "rated_at",
            "closed_at",
            "rehandle_count",
            "attachments",
            "timeline",
            "allowed_actions",
        ]

    @extend_schema_field(AppealEventSerializer(many=True))
    def get_timeline(self, appeal: Appeal) -> list:
        return AppealEventSerializer(selectors.public_events(appeal), many=True).data

    @extend_schema_field(
        serializers.ListField(
            child=serializers.ChoiceField(choices=[a.value for a in AppealAction])
        )
    )
    def get_allowed_actions(self, appeal: Appeal) -> list[str]:
        return sorted(appeal.allowed_actions(self.context["request"].user))


# --- Write (documentation of the forms' fields) ----------------------------------------------


class AppealListQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Appeal.Status.choices, required=False)


def _attachments() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=MAX_ATTACHMENTS,
        help_text="Up to 5 files, 10 MB each: PDF, JPEG, PNG, DOCX or XLSX (checked from the "
        "content; the name's ending must agree). Multipart only.",
    )


class AppealFieldsSerializer(serializers.Serializer):
    category = serializers.IntegerField(help_text="The id of one of `appeal-categories/`.")
    title = serializers.CharField(max_length=100)
    description = serializers.CharField(max_length=DESCRIPTION_MAX)
    contact_name = serializers.CharField(max_length=60)
    contact_mobile = serializers.CharField(
        max_length=20, help_text="A mainland mobile number, e.g. 13800138000."
    )


class AppealCreateJsonSerializer(AppealFieldsSerializer):
    submission_key = serializers.UUIDField(
        required=False,
        help_text="Idempotency key: sent again, the same key answers the appeal it made "
        "(200 instead of 201), and nothing is filed twice.",
    )


class AppealCreateMultipartSerializer(AppealCreateJsonSerializer):
    attachments = _attachments()


class AppealResubmitJsonSerializer(AppealFieldsSerializer):
    pass


class AppealResubmitMultipartSerializer(AppealFieldsSerializer):
    attachments = _attachments()


class AppealRatingSerializer(serializers.Serializer):
    resolved = serializers.ChoiceField(choices=["yes", "no"], help_text="Was the problem solved?")
    satisfaction = serializers.ChoiceField(
        choices=Satisfaction.choices, help_text="1 very satisfied … 5 very dissatisfied."
    )
    comment = serializers.CharField(max_length=500, required=False, allow_blank=True)


class AppealReplyJsonSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=DESCRIPTION_MAX)


class AppealReplyMultipartSerializer(AppealReplyJsonSerializer):
    attachments = _attachments()
