"""Which files may be attached to a profile: PDF and common images, checked by content."""

from __future__ import annotations

from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
# Enough of the file's start for every signature below.
HEAD_BYTES = 16

EXTENSIONS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
}


def sniff_content_type(head: bytes) -> str | None:
    """The type a file really has, from its first bytes ('magic numbers'); None if not allowed."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def clean_file_name(name: str) -> str:
    """The last part of a file name as a browser sent it (some send a whole Windows path)."""
    return PurePath(name.replace("\\", "/")).name or "file"


def attachment_problem(name: str, size: int, head: bytes) -> str | None:
    """Why a file cannot be attached, in the user's language; None when it can."""
    if size > MAX_ATTACHMENT_BYTES:
        return _("%(name)s is larger than %(limit)d MB.") % {
            "name": name,
            "limit": MAX_ATTACHMENT_BYTES // (1024 * 1024),
        }
    content_type = sniff_content_type(head)
    if content_type is None:
        return _("%(name)s is not a PDF, JPEG, PNG or WebP file.") % {"name": name}
    if PurePath(name).suffix.lower() not in EXTENSIONS_BY_TYPE[content_type]:
        return _(
            "%(name)s contains a %(kind)s file but its name ends differently; rename it "
            "with %(extensions)s."
        ) % {
            "name": name,
            "kind": content_type.split("/")[1].upper(),
            "extensions": " or ".join(EXTENSIONS_BY_TYPE[content_type]),
        }
    return None


def count_problem(existing: int, new: int) -> str | None:
    if existing + new > MAX_ATTACHMENTS:
        return _("A profile can have at most %(limit)d attachments; it would have %(count)d.") % {
            "limit": MAX_ATTACHMENTS,
            "count": existing + new,
        }
    return None
