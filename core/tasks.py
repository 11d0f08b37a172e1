"""The task plumbing every app uses: one on-commit sender, one loop over the active parks.

The schema travels to the worker the way tenant-schemas-celery passes it (a `_schema_name`
header set from the connection when the task is sent), so tasks take ids, never a schema name.
"""

import contextlib
import importlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

from celery import Task
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, get_tenant_model, schema_context

logger = logging.getLogger(__name__)

_muted = 0


def schema_current() -> str:
    """The schema this connection is in (django-tenants' attribute, unknown to the stubs)."""
    return str(connection.schema_name)  # type: ignore[attr-defined]


@contextlib.contextmanager
def tasks_muted() -> Iterator[None]:
    """Send no task while inside (demo seeding and benchmarks deliver synchronously, so the
    sends would only queue no-op work). What a task would do must be done by the caller."""
    global _muted
    _muted += 1
    try:
        yield
    finally:
        _muted -= 1


def enqueue_on_commit(task: "Task | str", *args: Any, **kwargs: Any) -> None:
    """Send `task` (a task or its dotted name) once the current transaction commits, in the
    schema it is called in.

    The caller has already committed what the task is about (an outbox row, a notice), so a
    broker that is down only delays the work: it is logged, and the beat sweeps send it later.
    """
    schema_name = schema_current()
    transaction.on_commit(lambda: task_send(task, schema_name, *args, **kwargs))


def task_send(task: "Task | str", schema_name: str, *args: Any, **kwargs: Any) -> None:
    """Send now, in `schema_name` (the header the worker switches to); never raises."""
    if _muted:
        return
    if isinstance(task, str):
        # By name: a service cannot import its app's tasks module, which imports the services.
        module, _dot, attribute = task.rpartition(".")
        task = getattr(importlib.import_module(module), attribute)
    try:
        with schema_context(schema_name):
            task.delay(*args, **kwargs)
    except Exception:
        # Outbox work is re-sent by the beat sweeps; a notice keeps its in-app copy.
        logger.warning("broker unavailable; %s%r in %s not sent now", task.name, args, schema_name)


def active_park_schemas() -> list[str]:
    """The schema of every active park (the hub and the template schema are not parks)."""
    return list(
        get_tenant_model()
        .objects.exclude(schema_name=get_public_schema_name())
        .filter(is_active=True)
        .order_by("schema_name")
        .values_list("schema_name", flat=True)
    )


def for_each_active_park(work: Callable[[], object], what: str) -> None:
    """Run `work` in each active park's schema (beat tasks); one park's failure is logged and
    does not hold back the others."""
    for schema_name in active_park_schemas():
        try:
            with schema_context(schema_name):
                work()
        except Exception:
            logger.exception("%s failed in park %s", what, schema_name)
