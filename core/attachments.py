"""Checks on what enterprises and staff upload: size, count, and the kind read from the content."""

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
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
