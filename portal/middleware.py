import tempfile

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext
from django.utils.translation.trans_real import parse_accept_lang_header

# A body sent without Content-Length is read in pieces of this size, counted as it comes.
READ_CHUNK_BYTES = 64 * 1024


def chosen_language(request) -> str:
    """The language the visitor chose with the switch, else Simplified Chinese."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


# Machine clients (the JSON API, Open311) have no language switch: they say Accept-Language.
MACHINE_PATHS = ("/api/v1/", "/open311/")


def accepted_language(request) -> str:
    """The first of the caller's Accept-Language that we speak, else Simplified Chinese."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header):
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class ChineseFirstLocaleMiddleware(LocaleMiddleware):
    """Simplified Chinese unless the visitor chose another language with the switch.

    The browser's Accept-Language is deliberately ignored on pages: this is a Chinese government
    service, and a page's language should not change with the laptop it is opened on. The JSON
    API and Open311 follow Accept-Language (Chinese unless it asks for English).
    """

    def process_request(self, request):
        if request.path_info.startswith(MACHINE_PATHS):
            translation.activate(accepted_language(request))
            request.LANGUAGE_CODE = translation.get_language()
            return
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()


class RequestSizeLimitMiddleware:
    """413 for a body over REQUEST_MAX_BYTES, before anything parses it.

    A declared Content-Length over the limit is refused without reading a byte. A body without
    one (HTTP/1.1 chunked, which gunicorn marks with `wsgi.input_terminated`) is read here,
    counted as it comes, and refused as soon as it passes the limit; one within the limit is
    handed on with its length, as Django's parsers need (Django on its own reads no byte of a
    body without Content-Length).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_MAX_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body then either
        if length > limit:
            return too_large(request)
        if length or not _unsized_body(request):
            return self.get_response(request)
        body = _read_counted(request.environ["wsgi.input"], limit)
        if body is None:
            return too_large(request)
        try:
            size = body.seek(0, 2)
            body.seek(0)
            request.META["CONTENT_LENGTH"] = str(size)
            # WSGIRequest wrapped the input in a stream of length 0 (no Content-Length): give it
            # the body just read instead.
            request._stream = LimitedStream(body, size)
            return self.get_response(request)
        finally:
            body.close()


def _unsized_body(request) -> bool:
    # Only a server that ends the input stream at the end of the body may be read to its end.
    return bool(
        request.environ.get("wsgi.input_terminated") and request.META.get("HTTP_TRANSFER_ENCODING")
    )


def _read_counted(stream, limit: int):
    """The body in a temporary file, or None (nothing kept) once it passes `limit` bytes."""
    body = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - the caller closes it
        max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE, dir=settings.FILE_UPLOAD_TEMP_DIR
    )
    size = 0
    while chunk := stream.read(min(READ_CHUNK_BYTES, limit + 1 - size)):
        size += len(chunk)
        if size > limit:
            body.close()
            return None
        body.write(chunk)
    return body


def too_large(request) -> HttpResponse:
    """413 in the visitor's language: no template, no session, nothing that reads the body."""
    with translation.override(chosen_language(request)):
        text = gettext("The request is too large: at most %(size)s can be sent at once.") % {
            "size": filesizeformat(settings.REQUEST_MAX_BYTES)
        }
    return HttpResponse(text, status=413, content_type="text/plain; charset=utf-8")


class PermissionsPolicyMiddleware:
    """Permissions-Policy: the browser features no page of the portal uses are switched off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminStylesMiddleware:
    """Wagtail's admin (park hosts, /admin/): the policy also allows the inline <style> elements
    Wagtail's own editor scripts inject (ADMIN_STYLE_SOURCES); script-src stays 'self'."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            # django-csp's per-response addition, as its csp_update decorator sets it.
            response._csp_update = {"style-src": settings.ADMIN_STYLE_SOURCES}
        return response


class MalformedFormMiddleware:
    """400, not 500, for a POST that lacks a field a view reads without checking (Wagtail's
    editors read their formsets' management counts so): the request is the client's error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError) and request.method == "POST":
            return HttpResponseBadRequest()
        return None
