"""Anonymous page cache, per park and per language.

Keys carry the park's schema (django_tenants.cache.make_key) and a per-park content generation
that every publish, unpublish, move or delete bumps, so a published change shows on the next
request and a change in one park never touches another park's cached pages.
"""

from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tenants.utils import schema_context

from core.tasks import schema_current

GENERATION_KEY = "cms:content-generation"
MAX_CACHED_PATH = 300
PAGE_TIMEOUT_S = 600
# Paths that are never served from the page cache (forms, accounts, admin, API, health).
UNCACHED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/api/",
    "/healthz",
    "/register/",
    "/office/",
    "/service-days/",
    "/i18n/",
    "/lang/",
    "/search/",
    "/documents/",
    "/theme.css",
    "/static/",
    "/media/",
)


def content_generation() -> int:
    # An int, never None: get_or_set stores 1 when the key is missing.
    return cast(int, cache.get_or_set(GENERATION_KEY, 1, timeout=None))


def content_changed(**kwargs) -> None:
    """Signal receiver: the current park's published content changed.

    Bumped at once and again on commit: a request served between the two would otherwise cache
    the old page under the new generation.
    """
    if schema_current() == "public":
        return
    _bump()
    schema_name = schema_current()
    transaction.on_commit(lambda: _bump_in(schema_name))


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _bump_in(schema_name: str) -> None:

    with schema_context(schema_name):
        _bump()


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and schema_current() != "public"
        and not request.path.startswith(UNCACHED_PREFIXES)
        # Odd, long query strings are rendered but not stored: they would only fill the cache.
        and len(request.get_full_path()) <= MAX_CACHED_PATH
        # No session cookie: an anonymous visitor (this runs outside the session middleware).
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        # A page that asked for a CSRF token must not be shared: the token is the visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = f"cms:page:{content_generation()}:{request.LANGUAGE_CODE}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            response = cached
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, PAGE_TIMEOUT_S)
            response["X-Page-Cache"] = "miss"
        return response
