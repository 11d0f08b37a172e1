"""Anonymous page cache, per park and per language.

Keys carry the park's schema (django_tenants.cache.make_key) and a per-park content generation
that every publish, unpublish, move or delete bumps, so a published change shows on the next
request and a change in one park never touches another park's cached pages.

What may be shared between visitors is decided on the response as the visitor gets it: this
middleware sits outside the session, CSRF and messages middleware, so a response that sets any
cookie (a flash message read and cleared, a CSRF token, a session) is never stored. A page is
stored under its path and query parameters only when the page declares every parameter it was
asked with (`cache_query_params` on the page class); a park stores at most
PAGE_CACHE_MAX_ENTRIES pages per generation and time window, so odd URLs cannot fill the Redis
that also carries the broker and the rate limits.

Signed-in visitors never get a cached page, but what every visitor of a park sees alike (the
home page's data-driven blocks, the navigation, the site settings, the view restrictions) is
kept under the same generation, the language and the Shanghai date (`shared`), so their pages
render only their own parts (greeting, notifications) afresh.
"""

import secrets
import time
from collections.abc import Callable
from typing import TypeVar, cast
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django_tenants.utils import schema_context
from wagtail.models import Page

from core.replica import primary_reads
from core.tasks import schema_current

SHANGHAI = ZoneInfo("Asia/Shanghai")

GENERATION_KEY = "cms:content-generation"
MAX_CACHED_PATH = 300
PAGE_TIMEOUT_S = 600
# A shared part outlives no generation (the key changes) and no day (the date is in the key).
SHARED_TIMEOUT_S = 24 * 3600
# Shared parts this process has read, by schema and key: a key names one generation, language
# and day, so an entry never goes stale, it only stops being asked for. Each request then reads
# the generation from Redis and little else. Emptied when full.
_LOCAL: dict[str, tuple] = {}
LOCAL_MAX_ENTRIES = 1000
# Paths that are never served from the page cache (forms, accounts, admin, API, health).
UNCACHED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/api/",
    "/open311/",
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
    # An int, never None: get_or_set stores a fresh one when the key is missing.
    return cast(int, cache.get_or_set(GENERATION_KEY, _fresh_generation, timeout=None))


def _fresh_generation() -> int:
    """A random start, not 1: after Redis lost the key (a restart, a flush) the generation must
    not repeat one that a process still holds shared parts of (see `_LOCAL`)."""
    return secrets.randbits(48)


T = TypeVar("T")


def shared(name: str, compute: Callable[[], T], *, request=None) -> T:
    """`compute()`, kept for every visitor of the current park under the content generation,
    the active language and the Shanghai date: for what depends on nothing else (no user, no
    request path). `request` only spares reading the generation more than once per request."""
    key = f"cms:shared:{_generation(request)}:{get_language()}:{_shanghai_today()}:{name}"
    local_key = f"{schema_current()}:{key}"
    kept = _LOCAL.get(local_key)  # a 1-tuple, so that a computed None is kept too
    if kept is None:
        kept = cache.get(key)
        if kept is None:
            # From the primary: inside a replica scope (the API's lists, the dashboards' header) a
            # lagging replica would store yesterday's restrictions under today's generation.
            with primary_reads():
                kept = (compute(),)
            cache.set(key, kept, SHARED_TIMEOUT_S)
        if len(_LOCAL) >= LOCAL_MAX_ENTRIES:
            _LOCAL.clear()
        _LOCAL[local_key] = kept
    return kept[0]


def _generation(request) -> int:
    if request is None:
        return content_generation()
    if not hasattr(request, "_cms_generation"):
        request._cms_generation = content_generation()
    return request._cms_generation


def _shanghai_today() -> str:
    # Not cms.models.policies.shanghai_today: the middleware is imported before the models.
    return timezone.localdate(timezone=SHANGHAI).isoformat()


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
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def _bump_in(schema_name: str) -> None:

    with schema_context(schema_name):
        _bump()


def _canonical_query(request) -> str:
    """The query string with its parameters sorted: `?b=1&a=2` and `?a=2&b=1` are one page."""
    pairs = sorted((name, value) for name, values in request.GET.lists() for value in values)
    return urlencode(pairs)


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and schema_current() != "public"
        and not request.path.startswith(UNCACHED_PREFIXES)
        and len(request.get_full_path()) <= MAX_CACHED_PATH
        # An anonymous visitor (this runs outside the session middleware) with no flash message
        # waiting: a message is the visitor's own, and reading it changes the response.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _declared_query_params(response) -> frozenset[str]:
    """The query parameters the rendered Wagtail page says its content depends on."""
    page = (getattr(response, "context_data", None) or {}).get("page")
    if not isinstance(page, Page):
        return frozenset()
    return frozenset(getattr(page, "cache_query_params", ()))


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        # A page that used a CSRF token embeds the visitor's token, even when the visitor
        # already had the cookie (the flag stays in META once get_token has run).
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        and not response.cookies
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
        and set(request.GET) <= _declared_query_params(response)
    )


def _entry_timeout(generation: int) -> int | None:
    """Seconds to keep one more page of this park, or None once the park's cap is reached.

    Pages are counted per generation and per time window of PAGE_TIMEOUT_S; every page expires
    at the end of the window it was stored in, so no more than the cap are ever live at once.
    """
    now = time.time()
    window = int(now // PAGE_TIMEOUT_S)
    count_key = f"cms:page-count:{generation}:{window}"
    cache.add(count_key, 0, timeout=PAGE_TIMEOUT_S)
    try:
        stored = cache.incr(count_key)
    except ValueError:  # the window's counter expired in between: the next request starts one
        return None
    if stored > settings.PAGE_CACHE_MAX_ENTRIES:
        return None
    return max(1, int((window + 1) * PAGE_TIMEOUT_S - now))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        generation = content_generation()
        key = (
            f"cms:page:{generation}:{request.LANGUAGE_CODE}:"
            f"{request.path}?{_canonical_query(request)}"
        )
        cached = cache.get(key)
        if cached is not None:
            response = cached
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            timeout = _entry_timeout(generation)
            if timeout is None:
                return response
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
