import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.static import serve

from . import health


@never_cache
def healthz(request):
    """200 when database, broker and worker are up (beat is reported, not required).

    Anonymous callers learn the overall status only; the parts are for staff and monitoring.
    """
    checks = health.status()
    ok = health.healthy(checks)
    answer = {"status": "ok" if ok else "degraded"}
    if health.may_see_detail(request):
        answer.update(checks)
    return JsonResponse(answer, status=200 if ok else 503)


def ratelimited(request, exception):
    """Too many posts to a public form from one address."""

    return render(request, "429.html", status=429)


def switch_language(request, code: str):
    """A plain link switches the language (no form, so cached pages carry no CSRF token)."""

    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def park_media(request, schema_name: str, path: str):
    """The park's own uploaded files, from MEDIA_ROOT/<schema>/ where django-tenants' storage
    puts them; another park's folder is not found from this host.

    Behind nginx (MEDIA_ACCEL_REDIRECT set) the answer is an X-Accel-Redirect and nginx sends the
    file; with DEBUG, Django sends it; otherwise 404. Documents never come this way: Wagtail's
    serve view checks their collection's privacy.
    """
    if schema_name != request.tenant.schema_name:
        raise Http404
    if settings.MEDIA_ACCEL_REDIRECT:
        clean = posixpath.normpath(path)
        if clean != path or clean.startswith(("/", "..")) or "\0" in path:
            raise Http404
        response = HttpResponse(content_type=mimetypes.guess_type(clean)[0] or "")
        response["X-Accel-Redirect"] = quote(
            f"{settings.MEDIA_ACCEL_REDIRECT}{schema_name}/{clean}"
        )
        return response
    if not settings.DEBUG:
        raise Http404
    return serve(request, path, document_root=str(Path(settings.MEDIA_ROOT) / schema_name))
