"""Every route × every persona × GET/POST answers what `isolation_matrix.csv` says; a route
without a row fails, and so does a row without a route. How the matrix is built and recorded:
`tests/security/matrix.py`."""

import importlib.util
import re

import pytest
from django.conf import settings
from django.test import override_settings

from . import matrix

URLCONFS = list(matrix.SITES)


@pytest.mark.parametrize("urlconf", URLCONFS)
def test_the_table_has_a_row_for_every_route_and_method_and_no_other(urlconf):
    if matrix.recording():
        pytest.skip("recording")
    routes = {route.key for route in matrix.routes(matrix.SITES[urlconf].urlconf)}
    rows = matrix.read_table()[urlconf].keys()
    wanted = {(key, method) for key in routes for method in matrix.METHODS}
    missing = sorted(f"{method} {key}" for key, method in wanted - rows)
    stale = sorted(f"{method} {key}" for key, method in rows - wanted)
    assert not missing, f"routes with no row in {matrix.TABLE.name}:\n" + "\n".join(missing)
    assert not stale, "rows for routes that no longer exist:\n" + "\n".join(stale)


@pytest.mark.parametrize("urlconf", URLCONFS)
def test_each_persona_gets_what_the_table_says(urlconf, matrix_world, matrix_sessions):
    """And a POST without a CSRF token is refused (403) for every persona on every route but
    the CSRF-exempt API: an invariant, not a table entry."""
    found, problems = matrix.probes(urlconf, matrix_world[urlconf])
    assert not problems, "routes the matrix cannot probe:\n" + "\n".join(problems)
    observed = matrix.observe(urlconf, found, matrix_sessions)
    accepted = matrix.posts_without_token_not_refused(urlconf, found, matrix_sessions)
    overridden = []
    if matrix.recording():
        overridden = matrix.write_table(urlconf, observed, found)
    else:
        lines = matrix.differences(observed, found, matrix.read_table()[urlconf])
        assert not lines, f"{len(lines)} cells differ from {matrix.TABLE.name}:\n" + "\n".join(
            lines
        )
    assert not accepted, "answered a POST without a CSRF token:\n" + "\n".join(accepted)
    if matrix.recording():
        pytest.skip(
            f"recorded {len(observed)} {urlconf} rows: review the diff, cell by cell; "
            f"{len(overridden)} cells written from VERDICTS, not as observed:\n"
            + "\n".join(overridden)
        )


@pytest.mark.parametrize("urlconf", URLCONFS)
def test_only_the_read_only_api_skips_the_csrf_middleware(urlconf):
    routes = matrix.routes(matrix.SITES[urlconf].urlconf)
    exempt = {route.key for route in routes if matrix.csrf_exempt(route)}
    assert exempt == matrix.CSRF_EXEMPT_ROUTES[urlconf]


@pytest.mark.parametrize("urlconf", URLCONFS)
def test_routes_served_only_with_debug_on_are_the_documented_ones(urlconf):
    """The matrix runs with DEBUG off; a route added only with DEBUG on must be known here."""
    module = settings.ROOT_URLCONF if urlconf == "park" else settings.PUBLIC_SCHEMA_URLCONF
    spec = importlib.util.find_spec(module)
    with override_settings(DEBUG=True):
        debug_urls = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(debug_urls)
    keys = {route.key for route in matrix.routes(debug_urls)}
    served = {route.key for route in matrix.routes(module)}
    assert keys - served == matrix.DEBUG_ONLY_ROUTES[urlconf]


def test_every_verdict_still_covers_a_route():
    keys = {
        (urlconf, route.key)
        for urlconf, site in matrix.SITES.items()
        for route in matrix.routes(site.urlconf)
    }
    stale = [
        verdict.route
        for verdict in matrix.VERDICTS
        if not any(u == verdict.urlconf and re.search(verdict.route, key) for u, key in keys)
    ]
    assert not stale, "verdicts that match no route any more: " + ", ".join(stale)


def test_no_other_server_errors():
    """A 500 in the table is a known Wagtail defect, listed with its reason, or a bug."""
    unexplained = [
        f"{urlconf} {method} {route} {persona}"
        for urlconf, rows in matrix.read_table().items()
        for (route, method), cells in rows.items()
        for persona, cell in cells.items()
        if cell == "500"
        and not any(
            site == urlconf and method in methods and persona in personas and re.search(rx, route)
            for site, rx, methods, personas in matrix.KNOWN_SERVER_ERRORS
        )
    ]
    assert unexplained == []
