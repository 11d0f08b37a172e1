"""Reads from the read replica (DATABASE_REPLICA_URL), inside an explicit scope only.

Outside `replica_scope()` every query goes to the primary, so a page that writes and then reads
sees its own write. Inside it (the dashboards, their exports, the API's public lists: pages that
may be a moment behind) reads go to the "replica" alias, in the same park schema as the primary's
connection; writes, and reads inside a transaction opened in the scope, still go to the primary.

A replica that cannot be reached is remembered as down for RETRY_SECONDS in this process, so the
pages of that half-minute read from the primary without each paying the connect timeout.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from time import monotonic
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.models import Model

REPLICA = "replica"
RETRY_SECONDS = 30.0
# The answer's header naming where a scoped view read from, when REPLICA_READS_HEADER is on.
HEADER = "X-Read-From"
UNREACHABLE = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)

# Inside a scope reading from the replica: the primary's atomic depth when it opened (a
# transaction opened later reads its own writes on the primary); None elsewhere.
_opened_at: ContextVar[int | None] = ContextVar("replica_opened_at", default=None)
_down_until = 0.0


def configured() -> bool:
    return REPLICA in connections.settings


def is_down() -> bool:
    return monotonic() < _down_until


def mark_down(error: Exception) -> None:
    """Read from the primary for the next RETRY_SECONDS; warn once per outage."""
    global _down_until
    if not is_down():
        logger.warning(
            "Read replica unreachable, reading from the primary for %d s: %s",
            RETRY_SECONDS,
            error,
        )
    _down_until = monotonic() + RETRY_SECONDS
    connections[REPLICA].close()  # a broken kept connection is not tried again


def forget() -> None:
    """Forget an outage (tests)."""
    global _down_until
    _down_until = 0.0


def reachable() -> bool:
    """The replica answers (for /healthz); a failure counts as an outage."""
    if is_down():
        return False
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT 1")
    except UNREACHABLE as error:
        mark_down(error)
        return False
    return True


def _open() -> bool:
    """The replica connected, in the primary's schema; False (the primary reads) when it is not
    configured, remembered as down, or does not answer now."""
    if not configured() or is_down():
        return False
    # django-tenants' wrappers (the stubs know Django's): the schema is set per connection.
    primary: Any = connections[DEFAULT_DB_ALIAS]
    replica: Any = connections[REPLICA]
    if (replica.schema_name, replica.include_public_schema) != (
        primary.schema_name,
        primary.include_public_schema,
    ):
        replica.set_tenant(primary.tenant, primary.include_public_schema)
    try:
        # Connects (or checks a kept connection) and sets the search path, within the short
        # connect timeout of the replica's settings.
        with replica.cursor():
            pass
    except UNREACHABLE as error:
        mark_down(error)
        return False
    return True


@contextmanager
def replica_scope() -> Iterator[bool]:
    """Reads inside go to the replica when it is configured and answers; yields whether they do."""
    if _opened_at.get() is not None or not _open():
        yield _opened_at.get() is not None
        return
    token = _opened_at.set(len(connections[DEFAULT_DB_ALIAS].atomic_blocks))
    try:
        yield True
    finally:
        _opened_at.reset(token)


@contextmanager
def primary_reads() -> Iterator[None]:
    """Reads inside go to the primary, even within a replica scope: for what is kept for later
    (a shared cache entry must never be computed from a replica that lags behind)."""
    token = _opened_at.set(None)
    try:
        yield
    finally:
        _opened_at.reset(token)


def _replica_failed() -> bool:
    """The error came from the replica: Django flags the connection an error went through."""
    return configured() and connections[REPLICA].errors_occurred


def _replica_broken() -> bool:
    replica = connections[REPLICA]
    return replica.connection is None or not replica.is_usable()


def replica_reads(view: Callable[..., Any]) -> Callable[..., Any]:
    """A read-only view (function or method) reads from the replica. When the replica fails
    during the view (it went down, or cancelled a query in recovery), the view runs again on the
    primary; a replica gone down is remembered as down."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with replica_scope() as on_replica:
            try:
                return _marked(view(*args, **kwargs), on_replica)
            except UNREACHABLE as error:
                if not (on_replica and _replica_failed()):
                    raise
                if _replica_broken():
                    mark_down(error)
                else:
                    logger.warning(
                        "Read replica failed a read, read again on the primary: %s", error
                    )
        with primary_reads():
            return _marked(view(*args, **kwargs), False)

    return wrapped


def _marked(response: Any, on_replica: bool) -> Any:
    if settings.REPLICA_READS_HEADER:
        response[HEADER] = "replica" if on_replica else "primary"
    return response


class ReplicaRouter:
    """Reads in a replica scope go to the replica; everything else goes to the primary."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        opened_at = _opened_at.get()
        if opened_at is not None:
            if len(connections[DEFAULT_DB_ALIAS].atomic_blocks) > opened_at:
                return DEFAULT_DB_ALIAS  # a transaction of the scope reads its own writes
            return REPLICA
        instance = hints.get("instance")
        if instance is not None and instance._state.db == REPLICA:
            return DEFAULT_DB_ALIAS  # an object read in a scope, used after it
        return None

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None
