"""Shared fixtures: two parks (alpha, beta), the hub, and persona accounts in each.

Parks and personas are created once per session and committed; each test runs in a transaction
that is rolled back, so tests may change anything they like.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from accounts.models import User
from tenants import routing
from tenants.models import Park

from .personas import PASSWORD, seed_personas, seed_test_parks

pytest_plugins = ["tests.processes"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed_test_parks()
        # Kept from an earlier run with --reuse-db (`make test-fast`): seeded once.
        if not User.objects.filter(username="liaison").exists():
            seed_personas()
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions() -> None:
    """Sessions left by other contexts (Playwright's greenlet keeps its own connection) would
    stop pytest-django from dropping the test database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _fresh_routing_and_cache():
    connection.set_schema_to_public()
    routing.invalidate()
    cache.clear()
    yield
    routing.invalidate()


@pytest.fixture
def park_a(db) -> Park:
    return Park.objects.get(slug="alpha")


@pytest.fixture
def park_b(db) -> Park:
    return Park.objects.get(slug="beta")


def host_client(host: str) -> Client:
    return Client(HTTP_HOST=host)


@pytest.fixture
def hub_client(db) -> Client:
    return host_client("localhost")


@pytest.fixture
def park_a_client(db) -> Client:
    return host_client("alpha.localhost")


@pytest.fixture
def park_b_client(db) -> Client:
    return host_client("beta.localhost")


def log_in(client: Client, username: str, password: str = PASSWORD):
    """Log in through the real login form, as a person would."""
    return client.post("/accounts/login/", {"username": username, "password": password})


@pytest.fixture
def in_park_a(park_a):
    with schema_context(park_a.schema_name):
        yield park_a
