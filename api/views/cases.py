"""A liaison's cases (工单) through the API: the hub's case pages (onewindow/views.py) as JSON.

The same selectors fetch the case (another department's answers 404), the same forms read the
input and the same services act, so the API accepts and refuses exactly what the pages do.
District admins read the cases as the pages let them; only liaisons act."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.downloads import private_file_response
from onewindow import selectors
from onewindow.forms import (
    CaseAnswerForm,
    CaseFilterForm,
    ExtensionForm,
    QuestionForm,
    ReturnForm,
    TransferForm,
    active_departments,
)
from onewindow.models import Case
from onewindow.services import cases, extensions

from ..permissions import IsHubStaff, IsLiaison
from ..serializers.cases import (
    CaseActionResultSerializer,
    CaseAnswerInputSerializer,
    CaseDetailSerializer,
    CaseSerializer,
    DepartmentSerializer,
    ExtensionInputSerializer,
    QuestionInputSerializer,
    ReturnInputSerializer,
    TransferInputSerializer,
)
from ..serializers.common import ERRORS, READ_ERRORS
from .base import form_input

TAG = "cases"
# The URLs take positive ids only (<int:…>): said in the schema, so no client builds another.
POSITIVE_ID = {"type": "integer", "minimum": 1}
CASE_ID = OpenApiParameter("id", POSITIVE_ID, OpenApiParameter.PATH, description="The case.")
FILE_ID = OpenApiParameter("file_pk", POSITIVE_ID, OpenApiParameter.PATH, description="A file.")


def form_valid(form: forms.BaseForm) -> dict:
    """The form's cleaned data, or its errors as the API's 400 (with their codes)."""
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.cleaned_data


@extend_schema(
    tags=[TAG],
    summary="Cases: a liaison's department's, or all for a district admin",
    parameters=[
        OpenApiParameter(
            "q",
            {"type": "string", "maxLength": 100},
            description="Tracking number, title or enterprise.",
        ),
        OpenApiParameter("status", str, enum=Case.Status.values),
        OpenApiParameter("overdue", bool, description="Open overdue cases only."),
    ],
    responses={200: CaseSerializer(many=True), **READ_ERRORS},
)
class CaseListView(ListAPIView):
    permission_classes = [IsHubStaff]
    serializer_class = CaseSerializer

    def get_queryset(self):
        criteria = form_valid(CaseFilterForm(self.request.query_params))
        return selectors.case_list_for_user(
            user=self.request.user,
            query=criteria.get("q") or "",
            status=criteria.get("status") or "",
            overdue=bool(criteria.get("overdue")),
        )


def case_detail_data(request, pk: int) -> dict:
    case = selectors.case_get_for_user(user=request.user, pk=pk)
    case = Case.objects.prefetch_related("answers__department", "answers__attachments").get(
        pk=case.pk
    )
    return CaseDetailSerializer(case, context={"request": request}).data


class CaseDetailView(APIView):
    permission_classes = [IsHubStaff]

    @extend_schema(
        tags=[TAG],
        summary="A case: text, files, answers, timeline and the caller's allowed actions",
        parameters=[CASE_ID],
        responses={200: CaseDetailSerializer, **READ_ERRORS},
    )
    def get(self, request, pk: int):
        return Response(case_detail_data(request, pk))


class CaseFileView(APIView):
    permission_classes = [IsHubStaff]

    @extend_schema(
        tags=[TAG],
        summary="Download a file of a case",
        parameters=[CASE_ID, FILE_ID],
        responses={(200, "*/*"): OpenApiTypes.BINARY, **READ_ERRORS},
    )
    def get(self, request, pk: int, file_pk: int):
        attachment = selectors.case_attachment_get_for_user(
            user=request.user, case_pk=pk, pk=file_pk
        )
        return private_file_response(
            attachment.file, filename=attachment.name, content_type=attachment.content_type
        )


class CaseActionView(APIView):
    """An action of a liaison on a case of their department: one form, one service."""

    permission_classes = [IsLiaison]
    form_class: type[forms.BaseForm] = forms.Form

    def act(self, case: Case, data: dict) -> None:
        raise NotImplementedError

    def done(self) -> str:
        raise NotImplementedError

    def post(self, request, pk: int):
        case = selectors.case_get_for_user(user=request.user, pk=pk)
        fields, files = form_input(request)
        data = form_valid(self.form_class(fields, files))
        self.act(case, data)
        case.refresh_from_db()
        result = {"message": self.done(), "case": case}
        return Response(CaseActionResultSerializer(result, context={"request": request}).data)


def _action_schema(summary: str, request=None):
    return extend_schema(
        tags=[TAG],
        summary=summary,
        parameters=[CASE_ID],
        request=request,
        responses={200: CaseActionResultSerializer, **ERRORS},
    )


@_action_schema("Sign for a case (签收)")
class CaseSignView(CaseActionView):
    def act(self, case, data):
        cases.case_sign(case=case, by=self.request.user)

    def done(self):
        return _("Signed for.")


@_action_schema(
    "Answer a case (答复); files as multipart",
    {
        "multipart/form-data": CaseAnswerInputSerializer,
        "application/json": CaseAnswerInputSerializer,
    },
)
class CaseAnswerView(CaseActionView):
    form_class = CaseAnswerForm

    def act(self, case, data):
        cases.case_answer(
            case=case, by=self.request.user, text=data["text"], uploads=data["attachments"]
        )

    def done(self):
        return _("Answer sent to the park.")


@_action_schema("Ask the enterprise for more information (要求补充材料)", QuestionInputSerializer)
class CaseRequestInfoView(CaseActionView):
    form_class = QuestionForm

    def act(self, case, data):
        cases.case_request_info(case=case, by=self.request.user, question=data["question"])

    def done(self):
        return _("Request sent to the enterprise through the park.")


@_action_schema("Transfer a case to another department (转办)", TransferInputSerializer)
class CaseTransferView(CaseActionView):
    form_class = TransferForm

    def act(self, case, data):
        cases.case_transfer(
            case=case, by=self.request.user, department=data["department"], reason=data["reason"]
        )

    def done(self):
        return _("Transferred.")


@_action_schema("Return a misrouted case to the district (退单)", ReturnInputSerializer)
class CaseReturnView(CaseActionView):
    form_class = ReturnForm

    def act(self, case, data):
        cases.case_return(case=case, by=self.request.user, reason=data["reason"])

    def done(self):
        return _("Returned to the district for re-dispatch.")


@_action_schema("Ask for more working days (延期申请)", ExtensionInputSerializer)
class CaseExtensionView(CaseActionView):
    form_class = ExtensionForm

    def act(self, case, data):
        extensions.extension_request(
            case=case, by=self.request.user, days=data["days"], reason=data["reason"]
        )

    def done(self):
        return _("Extension requested; a district admin will decide.")


@extend_schema(
    tags=[TAG],
    summary="The active departments a case may be transferred to",
    responses={200: DepartmentSerializer(many=True), **READ_ERRORS},
)
class DepartmentListView(ListAPIView):
    permission_classes = [IsHubStaff]
    serializer_class = DepartmentSerializer

    def get_queryset(self):
        return active_departments().order_by("name", "id")
