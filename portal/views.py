from django.http import JsonResponse
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
    from django.shortcuts import render

    return render(request, "429.html", status=429)
