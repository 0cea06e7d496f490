"""The Harmonized System (HS 2022, English descriptions) from ``shared/data/hs``.

Stored beside KBLI, JSIC and ISIC in ``Classification`` (scheme ``hs``) through the same
loader rules (taxonomy_store): the file is checked whole first and a problem rejects it,
naming the line; loading again changes nothing. Levels: ``chapter`` (2 digits), ``heading``
(4) and ``subheading`` (6, what products declare). The file's one ``TOTAL`` row (the root of
all codes) is not a code and is skipped.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from django.db import transaction

from jembatan.registry.domain.taxonomy import TaxonomyFileError, _decode, clean_text
from jembatan.registry.domain.taxonomy_store import LoadReport, _link_parents, _upsert

SCHEME: Final = "hs"
HEADER: Final = ("section", "hscode", "description", "parent", "level")
LEVELS: Final = {"2": "chapter", "4": "heading", "6": "subheading"}
ROOT: Final = "TOTAL"
_SECTION: Final = re.compile(r"^(?=[IVX])X{0,2}(IX|IV|V?I{0,3})$")


@dataclass(frozen=True, slots=True)
class HsRecord:
    code: str
    level: str
    section: str
    title_en: str
    parent_code: str | None
    line: int


def _record(line: int, fields: list[str]) -> HsRecord | None:
    section, code, description, parent, level = (f.strip() for f in fields)
    if code == ROOT:
        return None
    name = LEVELS.get(level)
    if name is None:
        raise ValueError(f"unknown level {level!r} (expected 2, 4 or 6)")
    if not (code.isascii() and code.isdigit() and len(code) == int(level)):
        raise ValueError(f"code {code!r} does not fit level {level!r}")
    # Chapter 99 ("not specified according to kind", UN Comtrade's) belongs to no section.
    if section != ROOT and not _SECTION.match(section):
        raise ValueError(f"section {section!r} is not a Roman numeral I-XXI")
    expected = ROOT if level == "2" else code[:-2]
    if parent != expected:
        raise ValueError(f"parent {parent!r} does not match code (expected {expected!r})")
    title = clean_text(description)
    if not title:
        raise ValueError("the description is missing")
    return HsRecord(code, name, section, title, None if level == "2" else expected, line)


def parse_hs(path: str | Path) -> list[HsRecord]:
    """Every code of the file, checked; raises TaxonomyFileError for the first problem."""
    path = Path(path)
    reader = csv.reader(io.StringIO(_decode(path), newline=""), strict=True)
    header = next(reader, None)
    if header is None:
        raise TaxonomyFileError(str(path), 1, "the file is empty")
    if tuple(h.strip() for h in header) != HEADER:
        raise TaxonomyFileError(
            str(path), 1, f"header is {','.join(header)!r}; expected {','.join(HEADER)!r}"
        )
    records: dict[str, HsRecord] = {}
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise TaxonomyFileError(str(path), start, f"bad CSV: {error}") from error
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(HEADER):
            raise TaxonomyFileError(
                str(path), start, f"expected {len(HEADER)} fields, found {len(fields)}"
            )
        try:
            record = _record(start, fields)
        except ValueError as error:
            raise TaxonomyFileError(str(path), start, str(error)) from error
        if record is None:
            continue
        if record.code in records:
            first = records[record.code].line
            raise TaxonomyFileError(
                str(path), start, f"duplicate code {record.code!r} (first on line {first})"
            )
        records[record.code] = record
    if not records:
        raise TaxonomyFileError(str(path), 2, "the file has no rows")
    for record in records.values():
        parent = records.get(record.parent_code) if record.parent_code else None
        if record.parent_code and parent is None:
            raise TaxonomyFileError(
                str(path), record.line, f"parent {record.parent_code!r} is not in the file"
            )
        if parent is not None and parent.section != record.section:
            raise TaxonomyFileError(
                str(path),
                record.line,
                f"section {record.section!r} differs from parent's {parent.section!r}",
            )
    return list(records.values())


def load_hs(path: str | Path) -> LoadReport:
    """Load the HS file; idempotent. Raises TaxonomyFileError on a bad file (nothing loaded)."""
    records = parse_hs(path)
    rows = {
        r.code: {
            "level": r.level,
            "scheme_level": "" if r.section == ROOT else f"section {r.section}",
            "title_id": "",
            "title_ja": "",
            "title_en": r.title_en,
            "description": "",
            "examples": "",
        }
        for r in records
    }
    with transaction.atomic():
        report = _upsert(SCHEME, rows)
        _link_parents(SCHEME, {r.code: r.parent_code for r in records})
    return report


def hs_file_in(folder: Path) -> Path | None:
    """The HS CSV in a folder (``harmonized_system*.csv``), when there is exactly one."""
    matches = sorted(folder.glob("harmonized_system*.csv"))
    return matches[0] if len(matches) == 1 else None
