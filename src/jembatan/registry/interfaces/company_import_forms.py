"""The upload form of the company import pages, and where uploads wait for confirmation."""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.move import file_move_safe
from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _

from jembatan.registry.interfaces.tabular_files import file_too_large_message

ACCEPTED_SUFFIXES = (".csv", ".txt", ".xlsx")
SESSION_KEY = "registry.company_imports"
STALE_AFTER_S = 24 * 3600


class CompanyImportUploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))
    sheet = forms.CharField(
        label=_("Sheet (XLSX only; the first sheet when empty)"), required=False, max_length=100
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(ACCEPTED_SUFFIXES):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        if (upload.size or 0) > settings.JEMBATAN_IMPORT_MAX_BYTES:
            raise forms.ValidationError(file_too_large_message(upload.size or 0))
        return upload


def declared_too_large(content_length: str | None) -> bool:
    """Whether a request says, before its body is read, that it is larger than an import
    may be (the file plus a little room for the other fields and the multipart framing)."""
    try:
        length = int(content_length or 0)
    except ValueError:
        return False
    return length > settings.JEMBATAN_IMPORT_MAX_BYTES + 64 * 1024


def imports_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def store_upload(session: Any, upload: UploadedFile, sheet: str) -> str:
    """Keep `upload` under MEDIA_ROOT/imports/ under a random token recorded in `session`.

    Never read whole into memory: an upload over FILE_UPLOAD_MAX_MEMORY_SIZE has already
    been streamed to a temporary file by Django, and is moved (a rename, or a copy in
    chunks across file systems); a small one is written out a chunk at a time."""
    directory = imports_dir()
    directory.mkdir(parents=True, exist_ok=True)
    _remove_stale(directory)
    token = secrets.token_urlsafe(18)
    suffix = Path(upload.name or "").suffix.lower()
    target = directory / f"{token}{suffix}"
    if isinstance(upload, TemporaryUploadedFile):
        file_move_safe(upload.temporary_file_path(), str(target), allow_overwrite=False)
        target.chmod(0o600)
    else:
        with target.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
    pending = dict(session.get(SESSION_KEY, {}))
    pending[token] = {"name": upload.name, "file": f"{token}{suffix}", "sheet": sheet}
    session[SESSION_KEY] = pending
    return token


def pending_upload(session: Any, token: str) -> tuple[Path, dict[str, str]] | None:
    """The stored file and its details, only if `token` belongs to this session."""
    details = session.get(SESSION_KEY, {}).get(token)
    if details is None:
        return None
    path = imports_dir() / details["file"]
    return (path, details) if path.is_file() else None


def discard_upload(session: Any, token: str) -> None:
    pending = dict(session.get(SESSION_KEY, {}))
    details = pending.pop(token, None)
    session[SESSION_KEY] = pending
    if details is not None:
        (imports_dir() / details["file"]).unlink(missing_ok=True)


def _remove_stale(directory: Path) -> None:
    """Uploads never confirmed are removed a day later."""
    limit = time.time() - STALE_AFTER_S
    for path in directory.iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def remember_rows(session: Any, token: str, rows: int) -> None:
    """The preview's row count, shown as the total while the confirmed import runs."""
    pending = dict(session.get(SESSION_KEY, {}))
    if token in pending:
        pending[token] = {**pending[token], "rows": rows}
        session[SESSION_KEY] = pending


def hand_over_upload(session: Any, token: str) -> dict[str, Any]:
    """Forget `token` in the session but keep its file: an import job now owns it."""
    pending = dict(session.get(SESSION_KEY, {}))
    details: dict[str, Any] = pending.pop(token)
    session[SESSION_KEY] = pending
    return details
