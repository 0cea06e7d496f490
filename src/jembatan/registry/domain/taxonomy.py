"""Industry classifications (KBLI 2020, JSIC Rev.14, ISIC Rev.4) from their CSV files.

:func:`parse_taxonomy` reads one of the reference files described in
``shared/data/README.md`` into uniform :class:`ClassificationRecord` objects.
It is strict: a wrong header, a missing or duplicate code, a code that does
not fit its level, or a parent that is not in the file rejects the whole file
with a :class:`TaxonomyFileError` naming the line and the reason. An
importer can then show that message and load nothing.

Levels are normalised to ISIC's names: section (letter), division (2
digits), group (3), class (4) and, for KBLI only, subclass (5); the scheme's
own level name is kept in ``scheme_level``.

KBLI's file has no section rows: a KBLI division's ``parent_code`` is its
section letter, checked to be one of KBLI's 21 sections (A-U). Three KBLI
classes are missing from the source dataset; see
:data:`KBLI_CLASSES_MISSING_FROM_SOURCE`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

Scheme = Literal["kbli2020", "jsic14", "isic4"]
Level = Literal["section", "division", "group", "class", "subclass"]

_LEVEL_CODE_LENGTH: Final[dict[Level, int]] = {
    "section": 1,
    "division": 2,
    "group": 3,
    "class": 4,
    "subclass": 5,
}
_PARENT_LEVEL: Final[dict[Level, Level]] = {
    "division": "section",
    "group": "division",
    "class": "group",
    "subclass": "class",
}
_SCHEME_LEVELS: Final[dict[Scheme, dict[str, Level]]] = {
    "kbli2020": {
        "golongan_pokok": "division",
        "golongan": "group",
        "subgolongan": "class",
        "kelompok": "subclass",
    },
    "jsic14": {
        "major": "section",
        "middle": "division",
        "minor": "group",
        "detail": "class",
    },
    "isic4": {
        "section": "section",
        "division": "division",
        "group": "group",
        "class": "class",
    },
}
HEADERS: Final[dict[Scheme, tuple[str, ...]]] = {
    "kbli2020": ("code", "level", "section", "division", "title_id", "description_id"),
    "jsic14": (
        "level",
        "code",
        "major",
        "parent",
        "name_ja",
        "name_en",
        "description_ja",
        "included_examples_ja",
        "excluded_examples_ja",
    ),
    "isic4": ("level", "code", "section", "parent", "title_en"),
}
"""The exact header each scheme's ``*_all_levels.csv`` file must have."""

KBLI_SECTIONS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTU")

KBLI_CLASSES_MISSING_FROM_SOURCE: Final[dict[str, str]] = {
    "4942": "Angkutan Darat Bukan Bus untuk Penumpang, Tidak Dalam Trayek",
    "7410": "Aktivitas Perancangan Khusus",
    "7730": (
        "Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi Mesin, "
        "Peralatan dan Barang Berwujud Lainnya"
    ),
}
"""KBLI 2020 four-digit classes that the source dataset lacks although its
five-digit codes below them are present (49421-49429, 74100, 77301-77309).
Their five-digit codes are accepted when the three-digit group exists; an
importer that wants the class rows can create them from this table (titles
from the KBLI 2020 publication)."""

# Known typing errors and one truncation in the JSIC file's English names,
# fixed word by word (case kept); nothing is guessed.
_JSIC_EN_WORD_FIXES: Final = {
    "engaed": "engaged",
    "finaicial": "financial",
    "cntrol": "control",
    "claasified": "classified",
    "comranies": "companies",
    "perfomances": "performances",
    "bycycle": "bicycle",
}
_JSIC_EN_NAME_FIXES: Final = {"G": "INFORMATION AND COMMUNICATIONS"}

_WIDE = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BY_WIDE: Final = re.compile(rf"(?<=[{_WIDE}])\s+|\s+(?=[{_WIDE}])")
_SPACES: Final = re.compile(r"\s+")
_WORD: Final = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class ExcludedExample:
    """An activity the class excludes, with the codes where it belongs instead."""

    name: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClassificationRecord:
    """One code of a classification, at any level."""

    scheme: Scheme
    code: str
    level: Level
    scheme_level: str
    """The level's name in the scheme's file, e.g. ``subgolongan`` or ``minor``."""
    parent_code: str | None
    section: str
    title_en: str | None
    title_id: str | None
    title_ja: str | None
    description: str
    """In ``description_language``; empty where the file has none."""
    description_language: str | None
    examples: tuple[str, ...]
    excluded_examples: tuple[ExcludedExample, ...]
    line: int
    """Line in the source file where the row starts."""

    def title(self, language: str) -> str | None:
        """Return the title in ``en``, ``id`` or ``ja``, or ``None`` if absent."""
        return {"en": self.title_en, "id": self.title_id, "ja": self.title_ja}.get(language)


class TaxonomyFileError(ValueError):
    """A classification file was rejected; ``line`` is 1-based (1 = header)."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}, line {line}: {reason}")


def clean_text(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _SPACES.sub(" ", text).strip()


def clean_japanese(text: str) -> str:
    """Remove the stray spaces the PDF extraction left inside Japanese text.

    Japanese is written without spaces, so whitespace next to a kana, kanji or
    full-width character is dropped (``育 業`` becomes ``育業``); spaces between
    two Latin words are kept.
    """
    return clean_text(_SPACE_BY_WIDE.sub("", text))


def _fix_jsic_english(code: str, text: str) -> str:
    if code in _JSIC_EN_NAME_FIXES:
        return _JSIC_EN_NAME_FIXES[code]

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        fixed = _JSIC_EN_WORD_FIXES.get(word.lower())
        if fixed is None:
            return word
        return fixed.upper() if word.isupper() else fixed

    return _WORD.sub(fix, clean_text(text))


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TaxonomyFileError(str(path), line, "not valid UTF-8") from error


def _rows(path: Path, scheme: Scheme) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) after checking the header and each row's field count."""
    reader = csv.reader(io.StringIO(_decode(path), newline=""), strict=True)
    header = next(reader, None)
    if header is None:
        raise TaxonomyFileError(str(path), 1, "the file is empty")
    expected = HEADERS[scheme]
    if tuple(name.strip() for name in header) != expected:
        raise TaxonomyFileError(
            str(path),
            1,
            f"header is {','.join(header)!r}; expected {','.join(expected)!r}",
        )
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise TaxonomyFileError(str(path), start, f"bad CSV: {error}") from error
        if not any(field.strip() for field in fields):
            continue
        if len(fields) != len(expected):
            raise TaxonomyFileError(
                str(path),
                start,
                f"expected {len(expected)} fields, found {len(fields)}",
            )
        yield start, dict(zip(expected, fields, strict=True))


def _excluded(raw: str) -> tuple[ExcludedExample, ...]:
    if not raw.strip():
        return ()
    items = json.loads(raw)
    if not isinstance(items, list):
        raise ValueError("excluded_examples_ja is not a JSON list")
    examples = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError("excluded example without a name")
        codes = item.get("codes", [])
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ValueError("excluded example codes are not a list of strings")
        examples.append(ExcludedExample(clean_japanese(item["name"]), tuple(codes)))
    return tuple(examples)


def _record(
    scheme: Scheme, line: int, row: dict[str, str]
) -> tuple[ClassificationRecord, str | None]:
    """Build a record; also return the parent named in the file, if any."""
    scheme_level = row["level"].strip()
    level = _SCHEME_LEVELS[scheme].get(scheme_level)
    if level is None:
        known = ", ".join(_SCHEME_LEVELS[scheme])
        raise ValueError(f"unknown level {scheme_level!r} (expected one of {known})")
    code = row["code"].strip()
    if not code:
        raise ValueError("the code is missing")
    length = _LEVEL_CODE_LENGTH[level]
    shape_ok = (
        code.isascii() and code.isupper() and code.isalpha()
        if level == "section"
        else code.isascii() and code.isdigit()
    )
    if len(code) != length or not shape_ok:
        raise ValueError(f"code {code!r} does not fit level {scheme_level!r}")
    if scheme == "kbli2020":
        section, named_parent = row["section"].strip(), None
        title_en, title_id, title_ja = None, clean_text(row["title_id"]), None
        description, language = clean_text(row["description_id"]), "id"
        examples: tuple[str, ...] = ()
        excluded: tuple[ExcludedExample, ...] = ()
        if row["division"].strip() != code[:2]:
            raise ValueError(f"division {row['division']!r} does not match code")
    elif scheme == "jsic14":
        section, named_parent = row["major"].strip(), row["parent"].strip()
        title_en = _fix_jsic_english(code, row["name_en"])
        title_id, title_ja = None, clean_japanese(row["name_ja"])
        description, language = clean_japanese(row["description_ja"]), "ja"
        examples = tuple(
            clean_japanese(example)
            for example in row["included_examples_ja"].split("|")
            if example.strip()
        )
        excluded = _excluded(row["excluded_examples_ja"])
    else:
        section, named_parent = row["section"].strip(), row["parent"].strip()
        title_en, title_id, title_ja = clean_text(row["title_en"]), None, None
        description, language, examples, excluded = "", None, (), ()
    if not (title_en or title_id or title_ja):
        raise ValueError("the title is missing")
    if level == "section":
        parent: str | None = None
    elif level == "division":
        parent = section
    else:
        parent = code[:-1]
    record = ClassificationRecord(
        scheme=scheme,
        code=code,
        level=level,
        scheme_level=scheme_level,
        parent_code=parent,
        section=section,
        title_en=title_en,
        title_id=title_id,
        title_ja=title_ja,
        description=description,
        description_language=language,
        examples=examples,
        excluded_examples=excluded,
        line=line,
    )
    return record, named_parent


def _check_parent(
    record: ClassificationRecord,
    named_parent: str | None,
    by_code: dict[str, ClassificationRecord],
) -> None:
    if record.level == "section":
        if named_parent:
            raise ValueError(f"a section has no parent, found {named_parent!r}")
        if record.section != record.code:
            raise ValueError(f"section column {record.section!r} is not the code")
        return
    if named_parent is not None and named_parent != record.parent_code:
        raise ValueError(
            f"parent {named_parent!r} does not match code (expected {record.parent_code!r})"
        )
    if record.scheme == "kbli2020" and record.level == "division":
        if record.section not in KBLI_SECTIONS:
            raise ValueError(f"section {record.section!r} is not a KBLI section")
        return
    assert record.parent_code is not None
    parent = by_code.get(record.parent_code)
    if (
        parent is None
        and record.scheme == "kbli2020"
        and record.parent_code in KBLI_CLASSES_MISSING_FROM_SOURCE
    ):
        parent = by_code.get(record.parent_code[:-1])
        if parent is not None and parent.level == "group":
            return
    if parent is None:
        raise ValueError(f"parent {record.parent_code!r} is not in the file")
    if parent.level != _PARENT_LEVEL[record.level]:
        raise ValueError(f"parent {parent.code!r} is a {parent.level}, not a level up")
    if parent.section != record.section:
        raise ValueError(f"section {record.section!r} differs from parent's {parent.section!r}")


def parse_taxonomy(scheme: Scheme, path: str | Path) -> list[ClassificationRecord]:
    """Parse a ``*_all_levels.csv`` reference file of ``scheme``, in file order.

    Raises :class:`TaxonomyFileError` for the first problem found; no partial
    result is ever returned.
    """
    if scheme not in HEADERS:
        raise ValueError(f"unknown scheme {scheme!r}")
    path = Path(path)
    records: list[ClassificationRecord] = []
    named_parents: list[str | None] = []
    by_code: dict[str, ClassificationRecord] = {}
    for line, row in _rows(path, scheme):
        try:
            record, named_parent = _record(scheme, line, row)
        except (ValueError, json.JSONDecodeError) as error:
            raise TaxonomyFileError(str(path), line, str(error)) from error
        if record.code in by_code:
            first = by_code[record.code].line
            raise TaxonomyFileError(
                str(path),
                line,
                f"duplicate code {record.code!r} (first on line {first})",
            )
        by_code[record.code] = record
        records.append(record)
        named_parents.append(named_parent)
    if not records:
        raise TaxonomyFileError(str(path), 2, "the file has no rows")
    for record, named_parent in zip(records, named_parents, strict=True):
        try:
            _check_parent(record, named_parent, by_code)
        except ValueError as error:
            raise TaxonomyFileError(str(path), record.line, str(error)) from error
    return records
