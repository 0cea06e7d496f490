"""The complement and sector factors, as plain functions."""

from __future__ import annotations

import pytest

from jembatan.matching.domain.scoring import COMPLEMENTS, Need, complement_fit, isic_proximity
from jembatan.opportunities.models import COOPERATION_TYPES_BY_KIND


def _request(kind: str, *types: str) -> Need:
    return Need(kind, "request", types)


def _offer(kind: str, *types: str) -> Need:
    return Need(kind, "offer", types)


@pytest.mark.parametrize(
    ("wanted", "offer", "value"),
    [
        # a maker seeking a distributor / maintenance partner
        (_request("business", "distribution"), _offer("business", "distribution"), 1.0),
        (_request("business", "distribution"), _offer("technology", "technical_assistance"), 1.0),
        (_request("business", "distribution"), _offer("business", "supply"), 0.0),
        (_request("business", "distribution"), _offer("subcontracting", "manufacturing"), 0.0),
        # a firm seeking a supplier: producers
        (_request("business", "supply"), _offer("business", "supply"), 1.0),
        (_request("business", "supply"), _offer("subcontracting", "manufacturing"), 1.0),
        (_request("business", "supply"), _offer("business", "distribution"), 0.0),
        # types unknown on one side
        (_request("business"), _offer("business", "supply"), 0.5),
        (_request("business"), _offer("investment", "equity"), 0.0),
    ],
)
def test_complement_fit_request_met_by_offer(wanted: Need, offer: Need, value: float) -> None:
    assert complement_fit(wanted, offer) == value
    assert complement_fit(offer, wanted) == value  # symmetric in its arguments


def test_complement_fit_same_direction_is_zero() -> None:
    assert complement_fit(_offer("business", "supply"), _offer("business", "supply")) == 0.0
    assert complement_fit(_request("business", "supply"), _request("business", "supply")) == 0.0


def test_complements_table_covers_every_type_of_every_kind() -> None:
    assert {kind: set(table) for kind, table in COMPLEMENTS.items()} == {
        str(kind): {str(t) for t in types} for kind, types in COOPERATION_TYPES_BY_KIND.items()
    }


def test_isic_proximity_weighs_unconfirmed_classes() -> None:
    assert isic_proximity({"1311": 1.0}, {"1311": 0.5}) == 0.5
    assert isic_proximity({"1311": 1.0}, {"1312": 1.0}) == 0.6
    assert isic_proximity({"1311": 1.0}, {"1391": 0.5, "1312": 1.0}) == 0.6
    assert isic_proximity(["1311"], ["1311"]) == 1.0
    assert isic_proximity({"1311": 1.0}, {"2220": 1.0}) == 0.0
