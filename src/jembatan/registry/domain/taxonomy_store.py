"""Storing classification files in the database, and the ISIC crosswalk built from them.

`load_taxonomy` is the one code path behind `jembatan taxonomy load`: the file is parsed and
validated whole first (`parse_taxonomy` rejects it naming the failing line), then every row is
upserted inside one transaction, so a failure leaves the stored classification as it was.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from jembatan.registry.domain.taxonomy import (
    KBLI_CLASSES_MISSING_FROM_SOURCE,
    ClassificationRecord,
    Scheme,
    parse_taxonomy,
)
from jembatan.registry.models import Classification

_FIELDS = ("level", "scheme_level", "title_id", "title_ja", "title_en", "description", "examples")


@dataclass(frozen=True)
class LoadReport:
    scheme: str
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _values(record: ClassificationRecord) -> dict[str, str]:
    return {
        "level": record.level,
        "scheme_level": record.scheme_level,
        "title_id": record.title_id or "",
        "title_ja": record.title_ja or "",
        "title_en": record.title_en or "",
        "description": record.description,
        "examples": "\n".join(record.examples),
    }


def _kbli_sections(path: Path, records: list[ClassificationRecord]) -> dict[str, dict[str, str]]:
    """KBLI's file has no section rows; take their titles from kbli_sections.csv beside it."""
    titles: dict[str, tuple[str, str]] = {}
    sections_file = path.parent / "kbli_sections.csv"
    if sections_file.exists():
        with sections_file.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                titles[row["section"].strip()] = (
                    row.get("title_id", "").strip(),
                    row.get("description_id", "").strip(),
                )
    letters = sorted({r.parent_code for r in records if r.level == "division" and r.parent_code})
    return {
        letter: {
            "level": "section",
            "scheme_level": "kategori",
            "title_id": titles.get(letter, ("", ""))[0],
            "title_ja": "",
            "title_en": "",
            "description": titles.get(letter, ("", ""))[1],
            "examples": "",
        }
        for letter in letters
    }


def _kbli_missing_classes(records: list[ClassificationRecord]) -> dict[str, dict[str, str]]:
    """Three KBLI classes whose subclasses are in the source file but the class rows are not."""
    present = {r.code for r in records}
    return {
        code: {
            "level": "class",
            "scheme_level": "subgolongan",
            "title_id": title,
            "title_ja": "",
            "title_en": "",
            "description": "",
            "examples": "",
        }
        for code, title in KBLI_CLASSES_MISSING_FROM_SOURCE.items()
        if code not in present and code[:3] in present
    }


def load_taxonomy(scheme: Scheme, path: str | Path) -> LoadReport:
    """Load one classification file; idempotent. Raises TaxonomyFileError on a bad file."""
    path = Path(path)
    records = parse_taxonomy(scheme, path)
    rows: dict[str, dict[str, str]] = {}
    parents = {r.code: r.parent_code for r in records}
    if scheme == "kbli2020":
        rows.update(_kbli_sections(path, records))
        rows.update(_kbli_missing_classes(records))
        parents.update({code: code[:3] for code in KBLI_CLASSES_MISSING_FROM_SOURCE})
    rows.update({r.code: _values(r) for r in records})
    with transaction.atomic():
        report = _upsert(scheme, rows)
        _link_parents(scheme, parents)
    return report


def _upsert(scheme: str, rows: dict[str, dict[str, str]]) -> LoadReport:
    existing = {c.code: c for c in Classification.objects.filter(scheme=scheme)}
    to_create: list[Classification] = []
    to_update: list[Classification] = []
    for code, values in rows.items():
        current = existing.get(code)
        if current is None:
            to_create.append(Classification(scheme=scheme, code=code, **values))
        elif any(getattr(current, f) != values[f] for f in _FIELDS):
            for name, value in values.items():
                setattr(current, name, value)
            to_update.append(current)
    Classification.objects.bulk_create(to_create, batch_size=500)
    Classification.objects.bulk_update(to_update, list(_FIELDS), batch_size=500)
    unchanged = len(rows) - len(to_create) - len(to_update)
    return LoadReport(scheme, len(to_create), len(to_update), unchanged)


def _link_parents(scheme: str, parents: dict[str, str | None]) -> None:
    ids = dict(Classification.objects.filter(scheme=scheme).values_list("code", "id"))
    stale: list[Classification] = []
    for code, parent_id in Classification.objects.filter(scheme=scheme).values_list(
        "code", "parent_id"
    ):
        parent_code = parents.get(code)
        wanted = ids.get(parent_code) if parent_code else None
        if wanted != parent_id:
            stale.append(Classification(id=ids[code], parent_id=wanted))
    Classification.objects.bulk_update(stale, ["parent"], batch_size=500)
