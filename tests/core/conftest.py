"""A read replica for the tests here: the "replica" alias as DATABASE_REPLICA_URL configures it.

The alias is registered for the module, pointing at the test database as a test mirror, before
pytest-django sets each test up: a test marked `django_db(databases=["default", "replica"])` may
then use it (Django refuses connections to an alias a test did not declare). For the test, the
thread's replica connection is swapped for one pointing where the test needs it, and Django's own
is put back after (its test transaction is rolled back as usual)."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import load_backend

from core import replica
from portal.settings.services import databases
from tests.processes import test_database_url

CLOSED_PORT_URL = "postgres://postgres@127.0.0.1:1/parkportal"


def replica_settings(url: str) -> dict:
    """The alias portal/settings/services.py builds from DATABASE_REPLICA_URL=url."""
    built = databases(test_database_url(), url)[replica.REPLICA]
    current = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    return connections.configure_settings({DEFAULT_DB_ALIAS: current, replica.REPLICA: built})[
        replica.REPLICA
    ]


@pytest.fixture(scope="module", autouse=True)
def _replica_registered(django_db_setup) -> Iterator[None]:
    connections.settings[replica.REPLICA] = replica_settings(test_database_url())
    yield
    connections[replica.REPLICA].close()
    del connections[replica.REPLICA]
    del connections.settings[replica.REPLICA]


@contextmanager
def replica_connection(url: str) -> Iterator[BaseDatabaseWrapper]:
    """The thread's replica connection, for the test, is one to `url`."""
    settings_dict = replica_settings(url)
    original = connections[replica.REPLICA]
    swapped = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, replica.REPLICA)
    connections[replica.REPLICA] = swapped
    replica.forget()
    try:
        yield swapped
    finally:
        connections[replica.REPLICA] = original
        replica.forget()


@pytest.fixture
def mirror(db) -> Iterator[BaseDatabaseWrapper]:
    """The replica as the suite configures it, a test mirror of the primary, sharing the test's
    database session: a second session could not see the rows of the test's rolled-back
    transaction. Its queries are still its own (CaptureQueriesContext on the alias), and it keeps
    its own schema: it sets the search path itself, as a real replica must."""
    primary = connections[DEFAULT_DB_ALIAS]
    with replica_connection(test_database_url()) as alias:
        primary.ensure_connection()
        alias.connection = primary.connection
        yield alias
        alias.connection = None  # the session is the primary's: not closed here
    primary.search_path_set_schemas = None


@pytest.fixture
def dead_replica(db) -> Iterator[BaseDatabaseWrapper]:
    """DATABASE_REPLICA_URL pointing at a port nobody listens on."""
    with replica_connection(CLOSED_PORT_URL) as alias:
        yield alias
        alias.close()
