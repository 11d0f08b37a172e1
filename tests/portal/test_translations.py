"""The Simplified Chinese catalogue is complete and its compiled .mo is up to date."""

from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

LC = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "LC_MESSAGES"


def test_every_message_is_translated_and_none_is_fuzzy():
    with open(LC / "django.po", "rb") as po:
        catalog = read_po(po)
    missing = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert missing == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_po_file():
    with open(LC / "django.po", "rb") as po, open(LC / "django.mo", "rb") as mo:
        source, compiled = read_po(po), read_mo(mo)
    assert _messages(source) == _messages(compiled)


def _messages(catalog) -> dict:
    as_key = lambda value: tuple(value) if isinstance(value, list | tuple) else value  # noqa: E731
    # Keyed by context too: "Published" is a date label and, with a context, a status.
    return {(m.context, as_key(m.id)): as_key(m.string) for m in catalog if m.id}
