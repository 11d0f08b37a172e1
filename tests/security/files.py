"""Hostile files for upload tests, made when a test asks for one (bombs are not built at import).

Each is small on the wire and lies about what it is: markup or a program under a document's
name, an Office file or zip that expands a thousandfold, a PNG whose header declares billions
of pixels.
"""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.appeals.files import EXE, PDF, PNG

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _zip(members: dict[str, bytes | int]) -> bytes:
    """A zip of the given members; an int member is that many zero bytes, streamed in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in members.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=True) as member:
                chunk = b"\x00" * (1024 * 1024)
                for _ in range(content // len(chunk)):
                    member.write(chunk)
    return buffer.getvalue()


_OOXML_PARTS = {"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>"}


def zip_bomb() -> bytes:
    """A plain zip (no Office parts) of 16 MB of zeros: about 16 KB."""
    return _zip({"zeros.bin": 16 * 1024 * 1024})


def docx_bomb() -> bytes:
    """A Word document whose main part is 16 MB of zeros."""
    return _zip({**_OOXML_PARTS, "word/document.xml": 16 * 1024 * 1024})


def xlsx_bomb() -> bytes:
    """A workbook with a 16 MB sheet of zeros."""
    return _zip(
        {**_OOXML_PARTS, "xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": 16 << 20}
    )


def docx_with(document: bytes) -> bytes:
    """A Word document whose main part is `document`."""
    return _zip({**_OOXML_PARTS, "word/document.xml": document})


def xlsx_swarm() -> bytes:
    """A workbook of 5000 tiny parts (a central directory to choke whoever lists it)."""
    parts: dict[str, bytes | int] = {**_OOXML_PARTS, "xl/workbook.xml": b"<workbook/>"}
    parts.update({f"xl/media/{n}.bin": b"x" for n in range(5000)})
    return _zip(parts)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 50000, height: int = 50000) -> bytes:
    """A valid PNG header declaring width × height pixels, with one tiny compressed row."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _chunk(b"IEND", b"")
    )


def png_image(width: int = 8, height: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0b5fa5").save(buffer, "PNG")
    return buffer.getvalue()


__all__ = ["ELF", "EXE", "HTML", "PDF", "PNG", "SVG", "upload"]
