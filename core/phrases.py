"""Text written once and read later in the reader's language (timeline steps).

A step is stored as its English message id plus parameters and translated when shown, so an
enterprise reading in English and a window clerk reading in Chinese both see their own language,
whoever wrote the step and in whatever language the worker ran.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext


def phrase_render(
    msgid: str,
    params: dict[str, Any] | None,
    translate_values: dict[str, Callable[[Any], Any]] | None = None,
) -> str:
    """The message in the active language. `translate_values` maps a parameter name to a
    function giving its display text (e.g. a satisfaction level's label)."""
    text = gettext(msgid)
    if not params:
        return text
    values = dict(params)
    for name, display in (translate_values or {}).items():
        if name in values:
            values[name] = display(values[name])
    try:
        return text % values
    except (KeyError, TypeError, ValueError):
        return text
