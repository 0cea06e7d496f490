from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from jembatan.indicators.domain.statistics import statistics_series
from jembatan.indicators.models import Indicator, Observation, Target

pytestmark = pytest.mark.django_db


def _series(code: str):  # type: ignore[no-untyped-def]
    return next(s for s in statistics_series() if s.code == code)


def test_seed_has_the_stated_figures_with_their_source() -> None:
    value_added = Indicator.objects.get(code="ikm_value_added")
    assert value_added.currency == "IDR"
    assert "Kementerian Perindustrian" in value_added.source_note
    stated = Observation.objects.get(indicator=value_added)
    assert (stated.value, stated.currency) == (520 * 10**12, "IDR")
    assert Target.objects.get(indicator__code="ikm_units").value == 4_030_000
    assert Target.objects.get(indicator__code="ikm_new_units").value == 182_000
    assert Target.objects.get(indicator__code="ikm_additional_workers").value == 400_000
    # Nothing derived is stored: only the three stated observations.
    assert Observation.objects.count() == 3


def test_statistics_value_added_2015_is_derived_from_the_2016_growth() -> None:
    series = _series("ikm_value_added")
    by_period = {p.period: p for p in series.values}
    assert by_period["2016"].value == 520_000_000_000_000
    assert not by_period["2016"].derived
    derived = by_period["2015"]
    # 520e12 / 1.183 = 439,560,439,560,439.56..., rounded half to even to whole rupiah
    assert derived.value == 439_560_439_560_440
    assert derived.derived
    assert "18.3" in derived.derivation
    stated_growth = [g for g in series.growth if g.period == "2016"]
    assert [(g.value, g.derived) for g in stated_growth] == [(Decimal("18.3"), False)]


def test_statistics_units_target_asks_growth_and_increase() -> None:
    series = _series("ikm_units")
    asks = {a.key: a for a in series.attainment}
    # (4,030,000 - 3,850,000) / 3,850,000 = 4.675...%
    assert asks["required_growth"].value == Decimal("4.68")
    assert asks["required_increase"].value == 180_000
    assert all(a.derived and a.derivation for a in asks.values())
    assert series.target_for("2017").value == 4_030_000  # type: ignore[union-attr]


def test_statistics_attainment_when_the_period_has_a_value() -> None:
    units = Indicator.objects.get(code="ikm_units")
    Observation.objects.create(
        indicator=units, period_start="2017-01-01", value=3_990_000, source_reference="test"
    )
    series = _series("ikm_units")
    asks = {a.key: a for a in series.attainment}
    assert list(asks) == ["attainment"]
    assert asks["attainment"].value == Decimal("99.01")  # 3.99 / 4.03
    growth = {g.period: g for g in series.growth}
    assert growth["2017"].value == Decimal("3.64")  # 3.99 / 3.85 - 1
    assert growth["2017"].derived


def test_statistics_names_follow_the_language() -> None:
    with translation.override("ja"):
        assert _series("ikm_units").name == "IKMの事業所数"
    with translation.override("id"):
        assert _series("ikm_units").name == "Jumlah unit usaha IKM"


def test_statistics_series_runs_three_queries(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(3):
        statistics_series()
