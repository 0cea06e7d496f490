"""Sector facts through the crosswalk: confirmed or high-score links count fully."""

from __future__ import annotations

from jembatan.matching.domain.facts import (
    CROSSWALK_TRUSTED_SCORE,
    UNCONFIRMED_WEIGHT,
    isic_confidence_for,
)
from jembatan.registry.models import Classification, CrosswalkLink


def _code(scheme: str, code: str) -> Classification:
    return Classification.objects.create(scheme=scheme, code=code, level="class", title_en=code)


def test_isic_confidence_unconfirmed_low_score_counts_less(db) -> None:  # type: ignore[no-untyped-def]
    cotton = _code("jsic14", "1121")
    knitted, weaving = _code("isic4", "1391"), _code("isic4", "1312")
    kbli = _code("kbli2020", "13121")
    CrosswalkLink.objects.create(source=cotton, isic=knitted, method="proposed", score=0.55)
    CrosswalkLink.objects.create(
        source=kbli, isic=weaving, method="proposed", score=CROSSWALK_TRUSTED_SCORE
    )
    result = isic_confidence_for([cotton.pk, kbli.pk, knitted.pk])
    assert result == {
        cotton.pk: {"1391": UNCONFIRMED_WEIGHT},
        kbli.pk: {"1312": 1.0},
        knitted.pk: {"1391": 1.0},
    }


def test_isic_confidence_confirmed_link_replaces_proposals(db) -> None:  # type: ignore[no-untyped-def]
    cotton = _code("jsic14", "1121")
    knitted, weaving, other = _code("isic4", "1391"), _code("isic4", "1312"), _code("isic4", "1399")
    CrosswalkLink.objects.create(source=cotton, isic=knitted, method="proposed", score=0.55)
    CrosswalkLink.objects.create(source=cotton, isic=weaving, method="manual", status="confirmed")
    CrosswalkLink.objects.create(source=cotton, isic=other, method="proposed", status="rejected")
    assert isic_confidence_for([cotton.pk]) == {cotton.pk: {"1312": 1.0}}
