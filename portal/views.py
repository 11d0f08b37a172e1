from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    """200 when database, broker and worker are up (beat is reported, not required)."""
    checks = health.status()
    required = ("database", "broker", "worker")
    ok = all(checks[name] == "up" for name in required)
    return JsonResponse({"status": "ok" if ok else "degraded", **checks}, status=200 if ok else 503)


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
