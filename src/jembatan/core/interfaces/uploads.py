"""The checks every uploaded file passes before any parser sees it.

One module for the web forms, the API and the command line, so they cannot differ:

- `sniff` names a file's kind from its first bytes; `check_content_matches_name` refuses a
  file whose content is not what its extension says (a PNG renamed .xlsx).
- `check_xlsx_archive` reads only the zip's central directory (and the small
  [Content_Types].xml part) and refuses, before anything is unpacked: too many parts, too
  many unzipped bytes, a part that compresses like a zip bomb, macros (vbaProject.bin or a
  macro-enabled content type) and links to other workbooks (xl/externalLinks/); it then
  reads the first 64 KiB of each XML part and refuses a DTD or entity declaration (billion
  laughs, XXE), which no real workbook holds, before the reader parses anything.
- `check_no_nul_bytes` refuses a text file holding a NUL byte, naming its line, reading it
  in chunks so memory stays bounded whatever its size.
- `check_image` opens an image under Pillow's decompression-bomb limit
  (`Image.MAX_IMAGE_PIXELS`, set from JEMBATAN_UPLOAD_MAX_IMAGE_PIXELS by `apply_image_limit`)
  and turns Pillow's DecompressionBombError and DecompressionBombWarning into a refusal.

Each refusal is an `UploadRefusedError` whose message is translated and names the file part or
line; callers turn it into their own error type (a form's ValidationError, an import's
SourceError).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image

from jembatan.core.domain.images import ImageRefusedError, image_format

_READ_CHUNK = 1 << 20
# Real sheets compress 5-30 times; a part over 1 MiB that compressed more is a zip bomb.
BOMB_MIN_PART_BYTES = 1 << 20
CONTENT_TYPES_PART = "[Content_Types].xml"
# The content-types part of a real workbook is a few kilobytes.
MAX_CONTENT_TYPES_BYTES = 1 << 20
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin")
MACRO_CONTENT_TYPE = "macroenabled"
EXTERNAL_LINK_PREFIX = "xl/externallinks/"
# A DTD can only stand in the prolog, before the root element: the head of a part is enough.
XML_PROLOG_BYTES = 64 * 1024
XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")

MAGIC = {
    b"PK\x03\x04": "zip",
    b"PK\x05\x06": "zip",  # an empty archive
    b"\xd0\xcf\x11\xe0": "ole",  # legacy .xls and .doc
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"%PDF": "pdf",
}
KIND_NAMES = {
    "zip": "ZIP",
    "ole": "XLS/DOC",
    "png": "PNG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "webp": "WebP",
    "pdf": "PDF",
    "text": "text",
}


class UploadRefusedError(Exception):
    """A file refused before parsing; `message` is translated, `row` the line if known."""

    def __init__(self, message: str, row: int | None = None, code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.row = row
        self.code = code


def apply_image_limit() -> None:
    """Set Pillow's decompression-bomb limit from the settings (called when Django starts)."""
    Image.MAX_IMAGE_PIXELS = settings.JEMBATAN_UPLOAD_MAX_IMAGE_PIXELS


def sniff(head: bytes) -> str:
    """The kind of a file from its first bytes: a key of KIND_NAMES."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    return "text"


def check_content_matches_name(handle: IO[bytes], name: str) -> str:
    """The file's kind, or UploadRefusedError when a .xlsx is not a zip or a .csv/.txt is binary."""
    handle.seek(0)
    kind = sniff(handle.read(16))
    handle.seek(0)
    suffix = Path(name).suffix.lower()
    expected = {".xlsx": "zip", ".csv": "text", ".txt": "text"}.get(suffix)
    if expected is not None and kind != expected and not (expected == "text" and kind == "zip"):
        raise UploadRefusedError(
            _(
                "%(name)s: the file is named %(suffix)s but its content is %(kind)s. Save it "
                "again as XLSX or CSV UTF-8."
            )
            % {
                "name": name,
                "suffix": suffix,
                "kind": _("plain text") if kind == "text" else KIND_NAMES[kind],
            }
        )
    return kind


def check_no_nul_bytes(handle: IO[bytes]) -> None:
    """UploadRefusedError naming the line of the first NUL byte; read in chunks."""
    handle.seek(0)
    line = 1
    while chunk := handle.read(_READ_CHUNK):
        position = chunk.find(b"\x00")
        if position >= 0:
            line += chunk.count(b"\n", 0, position)
            handle.seek(0)
            raise UploadRefusedError(
                _(
                    "Line %(line)d holds a NUL byte (0x00): the file is binary or damaged, "
                    "not CSV text. Save it again as “CSV UTF-8”."
                )
                % {"line": line},
                row=line,
            )
        line += chunk.count(b"\n")
    handle.seek(0)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f}"


def check_xlsx_archive(source: Path | IO[bytes]) -> None:
    """UploadRefusedError unless the workbook's zip is safe to unpack and holds no active content.

    Checked from the zip's directory before anything is decompressed, except the
    [Content_Types].xml part, whose declared size is bounded first. zipfile never yields
    more bytes than a part declares (and fails on a mismatch), so the declared sizes bound
    the work."""
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
            _check_entries(entries)
            content_types = archive.read(CONTENT_TYPES_PART).decode("utf-8", "replace")
            declares = _declares_entities(archive, entries)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, NotImplementedError) as error:
        raise UploadRefusedError(
            _("The XLSX file cannot be read (%(reason)s).")
            % {"reason": str(error) or type(error).__name__}
        ) from error
    if MACRO_CONTENT_TYPE in content_types.lower():
        raise _macros_refused()
    if declares:
        raise UploadRefusedError(
            _("The XLSX file cannot be read (%(reason)s).")
            % {"reason": _("it declares XML entities or a DTD, which are refused for safety")}
        )


def _declares_entities(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> bool:
    """Whether an XML part's head declares a DTD or entities (NUL bytes dropped, so that a
    UTF-16 part is caught too). The reader would not expand them; they are refused anyway,
    with a message saying why, as openpyxl with defusedxml refused them."""
    for entry in entries:
        if not entry.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(entry) as part:
            head = part.read(XML_PROLOG_BYTES).replace(b"\x00", b"")
        if any(declaration in head for declaration in XML_DECLARATIONS):
            return True
    return False


def _macros_refused() -> UploadRefusedError:
    return UploadRefusedError(
        _(
            "The workbook contains macros (XLSM), which are refused for safety. Save it as "
            "“Excel Workbook (.xlsx)” or CSV UTF-8."
        )
    )


def _check_entries(entries: list[zipfile.ZipInfo]) -> None:
    max_entries = settings.JEMBATAN_UPLOAD_XLSX_MAX_ENTRIES
    if len(entries) > max_entries:
        raise UploadRefusedError(
            _("The XLSX file has %(count)d parts; a workbook has at most %(max)d.")
            % {"count": len(entries), "max": max_entries}
        )
    names = {entry.filename.lower(): entry for entry in entries}
    if CONTENT_TYPES_PART.lower() not in names:
        raise UploadRefusedError(
            _("The file is a ZIP archive but not an XLSX workbook (it has no %(part)s).")
            % {"part": CONTENT_TYPES_PART}
        )
    if names[CONTENT_TYPES_PART.lower()].file_size > MAX_CONTENT_TYPES_BYTES:
        raise _bomb(sum(entry.file_size for entry in entries))
    if any(name.rsplit("/", 1)[-1] in MACRO_PARTS for name in names):
        raise _macros_refused()
    if any(name.startswith(EXTERNAL_LINK_PREFIX) for name in names):
        raise UploadRefusedError(
            _(
                "The workbook links to other workbooks (external links), which are refused "
                "for safety. Paste the values in (Paste Special, Values) and save it again."
            )
        )
    total = sum(entry.file_size for entry in entries)
    ratio = settings.JEMBATAN_UPLOAD_XLSX_MAX_RATIO
    bomb = any(
        entry.file_size > BOMB_MIN_PART_BYTES
        and entry.file_size > ratio * max(entry.compress_size, 1)
        for entry in entries
    )
    shared = sum(e.file_size for e in entries if e.filename.endswith("sharedStrings.xml"))
    if bomb or total > settings.JEMBATAN_IMPORT_MAX_UNZIPPED_BYTES:
        raise _bomb(total)
    if shared > settings.JEMBATAN_UPLOAD_XLSX_MAX_SHARED_STRINGS_BYTES:
        raise _bomb(total)


def _bomb(total: int) -> UploadRefusedError:
    return UploadRefusedError(
        _(
            "The XLSX file unpacks to %(size)s MB, or compresses far more than a real "
            "workbook does; at most %(max)s MB are read. Save it as CSV UTF-8 or split it."
        )
        % {
            "size": _megabytes(total),
            "max": _megabytes(settings.JEMBATAN_IMPORT_MAX_UNZIPPED_BYTES),
        }
    )


def check_image(data: bytes, allowed: frozenset[str] | set[str]) -> str:
    """The image's format (e.g. "PNG"), once Pillow has verified it under the pixel limit.

    Only the header is read to learn the size, so a small file claiming 100,000 x 100,000
    pixels is refused without decoding."""
    try:
        kind = image_format(data)
    except ImageRefusedError as error:
        if error.code == "bomb":
            raise UploadRefusedError(
                _("The image has too many pixels to be processed safely (at most %(max)s million).")
                % {"max": f"{(Image.MAX_IMAGE_PIXELS or 0) / 1e6:,.0f}"},
                code="bomb",
            ) from error
        raise UploadRefusedError(
            _("The file is not an image or it is damaged."), code="not_image"
        ) from error
    if kind not in allowed:
        raise UploadRefusedError(
            _("Images in %(format)s format are not accepted (accepted: %(allowed)s).")
            % {"format": kind, "allowed": ", ".join(sorted(allowed))},
            code="format",
        )
    return kind
