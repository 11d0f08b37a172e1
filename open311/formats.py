"""The two formats of GeoReport v2: JSON, and XML mapped from it (the Spark convention).

A response is built once as plain data (lists, dicts, strings, numbers, booleans, None) and
written in the format the path asks for. In XML a list is an element holding one child element
per item, named by `ITEM_TAGS` (`services` → `service`, `attributes` → `attribute`, ...), None is
an empty element, booleans are `true`/`false`, and text that XML cannot carry (control
characters) is left out.
"""

import datetime
import json
import re
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring  # nosec B405 - builds our own output, parses nothing

from django.http import HttpResponse
from django.utils import timezone

JSON = "json"
XML = "xml"
FORMATS = (JSON, XML)
CONTENT_TYPES = {JSON: "application/json; charset=utf-8", XML: "text/xml; charset=utf-8"}
MEDIA_TYPES = ("text/xml", "application/json")

# A list's element name → the name of each of its items.
ITEM_TAGS = {
    "services": "service",
    "attributes": "attribute",
    "values": "value",
    "service_requests": "request",
    "service_request_updates": "request_update",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
}
# What XML 1.0 cannot carry: control characters other than tab, newline and carriage return.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'


def w3c(moment: datetime.datetime | None) -> str | None:
    """A moment as the W3C note has it, with the park's offset: 2026-03-02T09:30:00+08:00."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def end_of_day(day: datetime.date | None) -> str | None:
    """The last second of a day in the park's time zone (a due date as a W3C moment)."""
    if day is None:
        return None
    moment = datetime.datetime.combine(
        day, datetime.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
    )
    return w3c(moment)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: Element, value: Any) -> None:
    if isinstance(value, dict):
        for name, child in value.items():
            _fill(SubElement(element, name), child)
    elif isinstance(value, list):
        item_tag = ITEM_TAGS[element.tag]
        for item in value:
            _fill(SubElement(element, item_tag), item)
    else:
        element.text = _text(value)


def xml_bytes(root: str, data: Any) -> bytes:
    element = Element(root)
    _fill(element, data)
    return _DECLARATION + tostring(element, encoding="unicode").encode()


def render(fmt: str, root: str, data: Any, *, status: int = 200) -> HttpResponse:
    """`data` as JSON, or as XML under the element `root`."""
    body = json.dumps(data, ensure_ascii=False).encode() if fmt == JSON else xml_bytes(root, data)
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])
    # Answers depend on the key presented and the caller's language: never stored by anyone.
    response["Cache-Control"] = "private, no-store"
    return response


def render_errors(fmt: str, status: int, *descriptions: str) -> HttpResponse:
    """The spec's error list: one {code, description} per error, code = the HTTP status."""
    errors = [{"code": status, "description": str(text)} for text in descriptions]
    return render(fmt, "errors", errors, status=status)
