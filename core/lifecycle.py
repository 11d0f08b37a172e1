"""The mechanics every lifecycle shares (appeals, cases): a transitions table and one move.

A workflow's own lifecycle module keeps its table (action → from-status → allowed
to-statuses), who may act and the timeline step it writes; the check-assign-save lives here, so
no status is ever saved without the table's consent.
"""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

Moves = Mapping[str, frozenset[str]]


def moves(*froms: str, to: str) -> dict[str, frozenset[str]]:
    """A table row: each of `froms` may move to `to`."""
    return {status: frozenset({to}) for status in froms}


def status_move(
    obj: models.Model,
    *,
    allowed: Moves,
    to: str,
    fields: Mapping[str, Any] | None,
    refusal: Callable[[], ValidationError],
    also_saved: Iterable[str] = (),
) -> str:
    """Move `obj` (already locked) to `to` if `allowed` lets its status go there, with `fields`
    (name → value) changing with it; save only those columns. Returns the status it left;
    raises `refusal()` and changes nothing if the move is not allowed."""
    before: str = obj.status  # type: ignore[attr-defined]
    if to not in allowed.get(before, ()):
        raise refusal()
    changes = {**(fields or {}), "status": to}
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save(update_fields=[*changes, *also_saved])
    return before
