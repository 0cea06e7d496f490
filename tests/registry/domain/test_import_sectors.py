"""An import derives programme sectors from the industry codes it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jembatan.registry.domain.derived import refresh_sectors_of
from jembatan.registry.models import Classification, Company, CrosswalkLink
from tests.registry.helpers import ID1, ID2, csv_text, make_reference_rows, run, write

pytestmark = pytest.mark.django_db


def _link(kbli_code: str, isic_code: str) -> None:
    isic = Classification.objects.create(scheme="isic4", code=isic_code, level="class")
    source = Classification.objects.get(scheme="kbli2020", code=kbli_code)
    CrosswalkLink.objects.create(source=source, isic=isic, method="parent", score=1.0)


def test_import_derives_sectors_from_kbli_codes_through_the_crosswalk(tmp_path: Path) -> None:
    make_reference_rows()
    _link("17021", "1702")  # corrugated paper and paperboard, containers: packaging
    _link("22220", "2220")  # plastics products: plastic parts and packaging
    text = csv_text(
        f"PT Kemas,ID,{ID1},Jawa Barat,Bandung,17021,,,,,",
        f"PT Plastik,ID,{ID2},Jawa Barat,Bekasi,22220,,,,,",
    )
    assert run(write(tmp_path, text)).as_json()["errors"] == []
    kemas = Company.objects.get(registry_id=ID1)
    plastik = Company.objects.get(registry_id=ID2)
    assert list(kemas.sectors.values_list("slug", flat=True)) == ["packaging"]
    assert sorted(plastik.sectors.values_list("slug", flat=True)) == ["packaging", "plastic-parts"]


def test_refresh_sectors_keeps_hand_set_sectors_of_companies_without_codes() -> None:
    make_reference_rows()
    company = Company.objects.create(name="PT Tanpa Kode", country="ID", registry_id=ID1)
    company.sectors.add("animation")
    refresh_sectors_of()
    assert list(company.sectors.values_list("slug", flat=True)) == ["animation"]
