"""Files a user uploads here (signed MoUs, participants' documents), checked by content."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from jembatan.opportunities.domain.attachments import (
    HEAD_BYTES,
    attachment_problem,
    clean_file_name,
    sniff_content_type,
)

MAX_MOU_BYTES = 10 * 1024 * 1024


def head_of(upload: Any) -> bytes:
    upload.seek(0)
    head: bytes = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def pdf_problem(name: str, size: int, head: bytes) -> str | None:
    """Why a file is not an acceptable signed MoU (a PDF of at most 10 MB); None when it is."""
    if size > MAX_MOU_BYTES:
        return _("%(name)s is larger than %(limit)d MB.") % {
            "name": name,
            "limit": MAX_MOU_BYTES // (1024 * 1024),
        }
    if sniff_content_type(head) != "application/pdf" or not name.lower().endswith(".pdf"):
        return _("%(name)s is not a PDF file.") % {"name": name}
    return None


def upload_problem(upload: Any, *, pdf_only: bool) -> str | None:
    name = clean_file_name(upload.name or "")
    head = head_of(upload)
    if pdf_only:
        return pdf_problem(name, upload.size, head)
    return attachment_problem(name, upload.size, head)


__all__ = ["clean_file_name", "head_of", "pdf_problem", "sniff_content_type", "upload_problem"]
