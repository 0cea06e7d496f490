from __future__ import annotations

import pytest

from jembatan.registry.domain.queries.companies import (
    CompanySearch,
    country_counts,
    filter_companies,
    name_matches,
)
from jembatan.registry.models import Company
from tests.factories import CompanyFactory
from tests.registry.sample import make_certification, make_kbli


@pytest.mark.django_db
def test_name_matches_kana_case_insensitively() -> None:
    akashi = CompanyFactory(name="Akashi Seimitsu", country="JP", name_kana="アカシセイミツ")
    batik = CompanyFactory(name="PT Batik Indah")
    assert name_matches(Company.objects.all(), "アカシ") == [akashi.pk]
    assert name_matches(Company.objects.all(), "BATIK") == [batik.pk]


@pytest.mark.django_db
def test_name_matches_rank_exact_then_prefix_then_codes_then_city() -> None:
    exact = CompanyFactory(name="Maju", city="Bandung")
    prefix = CompanyFactory(name="Maju Jaya", city="Bandung")
    inside = CompanyFactory(name="PT Sinar Maju", city="Bandung")
    town = CompanyFactory(name="PT Lain", city="Majukarta")
    assert name_matches(Company.objects.all(), "maju") == [exact.pk, prefix.pk, inside.pk, town.pk]


@pytest.mark.django_db
def test_name_matches_registry_id_and_classification_code() -> None:
    code = make_kbli("13134")
    weaver = CompanyFactory(name="PT Tenun")
    weaver.classifications.add(code)
    other = CompanyFactory(name="PT Lain")
    assert name_matches(Company.objects.all(), "1313") == [weaver.pk]
    assert name_matches(Company.objects.all(), other.registry_id) == [other.pk]


@pytest.mark.django_db
def test_filter_companies_leaves_text_to_the_search_path() -> None:
    CompanyFactory(name="PT Batik Indah")
    CompanyFactory(name="PT Lain")
    found = filter_companies(CompanySearch(text="batik"))
    assert sorted(c.name for c in found) == ["PT Batik Indah", "PT Lain"]


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
