"""Officers' crosswalk decisions: review_link and correct_link, and what they change."""

from __future__ import annotations

from typing import Any

import pytest

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.crosswalk_store import correct_link, review_link
from jembatan.registry.models import Classification, Company, CrosswalkLink
from tests.registry.crosswalk_sample import isic, kbli, link


def sectors(company: Company) -> list[str]:
    return sorted(company.sectors.values_list("slug", flat=True))


def test_review_link_confirm_derives_the_sectors_of_companies(
    officer: Any, company: Company
) -> None:
    code = kbli("17021")
    company.classifications.add(code)
    company.sectors.add("textiles")  # by hand, while the code reached no ISIC class
    proposed = link(code, "1702")
    rejected = link(code, "2930", status="proposed")

    review_link(rejected, officer, confirm=False)
    assert sectors(company) == ["packaging"]  # the proposed 1702 link counts until decided
    review_link(proposed, officer, confirm=True)

    assert sectors(company) == ["packaging"]
    assert list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "jembatan.crosswalk.rejected",
        "jembatan.crosswalk.confirmed",
    ]


def test_correct_link_to_the_same_class_confirms_it_as_manual(officer: Any) -> None:
    proposed = link(kbli("17021"), "1702")
    manual = correct_link(proposed, officer, "1702")
    assert manual.pk == proposed.pk
    assert list(CrosswalkLink.objects.values_list("method", "status")) == [("manual", "confirmed")]


def test_correct_link_twice_keeps_one_confirmed_manual_link(officer: Any) -> None:
    proposed = link(kbli("17021"), "1702")
    isic("1709"), isic("1701")
    first = correct_link(proposed, officer, "1709")
    correct_link(first, officer, "1701")
    assert sorted(CrosswalkLink.objects.values_list("isic__code", "method", "status")) == [
        ("1701", "manual", "confirmed"),
        ("1702", "parent", "rejected"),
        ("1709", "manual", "rejected"),
    ]


@pytest.mark.parametrize("code", ["170", "9999"])
def test_correct_link_refuses_what_is_not_an_isic_class(officer: Any, code: str) -> None:
    isic("170")
    proposed = link(kbli("17021"), "1702")
    with pytest.raises(Classification.DoesNotExist):
        correct_link(proposed, officer, code)
    assert list(CrosswalkLink.objects.values_list("status", flat=True)) == ["proposed"]
