"""The download of a private file (an appeal's or a case's), once the caller has checked who may
read it. Behind nginx (PRIVATE_ACCEL_REDIRECT set, deploy/nginx/parkportal.conf) the answer is
an X-Accel-Redirect and nginx sends the file from an internal location; otherwise Django does."""

from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def private_file_response(
    file: FieldFile, *, filename: str, content_type: str
) -> HttpResponse | FileResponse:
    if settings.PRIVATE_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        # Names are made by core.storage (`<schema>/<folder>/<uuid>.<ext>`), never by users.
        response["X-Accel-Redirect"] = quote(f"{settings.PRIVATE_ACCEL_REDIRECT}{file.name}")
        response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
        return response
    return FileResponse(
        file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
