"""Where appeal files live: outside MEDIA_ROOT, never under a public URL.

Names start with the schema they were uploaded in (`<schema>/appeals/<uuid>.<ext>`), so the hub
can open a park's file by the name the park sent it, and one park's files never mix with
another's. Downloads go through views that check permission first.
"""

import os
import uuid
from pathlib import PurePath

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


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def private_upload_to(_instance: object, filename: str) -> str:
    return f"{schema_current()}/appeals/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"
