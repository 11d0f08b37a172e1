"""Where appeal files live: outside MEDIA_ROOT, never under a public URL.

Names start with the schema they were uploaded in (`<schema>/appeals/<uuid>.<ext>`), so the hub
can open a park's file by the name the park sent it, and one park's files never mix with
another's. Downloads go through views that check permission first.

A file is written when its row is saved, before the transaction commits; a rolled-back
transaction would leave the file on disk with no row pointing at it. Services that save files
wrap their transaction in `private_files_removed_on_error()`.
"""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage

from .tasks import schema_current


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:  # type: ignore[override]
        return None

    def url(self, name: str | None) -> str:
        raise ValueError("private files have no URL; use the permission-checked download view")

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        name = super().save(name, content, max_length=max_length)
        written = _written.get()
        if written is not None:
            written.append(name)
        return name


# The names written inside the innermost `private_files_removed_on_error` block, if any.
_written: ContextVar[list[str] | None] = ContextVar("private_files_written", default=None)


@contextmanager
def private_files_removed_on_error() -> Iterator[None]:
    """Delete the private files written inside the block if it raises (Django has no
    on-rollback hook). Put it outside the `transaction.atomic()` it guards, so an error at commit
    is seen too. Nested blocks hand their files to the enclosing one: a file is kept only when
    the outermost block ends without an error."""
    outer = _written.get()
    written: list[str] = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        storage = private_storage()
        for name in written:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)
    if outer is not None:
        outer.extend(written)


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def private_upload_to(_instance: object, filename: str) -> str:
    return f"{schema_current()}/appeals/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"
