"""Serving a stored private file after a view's permission check: one path for every download.

Every upload that is not public (agreement documents, profile attachments, message
attachments, MoU documents, participants' documents) is served through its own view, never
from ``MEDIA_URL``. A row whose file is missing on disk (a restore without media, a file
removed by hand) answers 404 like a missing row, never a server error. The response always
carries ``nosniff``, so a browser never runs a file as something other than what it says.
"""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def stored_file_response(
    stored: FieldFile | None, filename: str, content_type: str
) -> FileResponse:
    """An attachment response for ``stored``, downloaded as ``filename``; 404 when absent."""
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, IsADirectoryError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
