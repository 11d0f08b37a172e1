"""Checks on what enterprises and staff upload: size, count, and the kind read from the content."""

import os
import warnings
import zipfile
from typing import Any

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# An Office file is a zip: what it expands to is read from its central directory (nothing is
# extracted). Real documents and workbooks stay far below these; a zip bomb does not.
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
MAX_EXPANSION_RATIO = 100
_RATIO_FROM_BYTES = 1024 * 1024  # a tiny file may compress well: the ratio counts from here
MAX_ZIP_MEMBERS = 1000
# Pixels a photo may declare in its header (a phone's largest mode is ~108 MP); a few bytes can
# declare billions, which freeze the viewer of whoever opens the file.
MAX_IMAGE_PIXELS = 120 * 1000 * 1000
# The longest file name ending (bytes) a large upload's temporary file is named with.
MAX_TEMPORARY_ENDING_BYTES = 32
# Detected kind → (content type, accepted file name endings).
ALLOWED_KINDS = {
    "pdf": ("application/pdf", {".pdf"}),
    "jpg": ("image/jpeg", {".jpg", ".jpeg"}),
    "png": ("image/png", {".png"}),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        {".docx"},
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {".xlsx"}),
}
# The part of an Office file that tells a Word document from a workbook.
_OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def attachment_kind(upload: UploadedFile) -> str:
    """The file's kind read from its content, or a ValidationError in the user's language.

    The name's ending must agree with the content: a program renamed to .pdf is refused.
    """
    name, size = upload.name or "", upload.size or 0
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; each file may be at most 10 MB.")
            % {"name": name, "size": filesizeformat(size)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    kind = _sniff(upload)
    ending = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind not in ALLOWED_KINDS or ending not in ALLOWED_KINDS[kind][1]:
        raise ValidationError(
            _("“%(name)s” is not a PDF, JPEG, PNG, DOCX or XLSX file (checked from its content).")
            % {"name": name},
            code="file_type",
        )
    if kind in _OOXML_MAIN_PART:
        _expansion_check(upload, name)
    elif kind in ("jpg", "png") and _pixels(upload) > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("“%(name)s” declares more pixels than any photo has; please send a smaller image.")
            % {"name": name},
            code="too_many_pixels",
        )
    return kind


def _sniff(upload: UploadedFile) -> str:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    kind = guess.extension if guess else ""
    if kind in ("zip", "docx", "xlsx"):
        kind = _ooxml_kind(upload)
    upload.seek(0)
    return kind


def _ooxml_kind(upload: UploadedFile) -> str:
    """An Office file is a zip: trust the parts inside it, not the first bytes alone."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ""
    if "[Content_Types].xml" not in names:
        return ""
    for kind, part in _OOXML_MAIN_PART.items():
        if part in names:
            return kind
    return ""


def _expansion_check(upload: UploadedFile, name: str) -> None:
    """Refuse an Office file that would expand far beyond its size (a zip bomb)."""
    with zipfile.ZipFile(upload) as archive:
        members = archive.infolist()
    upload.seek(0)
    expanded = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    dense = expanded > _RATIO_FROM_BYTES and expanded > MAX_EXPANSION_RATIO * packed
    if len(members) > MAX_ZIP_MEMBERS or expanded > MAX_EXPANDED_BYTES or dense:
        raise ValidationError(
            _("“%(name)s” expands to far more than a real document; it was not accepted.")
            % {"name": name},
            code="zip_bomb",
        )


def _pixels(upload: UploadedFile) -> int:
    """The pixels a JPEG or PNG declares in its header (nothing is decoded); 0 if unreadable."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return MAX_IMAGE_PIXELS + 1
    except (OSError, SyntaxError, ValueError):
        return 0
    finally:
        upload.seek(0)
    return width * height


def attachments_count_check(*, existing: int = 0, added: int) -> None:
    if existing + added > MAX_ATTACHMENTS:
        raise ValidationError(
            _("At most %(count)d files may be attached.") % {"count": MAX_ATTACHMENTS},
            code="too_many",
        )


def attachments_validate(uploads: list[UploadedFile]) -> list[str]:
    attachments_count_check(added=len(uploads))
    return [attachment_kind(upload) for upload in uploads]


def content_type_for(kind: str) -> str:
    return ALLOWED_KINDS[kind][0]


class ShortEndingTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for uploads over 2.5 MB, with the name's ending cut short.

    Django names the temporary file `tmp….upload<ending>`: an ending of hundreds of bytes is
    refused by the file system (a 500 before any check). Cut, the ending still tells the checks
    above that the file is not what it should be.
    """

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        stem, ending = os.path.splitext(file_name)
        cut = ending.encode()[:MAX_TEMPORARY_ENDING_BYTES].decode(errors="ignore")
        super().new_file(field_name, stem + cut, *args, **kwargs)
