"""The isolation matrix: every route of the park and hub URLconfs × every persona × GET/POST →
the status code each persona must get, kept in `isolation_matrix.csv` next to this file.

How it works (`tests/security/test_isolation_matrix.py` drives it):

- **Routes** come from walking `get_resolver(urlconf)` (`routes()`): Wagtail admin, the Wagtail
  API, Wagtail's page-serving catch-all, Django admin on the hub, i18n — everything. A route is
  keyed by its full pattern as Django's `ResolverMatch.route` spells it. The URLconfs are
  walked as the tests' settings build them (DEBUG off); a route a URLconf would add only with
  DEBUG on must be listed in `DEBUG_ONLY_ROUTES` (a test loads each URLconf with DEBUG on and
  compares), since the matrix cannot see it.
- **Paths**: each route's kwargs are filled from `FILL` — (route regex, kwarg) → a key of the
  "world" built in `conftest.py` (real objects owned by the personas: the enterprise's appeal, a
  case of the liaison's department, a page, an image…) or a `Fixed` value. A route with a kwarg
  no rule fills is an error, so a new route forces a decision. Every filled path is resolved
  back and must reach its own route.
- **Personas** (`PERSONAS`) present a session cookie made by `force_login` in their own schema;
  on a host of another schema it means nothing there (other park's staff, hub personas on a
  park, park personas on the hub).
- **Requests**: GET, and POST with an empty body and a valid CSRF token (the client enforces
  CSRF, so a 403 is a permission answer, not a missing token). Each request runs in a savepoint
  that is rolled back and starts with fresh cookies, so no request changes what a later one
  sees. No redirect is followed. Separately, a POST *without* a token must answer 403 for every
  persona on every route that is not CSRF-exempt; the exempt routes are `CSRF_EXEMPT_ROUTES`.
- **Cells**: the status code; a redirect to a login page is written `302:login` (or `301:login`
  …), any other redirect just `302` (Wagtail's admin refuses a logged-in editor by a plain
  `302` to the admin home).

Re-recording after routes change (runs the matrix test against the test database and writes
what the site answers instead of comparing; the test then reports itself as skipped)::

    ISOLATION_MATRIX_RECORD=1 make test-fast PYTEST_ARGS="tests/security/test_isolation_matrix.py"
    # the same: .venv/bin/python -m portal.embedded exec --profile test -- \
    #     .venv/bin/python -m tests.security.matrix --record

Recording is not passing: read `git diff tests/security/isolation_matrix.csv` cell by cell and
ask "should this persona get this?" before committing it. Where the answer is wrong, add a
`Verdict` (route, methods, personas, the right status, why): the recorder writes the verdict,
not the wrong answer, so the test keeps failing there until the site is fixed, and a later
re-recording keeps the review. The skip message lists every cell a verdict overrode.
"""

import csv
import logging
import os
import re
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

TABLE = Path(__file__).with_name("isolation_matrix.csv")
RECORD_ENV = "ISOLATION_MATRIX_RECORD"
METHODS = ("GET", "POST")


@dataclass(frozen=True)
class Site:
    urlconf: str
    host: str
    schema: str


SITES = {
    "park": Site("portal.urls_tenant", "alpha.localhost", "alpha"),
    "hub": Site("portal.urls_public", "localhost", "public"),
}


@dataclass(frozen=True)
class Persona:
    column: str
    username: str | None = None
    schema: str | None = None  # where the account lives and logs in


PERSONAS = (
    Persona("anonymous"),
    Persona("enterprise", "enterprise_user", "alpha"),
    Persona("other_enterprise", "other_enterprise_user", "alpha"),
    Persona("window", "window_staff", "alpha"),
    Persona("operator", "park_operator", "alpha"),
    Persona("manager", "content_manager", "alpha"),
    Persona("other_park_staff", "window_staff", "beta"),
    Persona("liaison", "liaison", "public"),
    Persona("other_liaison", "other_liaison", "public"),
    Persona("district_admin", "district_admin", "public"),
)
COLUMNS = ("urlconf", "route", "view", "method", *(p.column for p in PERSONAS))

_API_PARK = (
    "me/ park/ policies/ policies/<int:pk>/ services/ services/<int:pk>/ news/ news/<int:pk>/"
    " notifications/ notifications/read-all/ notifications/<int:pk>/read/ progress/"
    " appeal-categories/ appeals/ appeals/<str:tracking_number>/"
    " appeals/<str:tracking_number>/attachments/<str:pk>/ appeals/<str:tracking_number>/rate/"
    " appeals/<str:tracking_number>/resubmit/ appeals/<str:tracking_number>/reply/"
    " service-days/ service-days/<int:pk>/ service-days/<int:pk>/bookings/ bookings/"
    " bookings/<str:code>/ bookings/<str:code>/cancel/ bookings/<str:code>/ics schema/ docs/"
)
_API_HUB = (
    "me/ cases/ cases/<int:pk>/ cases/<int:pk>/files/<int:file_pk>/ cases/<int:pk>/sign/"
    " cases/<int:pk>/answer/ cases/<int:pk>/request-info/ cases/<int:pk>/transfer/"
    " cases/<int:pk>/return/ cases/<int:pk>/extension/ departments/ analytics/district/"
    " analytics/department/ analytics/cases/ schema/ docs/"
)
API_V1_ROUTES = {
    site: {f"api/v1/{tail}" for tail in tails.split()}
    for site, tails in (("park", _API_PARK), ("hub", _API_HUB))
}

# Views that skip Django's CSRF middleware. The Wagtail API is Django REST framework, read-only,
# and checks CSRF itself for session-authenticated requests.
CSRF_EXEMPT_ROUTES = {
    "park": {
        *(
            f"api/v2/{kind}/{tail}"
            for kind in ("pages", "images", "documents")
            for tail in ("", "<int:pk>/", "find/")
        ),
        *(
            f"admin/api/main/{kind}/{tail}"
            for kind in ("pages", "images", "documents")
            for tail in ("", "<int:pk>/", "find/")
        ),
        "admin/api/main/pages/<int:pk>/action/<str:action_name>/",
        # The JSON API (DRF checks CSRF itself for session callers; a token carries no cookie)
        # and Open311 (integrators authenticate with an api_key, never a session).
        *API_V1_ROUTES["park"],
        r"open311/v2/discovery\.(?P<fmt>json|xml)$",
        r"open311/v2/services\.(?P<fmt>json|xml)$",
        r"open311/v2/services/(?P<service_code>[^/]{1,40})\.(?P<fmt>json|xml)$",
        r"open311/v2/requests\.(?P<fmt>json|xml)$",
        r"open311/v2/requests/(?P<service_request_id>[^/]{1,40})\.(?P<fmt>json|xml)$",
        r"open311/v2/tokens/(?P<token>[^/]{1,64})\.(?P<fmt>json|xml)$",
        r"open311/v2/servicerequestupdates\.(?P<fmt>json|xml)$",
    },
    "hub": {*API_V1_ROUTES["hub"]},
}
# Routes the URLconf adds only with DEBUG on (not served by the tests' settings). None today:
# /media/ is always routed and its view answers 404 unless DEBUG is on.
DEBUG_ONLY_ROUTES: dict[str, set[str]] = {"park": set(), "hub": set()}


# --- routes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # the full pattern, as ResolverMatch.route spells it
    view: str  # namespaced URL name, for the reader of the table
    patterns: tuple  # the chain of URLPattern/URLResolver patterns below the root
    callback: object  # the view


def routes(urlconf: str | object) -> list[Route]:
    """Every route of `urlconf` (a module path or a module), in resolution order; a pattern
    shadowed by an earlier one with the same key is unreachable and left out."""
    from django.urls import URLResolver, get_resolver

    found: dict[str, Route] = {}
    for patterns, names, view_func in _walk(get_resolver(urlconf), (), ()):
        key = ""
        for pattern in patterns:
            key = URLResolver._join_route(key, str(pattern))
        view = ":".join(n for n in names if n)
        found.setdefault(key, Route(key, view, patterns, view_func))
    return list(found.values())


def _walk(resolver, patterns: tuple, names: tuple) -> Iterator[tuple[tuple, tuple, object]]:
    from django.urls import URLResolver

    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, (*patterns, entry.pattern), (*names, entry.namespace))
        else:
            yield (*patterns, entry.pattern), (*names, entry.name or ""), entry.callback


def csrf_exempt(route: Route) -> bool:
    return getattr(route.callback, "csrf_exempt", False)


# --- filling kwargs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Fixed:
    """A value that is not an object of the world: a language code, a model name, or an id
    that exists nowhere (the route is still probed, the answer is then usually 404 or login)."""

    value: str


UNKNOWN = Fixed("999999")
_SNIPPETS = ("serviceprovider", "industry", "qualification")

# (route regex, kwarg) → key of the world (conftest.matrix_world) or a Fixed value; first
# match wins. Keep the specific rules above the general ones.
FILL: dict[str, list[tuple[str, str, str | Fixed]]] = {
    "park": [
        (r"^(accounts/password/reset|admin/password_reset/confirm)/", "uidb64", "reset_uid"),
        (r"^(accounts/password/reset|admin/password_reset/confirm)/", "token", "reset_token"),
        (r"^accounts/tokens/", "pk", "api_token"),
        (r"^admin/open311/keys/", "pk", "open311_key"),
        (r"^api/v1/appeals/.+/attachments/", "pk", "attachment"),
        (r"^api/v1/appeals/", "tracking_number", "appeal"),
        (r"^api/v1/bookings/", "code", "booking"),
        (r"^api/v1/service-days/", "pk", "day"),
        (r"^api/v1/notifications/", "pk", "notification"),
        (r"^api/v1/news/", "pk", "page"),
        (r"^api/v1/services/", "pk", "private_page"),  # login-only: the API lists public pages
        (r"^api/v1/policies/", "pk", UNKNOWN),
        (r"^open311/", "fmt", Fixed("json")),
        (r"^open311/", "service_code", "service_code"),
        (r"^open311/", "service_request_id", "appeal"),
        (r"^open311/", "token", UNKNOWN),
        (r"^open311/", "path", Fixed("no-such-resource.json")),
        (r"^office/enterprises/", "pk", "pending_enterprise"),
        (r"^office/profiles/", "enterprise_id", "pending_enterprise"),
        (r"^office/outreach/", "policy_id", "outreach_policy"),
        (r"^office/outreach/", "enterprise_id", "outreach_enterprise"),
        (r"^office/outreach/", "fmt", Fixed("csv")),
        (r"^office/visits/items/", "pk", "visit_item"),
        (r"^office/visits/", "pk", "visit"),
        (r"^appeals/.+/files/", "pk", "attachment"),
        (r"^(office/)?appeals/", "tracking_number", "appeal"),
        (r"^track/", "secret", "track_secret"),
        (r"^service-days/waitlist/", "pk", "waitlist_entry"),
        (r"^(office/)?service-days/bookings/", "code", "booking"),
        (r"^(office/)?service-days/", "pk", "day"),
        (r"^notifications/", "pk", "notification"),
        (r"^lang/", "code", Fixed("en")),
        (r"^\^media/", "schema_name", Fixed("alpha")),
        (r"^\^media/", "path", "image_file"),
        (r"^api/v2/pages/", "pk", "private_page"),  # view restrictions must hold in the API
        (r"^admin/api/main/pages/", "pk", "page"),
        (r"^(admin/)?api/(v2|main)/images/", "pk", "image"),
        (r"^(admin/)?api/(v2|main)/documents/", "pk", "document"),
        (r"^admin/api/main/pages/", "action_name", Fixed("copy")),
        (r"^documents/authenticate_with_password/", "restriction_id", UNKNOWN),
        (r"^documents/", "_0", "document"),
        (r"^documents/", "_1", "document_filename"),
        (r"^_util/", "page_view_restriction_id", "restriction"),
        (r"^_util/", "page_id", "private_page"),
        (r"^\^\(", "_0", "private_page_path"),  # Wagtail's page-serving catch-all
        (r"^admin/pages/workflow/preview/", "task_id", "task"),
        (r"^admin/pages/(workflow/|<int:page_id>/workflow_history/)", "page_id", "moderated_page"),
        (r"^admin/pages/workflow/", "action_name", Fixed("approve")),
        (r"^admin/pages/workflow/", "task_state_id", "task_state"),
        (r"^admin/pages/", "workflow_state_id", "workflow_state"),
        (r"^admin/pages/", "revision_id_a", Fixed("earliest")),
        (r"^admin/pages/", "revision_id_b", Fixed("live")),
        (r"^admin/pages/", "pk", "page"),
        (r"^admin/pages/(add|usage)/", "content_type_app_name", Fixed("cms")),
        (r"^admin/pages/(add|usage)/", "content_type_model_name", Fixed("newspage")),
        (r"^admin/pages/create/", "app_label", Fixed("cms")),
        (r"^admin/pages/create/", "model_name", Fixed("newspage")),
        (r"^admin/bulk/", "app_label", Fixed("wagtailcore")),
        (r"^admin/bulk/", "model_name", Fixed("page")),
        (r"^admin/bulk/", "action", Fixed("delete")),
        (r"^admin/tag-autocomplete/", "app_name", Fixed("taggit")),
        (r"^admin/tag-autocomplete/", "model_name", Fixed("tag")),
        (r"^admin/(pages|choose-page)/", "parent_page_id", "news_index"),
        (r"^admin/", "page_id", "page"),
        (r"^admin/", "page_to_move_id", "page"),
        (r"^admin/", "destination_id", "home"),
        (r"^admin/", "revision_id", "revision"),
        (r"^admin/collections/", "pk", "collection"),
        (r"^admin/collections/", "collection_id", "collection"),
        (r"^admin/workflows/tasks/add/", "app_label", Fixed("wagtailcore")),
        (r"^admin/workflows/tasks/add/", "model_name", Fixed("groupapprovaltask")),
        (r"^admin/workflows/(tasks|task_chooser)/", "pk", "task"),
        (r"^admin/workflows/task_chooser/", "task_id", "task"),
        (r"^admin/workflows/remove/", "page_pk", "root_page"),
        (r"^admin/workflows/", "workflow_pk", "workflow"),
        (r"^admin/workflows/", "pk", "workflow"),
        (r"^admin/editing-sessions/", "app_label", Fixed("wagtailcore")),
        (r"^admin/editing-sessions/", "model_name", Fixed("page")),
        (r"^admin/editing-sessions/", "object_id", "page"),
        (r"^admin/editing-sessions/", "session_id", UNKNOWN),
        (r"^admin/redirects/", "redirect_id", "redirect"),
        (r"^admin/settings/", "app_name", Fixed("cms")),
        (r"^admin/settings/", "model_name", Fixed("parksettings")),
        (r"^admin/settings/", "pk", "site"),
        (r"^admin/(documents|images)/", "uploaded_file_id", UNKNOWN),
        (r"^admin/documents/", "document_id", "document"),
        (r"^admin/documents/", "doc_id", "document"),
        (r"^admin/documents/", "pk", "document"),
        (r"^admin/images/", "image_id", "image"),
        (r"^admin/images/", "pk", "image"),
        (r"^admin/images/", "filter_spec", Fixed("fill-80x80")),
        *((rf"^admin/snippets/(choose/)?cms/{name}/", "pk", name) for name in _SNIPPETS),
        (r"^admin/sites/", "pk", "site"),
        (r"^admin/users/", "pk", "window_user"),
        (r"^admin/groups/", "pk", "managers_group"),
    ],
    "hub": [
        (r"^district-policies/", "pk", "district_policy"),
        (r"^accounts/password/reset/", "uidb64", "reset_uid"),
        (r"^accounts/password/reset/", "token", "reset_token"),
        (r"^lang/", "code", Fixed("en")),
        (r"^accounts/tokens/", "pk", "api_token"),
        (r"^api/v1/cases/", "pk", "case"),
        (r"^api/v1/cases/", "file_pk", "case_file"),
        (r"^(arbitration/)?cases/", "pk", "case"),
        (r"^cases/", "file_pk", "case_file"),
        (r"^arbitration/extensions/", "pk", "extension"),
        (r"^notifications/", "pk", "notification"),
        (r"^service-days/", "pk", "hub_day"),
        (r"^service-days/", "booking_id", "hub_booking"),
        (r"^django-admin/tenants/park/", "object_id", "park"),
        (r"^django-admin/auth/group/", "object_id", "admins_group"),
        (r"^django-admin/accounts/user/", "object_id", "liaison_user"),
        (r"^django-admin/accounts/user/", "id", "liaison_user"),
        (r"^django-admin/onewindow/department/", "object_id", "department"),
        (r"^django-admin/onewindow/liaison/", "object_id", "liaison"),
        (r"^django-admin/onewindow/appealcategory/", "object_id", "category"),
        (r"^django-admin/r/", "content_type_id", "park_content_type"),
        (r"^django-admin/r/", "object_id", "park"),
        (r"^django-admin/", "object_id", UNKNOWN),  # models with no row on the hub
        (r"^django-admin/", "app_label", Fixed("onewindow")),
        (r"^django-admin/", "url", Fixed("no-such-page/")),
    ],
}
# Whole paths for routes whose pattern cannot be filled kwarg by kwarg.
PATH_OVERRIDES = {"park": {"admin/.*/$": "/admin/no-such-page/"}, "hub": {}}


def kwargs_for(urlconf: str, route: Route, world: Mapping[str, object]) -> dict[str, str]:
    """The route's kwargs filled from the world; KeyError names a kwarg no rule fills."""
    values = {}
    for name in _kwarg_names(route):
        rule = next(
            (
                v
                for regex, kwarg, v in FILL[urlconf]
                if kwarg == name and re.search(regex, route.key)
            ),
            None,
        )
        if rule is None:
            raise KeyError(f"{urlconf} {route.key}: no FILL rule for kwarg {name!r}")
        values[name] = rule.value if isinstance(rule, Fixed) else str(world[rule])
    return values


def _kwarg_names(route: Route) -> list[str]:
    from django.urls.resolvers import RoutePattern
    from django.utils.regex_helper import normalize

    names: list[str] = []
    for pattern in route.patterns:
        if isinstance(pattern, RoutePattern):
            names += list(pattern.converters)
        else:
            names += normalize(pattern.regex.pattern)[0][1]
    return names


def path_of(route: Route, kwargs: Mapping[str, str]) -> str:
    from django.urls.resolvers import RoutePattern
    from django.utils.regex_helper import normalize

    path = "/"
    for pattern in route.patterns:
        if isinstance(pattern, RoutePattern):
            text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: kwargs[m.group(1)], str(pattern))
        else:
            template, params = normalize(pattern.regex.pattern)[0]
            text = template % {name: kwargs[name] for name in params}
        path += text
    return path


@dataclass(frozen=True)
class Probe:
    route: Route
    path: str


def probes(urlconf: str, world: Mapping[str, object]) -> tuple[list[Probe], list[str]]:
    """A concrete path for every route, and the problems: kwargs nothing fills, paths that do
    not resolve back to their own route."""
    from django.urls import Resolver404, resolve

    site = SITES[urlconf]
    found, problems = [], []
    for route in routes(site.urlconf):
        try:
            path = PATH_OVERRIDES[urlconf].get(route.key) or path_of(
                route, kwargs_for(urlconf, route, world)
            )
        except KeyError as missing:
            problems.append(missing.args[0])
            continue
        try:
            reached = resolve(urlsplit(path).path, site.urlconf).route
        except Resolver404:
            reached = "nothing"
        if reached != route.key:
            problems.append(f"{urlconf} {route.key}: {path} reaches {reached}")
        found.append(Probe(route, path))
    return found, problems


# --- requests ------------------------------------------------------------------------------

CSRF_TOKEN = "isolationmatrix0isolationmatrix0"  # a 32-character CSRF secret


class Visitor:
    """Sends one persona's requests to one host, each with fresh cookies and rolled back."""

    def __init__(self, site: Site, sessions: Mapping[str, str | None]):
        from django.test import Client

        self.site = site
        self.sessions = sessions
        self.client = Client(
            HTTP_HOST=site.host, enforce_csrf_checks=True, raise_request_exception=False
        )

    def outcome(self, persona: str, method: str, path: str, *, csrf: bool = True) -> str:
        from django.conf import settings
        from django.core.cache import cache
        from django.db import connection, transaction

        cookies = SimpleCookie()
        if self.sessions[persona]:
            cookies[settings.SESSION_COOKIE_NAME] = self.sessions[persona]
        extra = {}
        if csrf:
            cookies[settings.CSRF_COOKIE_NAME] = CSRF_TOKEN
            extra[settings.CSRF_HEADER_NAME] = CSRF_TOKEN
        self.client.cookies = cookies
        cache.clear()  # throttles and the page cache start afresh for every request
        with transaction.atomic():
            send = self.client.get if method == "GET" else self.client.post
            response = send(path, **extra)
            transaction.set_rollback(True)
        connection.set_schema_to_public()
        _close(response)
        return cell(response)


def _close(response) -> None:
    """Close a response (a file download holds its file open) without the request_finished
    handler that would close the test's database connection, as the test client does too."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def cell(response) -> str:
    status = str(response.status_code)
    if 300 <= response.status_code < 400 and _is_login(response.get("Location", "")):
        status += ":login"
    return status


def _is_login(location: str) -> bool:
    return urlsplit(location).path.rstrip("/").endswith("/login")


@contextmanager
def quiet_refusals() -> Iterator[None]:
    """Thousands of 403/404/405 warnings (and CSRF refusals) are expected here: log errors only,
    which keeps the 500s' tracebacks."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security.csrf")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def observe(urlconf: str, found: list[Probe], sessions) -> dict[tuple[str, str], dict[str, str]]:
    """Every probed route × method × persona as the site answers now."""
    visitor = Visitor(SITES[urlconf], sessions)
    observed = {}
    with quiet_refusals():
        for probe in found:
            for method in METHODS:
                observed[(probe.route.key, method)] = {
                    p.column: visitor.outcome(p.column, method, probe.path) for p in PERSONAS
                }
    return observed


def posts_without_token_not_refused(urlconf: str, found: list[Probe], sessions) -> list[str]:
    """POSTs without a CSRF token that got anything but 403, on routes not CSRF-exempt."""
    visitor = Visitor(SITES[urlconf], sessions)
    with quiet_refusals():
        return [
            f"POST {probe.route.key} ({probe.path}) {persona.column}: {answer}"
            for probe in found
            if not csrf_exempt(probe.route)
            for persona in PERSONAS
            if (answer := visitor.outcome(persona.column, "POST", probe.path, csrf=False)) != "403"
        ]


# --- review verdicts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """A reviewed expectation that differs from what the site answered when it was recorded:
    the recorder writes `expected` into these cells, not the observed answer, so a re-recording
    keeps the review. Remove a verdict once the site answers as expected."""

    urlconf: str
    route: str  # regex over route keys
    methods: tuple[str, ...]
    personas: tuple[str, ...]
    expected: str
    why: str

    def covers(self, urlconf: str, key: str, method: str, persona: str) -> bool:
        return (
            urlconf == self.urlconf
            and method in self.methods
            and persona in self.personas
            and re.search(self.route, key) is not None
        )


_BOTH = ("GET", "POST")
_EDITORS = ("operator", "manager")
# A reviewer's "this answer is wrong" for cells the app answers otherwise today: the recorder
# writes the verdict's value, so the test fails until the app is fixed. None open now: the hub's
# admin 500s (park-only models registered there) and the editors' empty POSTs that were 500s
# (MultiValueDictKeyError → 400, portal.middleware.MalformedFormMiddleware) are fixed.
VERDICTS: tuple[Verdict, ...] = ()

# The only 500s the table may hold, each a Wagtail 8 view that fails on an empty POST from an
# editor (not reachable by anyone without admin access); test_no_other_server_errors pins them.
KNOWN_SERVER_ERRORS = (
    # Wagtail's own error-test page: raises on purpose.
    ("park", r"^admin/failwhale/$", _BOTH, _EDITORS),
    # ExternalLinkView.get_initial_data reads a GET parameter that an empty POST lacks.
    ("park", r"^admin/choose-external-link/$", ("POST",), _EDITORS),
    # CreateViewMixin.post: get_creation_form() is None without the chooser's form data.
    ("park", r"^admin/snippets/choose/cms/\w+/create/$", ("POST",), _EDITORS),
)


def reviewed(urlconf: str, key: str, method: str, persona: str, observed: str) -> str:
    verdict = next((v for v in VERDICTS if v.covers(urlconf, key, method, persona)), None)
    return verdict.expected if verdict else observed


# --- the table -----------------------------------------------------------------------------


def read_table(path: Path = TABLE) -> dict[str, dict[tuple[str, str], dict[str, str]]]:
    """{urlconf: {(route, method): {persona: cell}}}; views are for the reader only."""
    table: dict[str, dict[tuple[str, str], dict[str, str]]] = {name: {} for name in SITES}
    if not path.exists():
        return table
    with path.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            cells = {p.column: row[p.column] for p in PERSONAS}
            table.setdefault(row["urlconf"], {})[(row["route"], row["method"])] = cells
    return table


def write_table(urlconf: str, observed, found: list[Probe], path: Path = TABLE) -> list[str]:
    """Replace the rows of one urlconf by what was observed (or a verdict says), keeping the
    other's rows; returns the cells where a verdict overrode the observed answer."""
    overridden = []
    rows = []
    if path.exists():
        with path.open(newline="", encoding="utf-8") as file:
            rows = [row for row in csv.DictReader(file) if row["urlconf"] != urlconf]
    for probe in found:
        for method in METHODS:
            key = probe.route.key
            cells = {}
            for persona, got in observed[(key, method)].items():
                cells[persona] = reviewed(urlconf, key, method, persona, got)
                if cells[persona] != got:
                    overridden.append(
                        f"{method} {key} {persona}: observed {got}, wrote {cells[persona]}"
                    )
            rows.append(
                {
                    "urlconf": urlconf,
                    "route": probe.route.key,
                    "view": probe.route.view,
                    "method": method,
                    **cells,
                }
            )
    order = {name: index for index, name in enumerate(SITES)}
    rows.sort(key=lambda row: order[row["urlconf"]])  # stable: resolver order within each
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return overridden


def differences(observed, found: list[Probe], expected) -> list[str]:
    """Readable lines, one per cell that differs, plus rows missing or left over."""
    paths = {probe.route.key: probe.path for probe in found}
    lines = []
    for (key, method), cells in observed.items():
        wanted = expected.get((key, method))
        if wanted is None:
            lines.append(f"{method} {key}: no row in the table (add it: record, then review)")
            continue
        for persona, got in cells.items():
            if wanted[persona] != got:
                lines.append(
                    f"{method} {key} ({paths[key]}) {persona}: expected {wanted[persona]}, got {got}"
                )
    for key, method in expected.keys() - observed.keys():
        lines.append(f"{method} {key}: row in the table for a route that no longer exists")
    return lines


def recording() -> bool:
    return os.environ.get(RECORD_ENV, "") not in ("", "0")


def main(argv: list[str]) -> int:
    """`python -m tests.security.matrix --record`: run the matrix test in record mode."""
    import pytest

    if argv != ["--record"]:
        print(__doc__)
        return 2
    os.environ[RECORD_ENV] = "1"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    started = time.monotonic()
    code = pytest.main(
        ["--reuse-db", "-q", "-rs", str(Path(__file__).with_name("test_isolation_matrix.py"))]
    )
    print(f"recorded in {time.monotonic() - started:.0f} s; now review: git diff {TABLE}")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
