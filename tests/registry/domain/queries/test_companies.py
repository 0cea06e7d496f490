from __future__ import annotations

import pytest

from jembatan.registry.domain.queries.companies import (
    CompanySearch,
    country_counts,
    filter_companies,
)
from tests.factories import CompanyFactory
from tests.registry.sample import make_certification


@pytest.mark.django_db
def test_filter_companies_text_matches_kana_case_insensitively() -> None:
    CompanyFactory(name="Akashi Seimitsu", country="JP", name_kana="アカシセイミツ")
    CompanyFactory(name="PT Batik Indah")
    assert [c.name for c in filter_companies(CompanySearch(text="アカシ"))] == ["Akashi Seimitsu"]
    assert [c.name for c in filter_companies(CompanySearch(text="BATIK"))] == ["PT Batik Indah"]


@pytest.mark.django_db
def test_filter_companies_by_certification_and_verification() -> None:
    iso = make_certification()
    wanted = CompanyFactory(name="PT Presisi", verification="verified")
    wanted.certifications.add(iso)
    CompanyFactory(name="PT Presisi Dua").certifications.add(iso)
    CompanyFactory(name="PT Tanpa", verification="verified")
    found = filter_companies(CompanySearch(certification="iso9001", verification="verified"))
    assert [c.name for c in found] == ["PT Presisi"]


@pytest.mark.django_db
def test_country_counts_include_empty_countries() -> None:
    CompanyFactory.create_batch(2, country="ID")
    assert country_counts() == {"ID": 2, "JP": 0}
