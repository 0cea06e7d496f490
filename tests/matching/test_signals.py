"""Companies written by a bulk import (no model signals) become searchable once it commits."""

from __future__ import annotations

from pathlib import Path

import pytest

from jembatan.matching.domain.search import search_company_objects
from jembatan.matching.models import EmbeddedObject
from jembatan.registry.models import Company
from tests.registry.helpers import ID1, JP1, csv_text, run, write

pytestmark = pytest.mark.django_db


def test_import_embeds_and_indexes_the_companies_it_writes(
    tmp_path: Path,
    viewer,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    text = csv_text(
        f"CV Batik Sekar,ID,{ID1},Jawa Tengah,Pekalongan,,,,,id,Produsen batik tulis dan batik cap dengan pewarna alam",
        f"京都織物株式会社,JP,{JP1},京都府,京都市,,,,,ja,西陣織の帯と着物地を製造しています",
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = run(write(tmp_path, text))
    assert report.as_json()["created"] == 2
    ids = set(Company.objects.values_list("pk", flat=True))
    embedded = set(
        EmbeddedObject.objects.filter(object_type="company").values_list("object_id", flat=True)
    )
    assert embedded == ids
    found = [
        company.name
        for _hit, company in search_company_objects(viewer, "手描きのバティック生地", k=1)
    ]
    assert found == ["CV Batik Sekar"]


def test_dry_run_import_indexes_nothing(
    tmp_path: Path,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    text = csv_text(f"CV Batik Sekar,ID,{ID1},Jawa Tengah,Pekalongan,,,,,id,Produsen batik tulis")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run(write(tmp_path, text), dry_run=True)
    assert callbacks == []
    assert not EmbeddedObject.objects.exists()
