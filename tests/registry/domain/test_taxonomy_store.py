"""Storing the official classifications and the rule-based KBLI to ISIC crosswalk.

The reference files are read from `reference_data_dir` (skipped when absent). ISIC and KBLI
are loaded once for the module, inside a transaction rolled back at its end; each test runs
in its own savepoint on top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from jembatan.registry.domain.crosswalk import propose_kbli_to_isic
from jembatan.registry.domain.crosswalk_store import (
    correct_link,
    review_link,
    store_proposals,
    stored_records,
)
from jembatan.registry.domain.taxonomy import TaxonomyFileError
from jembatan.registry.domain.taxonomy_store import LoadReport, load_taxonomy
from jembatan.registry.models import Classification, CrosswalkLink
from tests.factories import UserFactory


def isic_file(folder: Path) -> Path:
    return folder / "isic4" / "isic_rev4_all_levels.csv"


def kbli_file(folder: Path) -> Path:
    return folder / "kbli2020" / "kbli2020_all_levels.csv"


@pytest.fixture(scope="module")
def loaded(
    reference_data_dir: Path,
    django_db_setup: None,
    django_db_blocker: Any,
) -> Iterator[dict[str, LoadReport]]:
    """ISIC Rev.4 and KBLI 2020 loaded from the official files, with their first reports."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield {
            "isic4": load_taxonomy("isic4", isic_file(reference_data_dir)),
            "kbli2020": load_taxonomy("kbli2020", kbli_file(reference_data_dir)),
        }
        transaction.set_rollback(True)


@pytest.fixture
def reports(loaded: dict[str, LoadReport], db: None) -> dict[str, LoadReport]:
    return loaded


def identical_code_proposals() -> list:  # type: ignore[type-arg]
    """The KBLI proposals that need no text matching: classes whose code is an ISIC class,
    and their subclasses (the full proposal embeds ~200 titles and takes ~40 s)."""
    isic = stored_records("isic4")
    isic_classes = {r.code for r in isic if r.level == "class"}
    kbli = [r for r in stored_records("kbli2020") if r.code[:4] in isic_classes]
    return propose_kbli_to_isic(kbli, isic)


def test_load_isic4_creates_766_codes_with_parents_linked(reports: dict[str, LoadReport]) -> None:
    assert reports["isic4"] == LoadReport("isic4", created=766, updated=0, unchanged=0)
    levels = Counter(Classification.objects.filter(scheme="isic4").values_list("level", flat=True))
    assert levels == {"section": 21, "division": 88, "group": 238, "class": 419}
    orphans = Classification.objects.filter(scheme="isic4", parent=None).exclude(level="section")
    assert orphans.count() == 0
    chain = []
    code: Classification | None = Classification.objects.get(scheme="isic4", code="1702")
    while code is not None:
        chain.append(code.code)
        code = code.parent
    assert chain == ["1702", "170", "17", "C"]


def test_load_kbli_creates_codes_sections_and_missing_classes(
    reports: dict[str, LoadReport],
) -> None:
    assert reports["kbli2020"] == LoadReport("kbli2020", created=2710, updated=0, unchanged=0)
    levels = Counter(
        Classification.objects.filter(scheme="kbli2020").values_list("level", flat=True)
    )
    assert levels == {"section": 21, "division": 87, "group": 244, "class": 568, "subclass": 1790}
    missing = Classification.objects.filter(scheme="kbli2020", code__in=["4942", "7410", "7730"])
    assert sorted((c.code, c.level, c.parent.code) for c in missing) == [  # type: ignore[union-attr]
        ("4942", "class", "494"),
        ("7410", "class", "741"),
        ("7730", "class", "773"),
    ]
    subclass = Classification.objects.get(scheme="kbli2020", code="17021")
    assert (subclass.parent.code, subclass.title_id) == (  # type: ignore[union-attr]
        "1702",
        "Industri Kertas dan Papan Kertas Bergelombang",
    )
    assert Classification.objects.get(scheme="kbli2020", code="17").parent.code == "C"  # type: ignore[union-attr]


def test_load_kbli_second_run_changes_nothing(
    reports: dict[str, LoadReport], reference_data_dir: Path
) -> None:
    again = load_taxonomy("kbli2020", kbli_file(reference_data_dir))
    assert again == LoadReport("kbli2020", created=0, updated=0, unchanged=2710)


def test_load_malformed_file_rejected_whole_and_stored_codes_unchanged(
    reports: dict[str, LoadReport], reference_data_dir: Path, tmp_path: Path
) -> None:
    lines = isic_file(reference_data_dir).read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("division,01,A,A,")
    assert lines[154].startswith("class,1702,")
    lines[2] = 'division,01,A,A,"Farming, changed"\n'  # a valid change before the bad line
    lines[154] = lines[154].replace("class,1702,", "klass,1702,")
    broken = tmp_path / "isic_rev4_all_levels.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(TaxonomyFileError) as error:
        load_taxonomy("isic4", broken)
    assert (error.value.line, error.value.path) == (155, str(broken))
    assert "klass" in error.value.reason
    assert Classification.objects.filter(scheme="isic4").count() == 766
    assert Classification.objects.get(scheme="isic4", code="01").title_en == (
        "Crop and animal production, hunting and related service activities"
    )


def test_crosswalk_identical_codes_are_direct(reports: dict[str, LoadReport]) -> None:
    stored = store_proposals("kbli2020", identical_code_proposals())
    links = CrosswalkLink.objects.select_related("source", "isic")
    methods = Counter(links.values_list("method", flat=True))
    assert stored == 1550
    assert methods == {"direct": 375, "parent": 1175}
    cls = links.get(source__code="1702")
    assert (cls.isic.code, cls.method, cls.basis, cls.score, cls.status) == (
        "1702",
        "direct",
        "identical_code",
        1.0,
        "proposed",
    )
    sub = links.get(source__code="17021")
    assert (sub.isic.code, sub.method, sub.basis) == ("1702", "parent", "via_class:identical_code")


def test_store_proposals_again_keeps_officer_decisions(reports: dict[str, LoadReport]) -> None:
    officer = UserFactory(role="officer")
    proposals = identical_code_proposals()
    store_proposals("kbli2020", proposals)
    links = CrosswalkLink.objects.select_related("source", "isic")
    review_link(links.get(source__code="1702"), officer, confirm=True)
    review_link(links.get(source__code="1701"), officer, confirm=False)
    correct_link(links.get(source__code="2930"), officer, "2910")

    stored = store_proposals("kbli2020", proposals)

    decided = {
        (link.source.code, link.isic.code): (link.status, link.method)
        for link in links.exclude(status="proposed")
    }
    assert decided == {
        ("1702", "1702"): ("confirmed", "direct"),
        ("1701", "1701"): ("rejected", "direct"),
        ("2930", "2930"): ("rejected", "direct"),
        ("2930", "2910"): ("confirmed", "manual"),
    }
    # Settled codes (a confirmed link) get no new proposal; a rejected pair is not proposed
    # again, and 1701 has no other.
    assert not links.filter(source__code__in=["1702", "1701", "2930"], status="proposed").exists()
    assert stored == 1547
