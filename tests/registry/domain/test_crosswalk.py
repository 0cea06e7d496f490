from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from jembatan.registry.domain.crosswalk import (
    ENCODE_BATCH,
    JSIC_MAJOR_TO_ISIC_SECTIONS,
    Vectors,
    propose_jsic_to_isic,
    propose_kbli_to_isic,
    token_overlap,
    tokens,
)
from jembatan.registry.domain.taxonomy import ClassificationRecord, parse_taxonomy

DATA = Path(os.environ.get("JEMBATAN_REFERENCE_DATA", "/work/shared/data"))

# JSIC class -> ISIC class, checked by hand against both titles. The full list
# (44 pairs) is scored by benchmarks/crosswalk_jsic_isic.py; the unit test
# runs the manufacturing ones only, to keep the embedding work small.
CHECKED_PAIRS = {
    "1114": "1311",  # Spinning, cotton -> Preparation and spinning of textile fibres
    "0971": "1071",  # Bread -> bakery products
    "3113": "2930",  # Motor vehicles parts and accessories
    "1453": "1702",  # Corrugated board boxes
    "2041": "1520",  # Leather footwear
    "1311": "3100",  # Wooden furniture -> Manufacture of furniture
    "1661": "2023",  # Makeup and skin care products -> soap, perfumes, toilet prep.
    "2114": "2310",  # Glass containers -> glass and glass products
    "1821": "2220",  # Plastic film -> plastics products
    "1911": "2211",  # Tires and tubes for automobiles
    "1161": "1410",  # Men's textile outer garments -> wearing apparel
    "2814": "2610",  # Integrated circuits -> electronic components and boards
}


@pytest.fixture(scope="module")
def jsic() -> list[ClassificationRecord]:
    return parse_taxonomy("jsic14", DATA / "jsic14" / "jsic_rev14_all_levels.csv")


@pytest.fixture(scope="module")
def isic() -> list[ClassificationRecord]:
    return parse_taxonomy("isic4", DATA / "isic4" / "isic_rev4_all_levels.csv")


@pytest.fixture(scope="module")
def kbli() -> list[ClassificationRecord]:
    return parse_taxonomy("kbli2020", DATA / "kbli2020" / "kbli2020_all_levels.csv")


def test_checked_pairs_are_real_classes(
    jsic: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    jsic_classes = {r.code for r in jsic if r.level == "class"}
    isic_classes = {r.code for r in isic if r.level == "class"}
    assert set(CHECKED_PAIRS) <= jsic_classes
    assert set(CHECKED_PAIRS.values()) <= isic_classes


def test_jsic_major_table_covers_all_majors(jsic: list[ClassificationRecord]) -> None:
    majors = {r.code for r in jsic if r.level == "section"}
    assert set(JSIC_MAJOR_TO_ISIC_SECTIONS) == majors


def test_jsic_proposals_on_checked_manufacturing_pairs(
    jsic: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    proposals = propose_jsic_to_isic(jsic, isic, codes=CHECKED_PAIRS)
    assert len(proposals) == len(CHECKED_PAIRS)
    found = {p.source_code: p.target_code for p in proposals}
    agreeing = sorted(code for code, target in found.items() if target == CHECKED_PAIRS[code])
    in_top3 = [
        p.source_code
        for p in proposals
        if CHECKED_PAIRS[p.source_code]
        in [p.target_code, *(code for code, _ in p.alternatives[:2])]
    ]
    assert {p.method for p in proposals} == {"text"}
    assert agreeing == [
        "0971",
        "1311",
        "1453",
        "1661",
        "1821",
        "1911",
        "2041",
        "2114",
        "3113",
    ]
    assert len(in_top3) == 9
    assert all(0 < p.score <= 1 for p in proposals)


def test_jsic_rules_for_head_offices_ancillary_units_and_major_t(
    jsic: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    proposals = propose_jsic_to_isic(jsic, isic, codes=["0900", "0909", "9999"])
    assert [(p.source_code, p.target_code, p.method) for p in proposals] == [
        ("0900", "7010", "head_office"),
        ("0909", None, "ancillary_unit"),
        ("9999", None, "no_counterpart"),
    ]


def test_kbli_identical_and_single_class_rules(
    kbli: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    records = [r for r in kbli if r.code[:4] in {"1311", "1313", "1011", "1030", "7410"}]
    proposals = {p.source_code: p for p in propose_kbli_to_isic(records, isic)}
    assert (proposals["1311"].target_code, proposals["1311"].method) == (
        "1311",
        "identical_code",
    )
    assert (proposals["1011"].target_code, proposals["1011"].method) == (
        "1010",
        "single_class_in_group",
    )
    assert proposals["10110"].target_code == "1010"
    assert proposals["10110"].method == "via_class:single_class_in_group"
    # 74100's class 7410 is missing from the source file: it has no class row.
    assert (proposals["74100"].target_code, proposals["74100"].method) == (
        None,
        "no_class",
    )


def test_kbli_extension_class_by_text_stays_in_group(
    kbli: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    records = [r for r in kbli if r.code[:4] == "1076"]
    proposals = {p.source_code: p for p in propose_kbli_to_isic(records, isic)}
    assert proposals["1076"].method == "text_in_group"
    # The right answer is 1079 (other food products n.e.c.); the Indonesian
    # title "Kopi, Teh dan Herbal" is pulled to 1073 (cocoa, chocolate). Text
    # proposals for extension classes need review: the test pins the group.
    assert proposals["1076"].target_code is not None
    assert proposals["1076"].target_code[:3] == "107"
    assert proposals["10761"].target_code == proposals["1076"].target_code


def test_kbli_identical_codes_count(
    kbli: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    isic_classes = {r.code for r in isic if r.level == "class"}
    records = [r for r in kbli if r.level == "class" and r.code in isic_classes]
    proposals = propose_kbli_to_isic(records, isic)
    assert [p.method for p in proposals].count("identical_code") == 373


def test_token_overlap_stems_and_drops_stopwords() -> None:
    assert tokens("Manufacture of corrugated boxes") == frozenset({"corrugated", "boxe"})
    assert token_overlap(tokens("Spinning, cotton"), tokens("spinning of fibres")) == 0.5


def test_jsic_proposals_report_progress_in_batches_of_encoded_texts(
    jsic: list[ClassificationRecord], isic: list[ClassificationRecord]
) -> None:
    seen: list[int] = []

    def stub_encoder(texts: list[str]) -> Vectors:
        seen.append(len(texts))
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), np.uint8) for t in texts]
        vectors = np.asarray(rows, dtype=np.float32) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    steps: list[int] = []
    propose_jsic_to_isic(
        jsic, isic, codes=CHECKED_PAIRS, encode=stub_encoder, progress=steps.append
    )
    assert steps == seen
    assert max(steps) == ENCODE_BATCH
    assert sum(steps) > ENCODE_BATCH
