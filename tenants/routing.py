"""In-process cache of host → park, so routing a request costs no query.

Each process keeps its own dict. A change to a Park or Domain clears it here at once and bumps a
generation counter in Redis that other processes read at most every
TENANT_ROUTING_RECHECK_SECONDS, so they drop their copy too.
"""

import contextlib
import threading
import time
import uuid
from typing import TypedDict

from django.conf import settings
from django_redis import get_redis_connection

GENERATION_KEY = "parkportal:tenant-routing:generation"

_lock = threading.Lock()
_hosts: dict[str, object] = {}


class _State(TypedDict):
    generation: bytes | None  # the value last read from Redis
    checked_at: float  # time.monotonic() of that read


_state: _State = {"generation": None, "checked_at": 0.0}


def _shared_generation() -> bytes | None:
    try:
        return get_redis_connection("default").get(GENERATION_KEY)
    except Exception:  # Redis down must not take routing down
        return _state["generation"]


def _refresh_if_stale() -> None:
    now = time.monotonic()
    if now - _state["checked_at"] < settings.TENANT_ROUTING_RECHECK_SECONDS:
        return
    generation = _shared_generation()
    with _lock:
        if generation != _state["generation"]:
            _hosts.clear()
            _state["generation"] = generation
        _state["checked_at"] = now


def lookup(hostname: str, load):
    """The park for hostname, from the cache or from `load(hostname)` (which may raise)."""
    _refresh_if_stale()
    park = _hosts.get(hostname)
    if park is None:
        park = load(hostname)
        with _lock:
            _hosts[hostname] = park
    return park


def invalidate() -> None:
    """Forget every cached host here and tell the other processes to do the same."""
    with _lock:
        _hosts.clear()
    # A fresh random value, not a counter: after a Redis flush a counter could come back to a
    # value an idle process still remembers. Other processes catch up when Redis is back.
    with contextlib.suppress(Exception):
        get_redis_connection("default").set(GENERATION_KEY, uuid.uuid4().hex)
    _state["checked_at"] = 0.0
