"""A department's cases (工单) as JSON: what the hub's case pages show a liaison."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.forms import DESCRIPTION_MAX
from onewindow.lifecycle import CaseAction
from onewindow.models import Case, CaseAttachment, ExtensionRequest
from onewindow.services.extensions import MAX_EXTENSION_DAYS


def _absolute(context: dict, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class NamedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class DepartmentSerializer(serializers.Serializer):
    """A district department (区职能部门)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    short_name = serializers.CharField()


class CaseAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")
    url = serializers.SerializerMethodField(help_text="Download it with the same token.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, attachment: CaseAttachment) -> str:
        path = reverse("api:hub-case-file", args=[attachment.case_id, attachment.pk])
        return _absolute(self.context, path)


class CaseAnswerSerializer(serializers.Serializer):
    """A department's answer (答复) with its files."""

    id = serializers.IntegerField()
    department = NamedSerializer()
    text = serializers.CharField()
    answered_at = serializers.DateTimeField()
    due_date = serializers.DateField(help_text="The due date in force when it was answered.")
    attachments = CaseAttachmentSerializer(many=True, source="attachments.all")


class CaseEventSerializer(serializers.Serializer):
    """One step of the case's timeline (办理记录), in the reader's language."""

    at = serializers.DateTimeField()
    actor = serializers.CharField(source="actor_name")
    action = serializers.CharField(source="action_text")
    from_status = serializers.CharField(help_text="Empty when the step moved no status.")
    to_status = serializers.CharField(help_text="Empty when the step moved no status.")
    to_label = serializers.CharField()
    note = serializers.CharField()


class ExtensionSerializer(serializers.Serializer):
    """An extension request (延期申请) waiting for a district admin."""

    id = serializers.IntegerField()
    days = serializers.IntegerField()
    reason = serializers.CharField()
    requested_at = serializers.DateTimeField()


class CaseSerializer(serializers.Serializer):
    """A case as the hub's case list shows it."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    tracking_number = serializers.CharField()
    title = serializers.CharField()
    park = NamedSerializer()
    category = NamedSerializer()
    department = DepartmentSerializer(allow_null=True)
    status = serializers.ChoiceField(choices=Case.Status.choices)
    status_label = serializers.CharField(source="get_status_display")
    is_overdue = serializers.BooleanField()
    dispatched_at = serializers.DateTimeField()
    due_date = serializers.DateField(help_text="The department's due date in force.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, case: Case) -> str:
        return _absolute(self.context, reverse("api:hub-case", args=[case.pk]))


class CaseDetailSerializer(CaseSerializer):
    """A case as its page shows it: the text, files, answers, timeline and what may be done."""

    enterprise_name = serializers.CharField()
    enterprise_uscc = serializers.CharField()
    description = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    window_due = serializers.DateField()
    accepted_at = serializers.DateTimeField()
    paused_on = serializers.DateField(allow_null=True)
    first_answered_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    attachments = serializers.SerializerMethodField(help_text="The enterprise's files.")
    answers = CaseAnswerSerializer(many=True)
    pending_extension = serializers.SerializerMethodField()
    timeline = CaseEventSerializer(many=True, source="events.all")
    allowed_actions = serializers.SerializerMethodField(
        help_text="What the caller may do to the case now (`onewindow.lifecycle.CaseAction`)."
    )

    @extend_schema_field(CaseAttachmentSerializer(many=True))
    def get_attachments(self, case: Case) -> list:
        files = case.attachments.filter(from_enterprise=True)
        return CaseAttachmentSerializer(files, many=True, context=self.context).data

    @extend_schema_field(ExtensionSerializer(allow_null=True))
    def get_pending_extension(self, case: Case) -> dict | None:
        pending = case.extensions.filter(status=ExtensionRequest.Status.PENDING).first()
        return ExtensionSerializer(pending).data if pending else None

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=[a.value for a in CaseAction]))
    )
    def get_allowed_actions(self, case: Case) -> list[str]:
        return sorted(case.allowed_actions(self.context["request"].user))


class CaseActionResultSerializer(serializers.Serializer):
    """What an action did: the site's confirmation and the case as it is now."""

    message = serializers.CharField()
    case = CaseSerializer()


# --- Input, for the schema: the site's forms (onewindow/forms.py) validate it ---------------


class CaseAnswerInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=DESCRIPTION_MAX)
    attachments = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        help_text="Up to 5 files, 10 MB each: PDF, JPEG, PNG, DOCX or XLSX (multipart only).",
    )


class QuestionInputSerializer(serializers.Serializer):
    question = serializers.CharField(max_length=1000, help_text="What the enterprise must send.")


class TransferInputSerializer(serializers.Serializer):
    department = serializers.IntegerField(help_text="An active department's id (`departments/`).")
    reason = serializers.CharField(max_length=500)


class ReturnInputSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=500, help_text="Why this case is not for your department."
    )


class ExtensionInputSerializer(serializers.Serializer):
    days = serializers.IntegerField(
        min_value=1, max_value=MAX_EXTENSION_DAYS, help_text="Extra working days."
    )
    reason = serializers.CharField(max_length=500)
