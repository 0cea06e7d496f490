"""Derived company fields: the main code, the order of codes, and sectors from the crosswalk."""

from __future__ import annotations

from jembatan.registry.domain.derived import (
    classification_codes_in_order,
    main_code_for,
    refresh_sectors,
    set_classifications,
    update_derived_fields,
)
from jembatan.registry.models import Company
from tests.registry.crosswalk_sample import jsic, kbli, link


def test_set_classifications_keeps_the_order_given(other_company: Company) -> None:
    retail, boxes = jsic("5611", "百貨店", "Department stores"), jsic("1453")
    set_classifications(other_company, [retail, boxes])
    assert classification_codes_in_order(other_company) == [("jsic14", "5611"), ("jsic14", "1453")]
    set_classifications(other_company, [boxes, retail, boxes])
    assert classification_codes_in_order(other_company) == [("jsic14", "1453"), ("jsic14", "5611")]


def test_main_code_is_the_first_jsic_code_of_a_japanese_firm(
    company: Company, other_company: Company
) -> None:
    set_classifications(other_company, [jsic("5611", "百貨店", "Department stores"), jsic("1453")])
    company.classifications.add(kbli("17021"))
    assert main_code_for(other_company) == "5611"
    assert main_code_for(company) is None


def test_update_derived_fields_uses_the_main_code_for_japan(other_company: Company) -> None:
    other_company.employees, other_company.capital_amount = 120, 80_000_000
    other_company.capital_currency = "JPY"
    other_company.save()
    update_derived_fields(other_company)
    assert Company.objects.get(pk=other_company.pk).size_class == "sme"  # manufacturing limits
    set_classifications(other_company, [jsic("5611", "百貨店", "Department stores")])
    update_derived_fields(other_company)
    assert Company.objects.get(pk=other_company.pk).size_class == "large_jp"  # retail limits


def test_refresh_sectors_keeps_hand_sectors_until_a_code_reaches_isic(company: Company) -> None:
    code = kbli("17021")
    company.classifications.add(code)
    company.sectors.add("textiles")
    refresh_sectors([company])
    assert list(company.sectors.values_list("slug", flat=True)) == ["textiles"]
    link(code, "1702")
    refresh_sectors([company])
    assert list(company.sectors.values_list("slug", flat=True)) == ["packaging"]
