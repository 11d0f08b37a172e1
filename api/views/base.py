"""What every JSON API view shares: signed-in callers only unless a view says otherwise, and
the one way a body reaches the site's forms."""

from collections.abc import Mapping

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request, is_form_media_type

FormData = QueryDict | dict[str, str]


class SignedIn:
    """Mixin for the API's views: the default permission is a signed-in caller."""

    permission_classes = [IsAuthenticated]


def form_input(request: Request) -> tuple[FormData, MultiValueDict]:
    """What the site's form reads: a multipart (or urlencoded) body with its files, or a JSON
    object's plain values as strings (files come in multipart only). Lists and objects are
    dropped and numbers become text, so a JSON `1e400` reaches a form as "inf" (an invalid
    choice), never as a float the ORM cannot take."""
    if is_form_media_type(request.content_type):
        return request.POST, request.FILES
    if not isinstance(request.data, Mapping):
        raise exceptions.ParseError(_("Send a JSON object or a multipart form."))
    plain = {
        name: str(value)
        for name, value in request.data.items()
        if isinstance(value, str | int | float)
    }
    return plain, MultiValueDict()
