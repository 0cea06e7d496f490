"""Readers for the files officers import: CSV (UTF-8, Shift_JIS/CP932, Windows-1252) and XLSX.

Both give `rows()` as (row number, cells as strings), header first, re-readable for the
import's second pass, and raise `SourceError` for a file that cannot be read.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import charset_normalizer
from django.conf import settings
from django.utils.translation import gettext as _

from jembatan.core.interfaces import uploads
from jembatan.registry.domain.company_import import SourceError, TabularSource

# Tried in this order; the first that decodes the whole file cleanly wins, except that
# when both legacy code pages decode it, charset-normalizer picks the likelier one.
UTF8 = "utf-8-sig"
LEGACY_ENCODINGS = ("cp932", "cp1252")
_READ_CHUNK = 1 << 20
_SAMPLE_SIZE = 256 * 1024
# Decoding "succeeds" into these only when the guess is wrong: C0/C1 controls (other than
# tab and line ends) and, for CP932, the private-use area Python maps stray bytes to.
_UNCLEAN = {
    UTF8: re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"),
    "cp932": re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]"),
    "cp1252": re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"),
}
# A spreadsheet cell holds at most 32,767 characters (Excel's limit); a longer CSV field is
# a broken file (an unclosed quote swallowing the rest), not data.
MAX_CELL_CHARS = 32_767
MAX_COLUMNS = 200
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls


def _first_unclean_offset(handle: IO[bytes], encoding: str) -> int | None:
    """The byte offset where decoding `encoding` first fails, or None if the file is clean."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0  # of the first byte the decoder has not turned into text yet
    while True:
        chunk = handle.read(_READ_CHUNK)
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            return offset + error.start
        if (match := _UNCLEAN[encoding].search(text)) is not None:
            bom = len(codecs.BOM_UTF8) if offset == 0 and chunk.startswith(codecs.BOM_UTF8) else 0
            plain = "utf-8" if encoding == UTF8 else encoding
            return offset + bom + len(text[: match.start()].encode(plain))
        if not chunk:
            return None
        offset += len(pending) + len(chunk) - len(decoder.getstate()[0])


def _line_of(handle: IO[bytes], offset: int) -> int:
    handle.seek(0)
    return handle.read(offset).count(b"\n") + 1


def detect_encoding(handle: IO[bytes]) -> str:
    """The encoding of a CSV file, or SourceError naming where it is not decodable."""
    handle.seek(0)
    if handle.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise SourceError(
            _("The file is in UTF-16, which is not supported: save it as “CSV UTF-8”."), row=1
        )
    with _as_source_error():
        uploads.check_no_nul_bytes(handle)
    failures: dict[str, int] = {}
    utf8_failure = _first_unclean_offset(handle, UTF8)
    if utf8_failure is None:
        return UTF8
    _refuse_mixed_encodings(handle)
    failures[UTF8] = utf8_failure
    clean = []
    for encoding in LEGACY_ENCODINGS:
        failure = _first_unclean_offset(handle, encoding)
        if failure is None:
            clean.append(encoding)
        else:
            failures[encoding] = failure
    if len(clean) == 1:
        return clean[0]
    if clean:
        handle.seek(0)
        best = charset_normalizer.from_bytes(
            handle.read(_SAMPLE_SIZE), cp_isolation=list(clean)
        ).best()
        return best.encoding if best is not None and best.encoding in clean else clean[0]
    # The encoding that got furthest is most likely the intended one, with a bad byte.
    offset = max(failures.values())
    handle.seek(offset)
    byte = handle.read(1)
    raise SourceError(
        _(
            "Bad encoding: byte 0x%(byte)s at offset %(offset)d (line %(line)d) is not valid "
            "UTF-8, Shift_JIS (CP932) or Windows-1252. Save the file as “CSV UTF-8”."
        )
        % {"byte": byte.hex().upper(), "offset": offset, "line": _line_of(handle, offset)},
        row=_line_of(handle, offset),
    )


def _refuse_mixed_encodings(handle: IO[bytes]) -> None:
    """SourceError when some non-ASCII lines are valid UTF-8 and others are not.

    CP932 and Windows-1252 decode almost any bytes, so a file pasted together from a UTF-8
    and a Shift_JIS file would otherwise be read whole as one legacy code page (mojibake).
    The line named is the first of the minority kind: the one that differs from the rest."""
    handle.seek(0)
    first: dict[bool, int] = {}
    counts = {True: 0, False: 0}
    for number, line in enumerate(handle, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
        counts[utf8] += 1
        first.setdefault(utf8, number)
    if not (counts[True] and counts[False]):
        return
    odd_is_utf8 = counts[True] < counts[False]
    odd, usual = first[odd_is_utf8], first[not odd_is_utf8]
    if odd_is_utf8:
        message = _(
            "The file mixes encodings: line %(line)d is UTF-8 while other lines (from line "
            "%(other)d) are not. Save the whole file once as “CSV UTF-8”."
        )
    else:
        message = _(
            "The file mixes encodings: line %(line)d is not UTF-8 (perhaps Shift_JIS or "
            "Windows-1252) while other lines (from line %(other)d) are. Save the whole file "
            "once as “CSV UTF-8”."
        )
    raise SourceError(message % {"line": odd, "other": usual}, row=odd)


class CsvSource:
    """A CSV file; the delimiter (comma, semicolon or tab) is read from the header line."""

    def __init__(self, path: Path, name: str = "") -> None:
        self.path = path
        self.name = name or path.name
        self._encoding: str | None = None

    @property
    def encoding(self) -> str:
        if self._encoding is None:
            with self.path.open("rb") as handle:
                self._encoding = detect_encoding(handle)
        return self._encoding

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        encoding = self.encoding
        with self.path.open(encoding=encoding, newline="") as handle:
            first_line = handle.readline()
            handle.seek(0)
            delimiter = max(",;\t", key=first_line.count)
            reader = csv.reader(handle, delimiter=delimiter)
            number = 0
            try:
                for number, cells in enumerate(reader, start=1):
                    yield number, _checked_cells(number, cells)
            except csv.Error as error:
                raise SourceError(
                    _(
                        "Row %(row)d cannot be read as CSV (%(reason)s): a cell may have an "
                        "unclosed quote or be longer than %(max)d characters."
                    )
                    % {"row": number + 1, "reason": error, "max": MAX_CELL_CHARS},
                    row=number + 1,
                ) from error


def _checked_cells(row: int, cells: list[str]) -> list[str]:
    """The row's cells, or SourceError when the row is too wide or a cell too long."""
    if len(cells) > MAX_COLUMNS:
        raise SourceError(
            _("Row %(row)d has %(count)d columns; at most %(max)d are read.")
            % {"row": row, "count": len(cells), "max": MAX_COLUMNS},
            row=row,
        )
    for position, cell in enumerate(cells):
        if len(cell) > MAX_CELL_CHARS:
            raise SourceError(
                _("Row %(row)d, column %(column)d holds more than %(max)d characters.")
                % {"row": row, "column": position + 1, "max": MAX_CELL_CHARS},
                row=row,
            )
    return cells


def _cell_text(value: Any) -> str:
    if type(value) is str:  # most cells: checked first
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value)


class XlsxSource:
    """The first worksheet of an XLSX workbook, or the sheet named `sheet`.

    Read with python-calamine (a Rust reader, several times faster than openpyxl, which
    still writes the templates and reports). Cells come back as openpyxl gave them to the
    import: text as written (leading zeros kept), whole numbers without ".0", dates as
    YYYY-MM-DD, formulas as their cached values, empty cells as "". One difference: an
    error value such as #N/A is read as an empty cell."""

    def __init__(self, path: Path, name: str = "", sheet: str | None = None) -> None:
        self.path = path
        self.name = name or path.name
        self.sheet = sheet

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        import python_calamine

        check_xlsx_archive(self.path)
        try:
            workbook = python_calamine.CalamineWorkbook.from_path(str(self.path))
        except Exception as error:  # any parser failure: the file is refused
            raise _unreadable(error) from error
        try:
            worksheets = [
                sheet.name
                for sheet in workbook.sheets_metadata
                if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
            ]
            if self.sheet and self.sheet not in workbook.sheet_names:
                raise SourceError(
                    _('The workbook has no sheet "%(sheet)s" (its sheets: %(sheets)s).')
                    % {"sheet": self.sheet, "sheets": ", ".join(workbook.sheet_names)}
                )
            if not self.sheet and not worksheets:
                return
            try:
                worksheet = workbook.get_sheet_by_name(self.sheet or worksheets[0])
            except Exception as error:  # a broken or hostile sheet part
                raise _unreadable(error) from error
            # iter_rows starts at row 1 but at the first column holding a value.
            lead = [""] * worksheet.start[1] if worksheet.start else []
            for number, values in enumerate(worksheet.iter_rows(), start=1):
                if len(values) > MAX_COLUMNS:  # blank cells at the end do not count
                    width = len(values)
                    while width and values[width - 1] in (None, ""):
                        width -= 1
                    values = values[:width] if width <= MAX_COLUMNS else values
                cells = [_cell_text(value) for value in values]
                yield number, _checked_cells(number, lead + cells if lead else cells)
        finally:
            workbook.close()


def _unreadable(error: BaseException) -> SourceError:
    """The file-level message for a parser failure (calamine's text names no server path)."""
    return SourceError(
        _("The XLSX file cannot be read (%(reason)s).")
        % {"reason": str(error) or type(error).__name__}
    )


def check_xlsx_archive(path: Path) -> None:
    """SourceError unless the workbook's zip is safe to unpack and holds no macros or
    external links: the shared check of jembatan.core.interfaces.uploads."""
    with _as_source_error():
        uploads.check_xlsx_archive(path)


@contextmanager
def _as_source_error() -> Iterator[None]:
    try:
        yield
    except uploads.UploadRefusedError as refused:
        raise SourceError(refused.message, row=refused.row or 0) from refused


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f}"


def file_too_large_message(size: int) -> str:
    return _("The file is %(size)s MB; files of at most %(max)s MB are accepted.") % {
        "size": megabytes(size),
        "max": megabytes(settings.JEMBATAN_IMPORT_MAX_BYTES),
    }


def open_tabular(path: Path, *, name: str = "", sheet: str | None = None) -> TabularSource:
    """A reader for `path`, chosen by its first bytes rather than its name."""
    size = path.stat().st_size
    if size > settings.JEMBATAN_IMPORT_MAX_BYTES:
        return _RefusedSource(path, name, file_too_large_message(size))
    with path.open("rb") as handle:
        magic = handle.read(4)
        try:
            uploads.check_content_matches_name(handle, name or path.name)
        except uploads.UploadRefusedError as refused:
            return _RefusedSource(path, name, refused.message)
    if magic == ZIP_MAGIC:
        return XlsxSource(path, name, sheet)
    if magic == OLE_MAGIC:
        return _RefusedSource(
            path,
            name,
            _("Old .xls workbooks are not supported: save the file as XLSX or CSV UTF-8."),
        )
    return CsvSource(path, name)


class _RefusedSource(CsvSource):
    def __init__(self, path: Path, name: str, message: str) -> None:
        super().__init__(path, name)
        self.message = message

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        raise SourceError(self.message)
