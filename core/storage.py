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
from django.db import connection


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("private files have no URL; use the permission-checked download view")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def private_upload_to(_instance, filename: str) -> str:
    return f"{connection.schema_name}/appeals/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"
