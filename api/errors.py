"""Every API error in one shape, with a machine code and a message in the caller's language:

    {"error": {"code": "wrong_status", "message": "…", "fields": {"title": [{"code": …, "message": …}]}}}

`code` is stable (clients branch on it); `message` is for people (Chinese unless the request
says `Accept-Language: en`); `fields` only for input errors. The services' ValidationErrors
keep their codes, so the API says exactly what the site's forms say.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

_DEFAULT_CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    429: "throttled",
}


def _flatten(details) -> list[dict]:
    """DRF's full details (nested dicts/lists of {message, code}) as a flat list."""
    if isinstance(details, dict) and set(details) == {"message", "code"}:
        return [{"code": str(details["code"]), "message": str(details["message"])}]
    if isinstance(details, dict):
        return [item for value in details.values() for item in _flatten(value)]
    if isinstance(details, list):
        return [item for value in details for item in _flatten(value)]
    return [{"code": "invalid", "message": str(details)}]


def _from_django_validation(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        by_field = {
            field: [
                exceptions.ErrorDetail(message, code=error.code or "invalid")
                for error in errors
                for message in error.messages
            ]
            for field, errors in exc.error_dict.items()
        }
        return exceptions.ValidationError(by_field)
    detail = [
        exceptions.ErrorDetail(message, code=error.code or "invalid")
        for error in exc.error_list
        for message in error.messages
    ]
    return exceptions.ValidationError(detail)


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    body: dict = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = _from_django_validation(exc)
    elif isinstance(exc, (Http404, ObjectDoesNotExist)):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    status_code = response.status_code
    default_code = _DEFAULT_CODES.get(status_code, "error")
    fields = None
    if isinstance(exc, exceptions.ValidationError):
        details = exc.get_full_details()
        if isinstance(details, dict):
            fields = {
                ("non_field_errors" if name == "__all__" else name): _flatten(value)
                for name, value in details.items()
            }
            general = fields.pop("non_field_errors", None)
        else:
            general = _flatten(details)
        first = (general or [item for items in (fields or {}).values() for item in items] or [{}])[
            0
        ]
        code = first.get("code", default_code)
        message = (
            first.get("message", "")
            if general
            else _("Some fields are not valid; see the fields for details.")
        )
        if general and fields:
            fields["non_field_errors"] = general
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else default_code
        message = str(exc.detail) if not isinstance(exc.detail, (list, dict)) else default_code
    else:  # pragma: no cover - drf_exception_handler only answers APIException, Http404, PermissionDenied
        code, message = default_code, str(exc)
    response.data = error_body(code, message, fields)
    return response
