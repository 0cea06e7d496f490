"""The neutral label of an anonymous profile never narrows its poster to fewer than k
published companies: region, then island group or region of Japan, then country; then the
sector's group, then no sector. Checked on publication and again when the registry changes."""

from __future__ import annotations

import pycountry
import pytest
from django.utils import translation

from jembatan.matching.domain.facts import facts_of, profile_factors
from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.domain.anonymity import AREA_GROUPS, GROUP_OF_REGION, refresh_label
from jembatan.opportunities.domain.presentation import poster_facts_for_matching, public_view
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company, ProgrammeSector, Region
from tests.factories import CompanyFactory, UserFactory
from tests.opportunities.factories import ProfileFactory, published

K = 3


@pytest.fixture(autouse=True)
def small_k(settings):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_ANONYMITY_K = K


def firm(region: str, sector: str, verified: bool = True, country: str = "JP") -> Company:
    company = CompanyFactory(
        country=country,
        region=Region.objects.get(code=region),
        verification="verified" if verified else "unverified",
    )
    company.sectors.add(ProgrammeSector.objects.get(slug=sector))
    return company


def anonymous(poster: Company, sector: str) -> PartnershipProfile:
    profile = published(
        company=poster, is_anonymous=True, sector=ProgrammeSector.objects.get(slug=sector)
    )
    refresh_label(profile)
    return PartnershipProfile.objects.select_related("company__region", "sector").get(pk=profile.pk)


def label(profile: PartnershipProfile, language: str = "en") -> str:
    with translation.override(language):
        return public_view(profile, viewer=None).company_label


def test_label_keeps_prefecture_when_k_firms_share_it(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    firm("JP-22", "furniture-wood")
    firm("JP-22", "furniture-wood")
    profile = anonymous(poster, "furniture-wood")
    assert label(profile) == "Japanese SME in Shizuoka, furniture and wood products"
    assert (profile.label_area, profile.label_sector) == ("JP-22", "furniture-wood")


def test_label_coarsens_prefecture_to_region(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    firm("JP-22", "furniture-wood", verified=False)  # unpublished firms do not count
    firm("JP-23", "furniture-wood")
    firm("JP-20", "furniture-wood")
    profile = anonymous(poster, "furniture-wood")
    assert label(profile) == "Japanese SME in the Chubu region, furniture and wood products"
    assert label(profile, "ja") == "中部地方の日本の中小企業（家具・木製品）"
    assert label(profile, "id") == "UKM Jepang di wilayah Chubu, furnitur dan produk kayu"


def test_label_coarsens_indonesian_province_to_island(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("ID-JB", "textiles", country="ID")
    firm("ID-JT", "textiles", country="ID")
    firm("ID-YO", "textiles", country="ID")
    firm("ID-BA", "textiles", country="ID")  # Bali is not Java
    profile = anonymous(poster, "textiles")
    assert label(profile) == "Indonesian IKM in Java, textiles, garments and batik"
    assert label(profile, "id") == "IKM Indonesia di Pulau Jawa, tekstil, pakaian jadi dan batik"


def test_label_coarsens_region_to_country(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    firm("JP-23", "furniture-wood")
    firm("JP-13", "furniture-wood")
    profile = anonymous(poster, "furniture-wood")
    assert label(profile) == "Japanese SME, furniture and wood products"


def test_label_coarsens_sector_to_its_group(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "metal-parts")
    firm("JP-13", "automotive-parts")
    firm("JP-27", "electronic-parts")
    firm("JP-27", "packaging")  # not a component
    profile = anonymous(poster, "metal-parts")
    assert label(profile) == "Japanese SME, components"
    assert label(profile, "ja") == "日本の中小企業（部品）"


def test_label_falls_back_to_country_alone(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    firm("JP-13", "animation")
    profile = anonymous(poster, "furniture-wood")
    assert label(profile) == "Japanese SME"


def test_label_never_computed_is_the_coarsest(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    profile = published(
        company=poster,
        is_anonymous=True,
        sector=ProgrammeSector.objects.get(slug="furniture-wood"),
    )
    assert label(profile) == "Japanese SME"


def test_publish_computes_the_label(db) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    for _ in range(2):
        firm("JP-22", "furniture-wood")
    profile = ProfileFactory(
        company=poster,
        status="validated",
        is_anonymous=True,
        sector=ProgrammeSector.objects.get(slug="furniture-wood"),
    )
    officer = UserFactory(role="officer")
    lifecycle.publish(profile, officer)
    profile.refresh_from_db()
    assert (profile.label_area, profile.label_sector) == ("JP-22", "furniture-wood")


def test_label_rechecked_when_registry_changes(db, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    poster = firm("JP-22", "furniture-wood")
    profile = anonymous(poster, "furniture-wood")
    assert label(profile) == "Japanese SME"
    with django_capture_on_commit_callbacks(execute=True):
        neighbours = [firm("JP-22", "furniture-wood") for _ in range(2)]
    profile = PartnershipProfile.objects.select_related("company__region", "sector").get(
        pk=profile.pk
    )
    assert label(profile) == "Japanese SME in Shizuoka, furniture and wood products"
    with django_capture_on_commit_callbacks(execute=True):
        neighbours[0].verification = "rejected"
        neighbours[0].save()
    profile.refresh_from_db()
    assert (profile.label_area, profile.label_sector) == ("", "")
    with django_capture_on_commit_callbacks(execute=True):
        neighbours[0].delete()
        firm("JP-21", "furniture-wood")
    profile.refresh_from_db()
    assert (profile.label_area, profile.label_sector) == ("JP-CHUBU", "furniture-wood")


def test_area_groups_cover_every_region_once(db) -> None:  # type: ignore[no-untyped-def]
    codes = set(Region.objects.values_list("code", flat=True))
    assert set(GROUP_OF_REGION) == codes
    assert sum(len(members) for _name, members in AREA_GROUPS.values()) == len(codes)
    for sub in pycountry.subdivisions.get(country_code="ID"):
        if sub.parent_code:  # Indonesia's groups are ISO's geographical units
            assert (sub.code, GROUP_OF_REGION[sub.code]) == (sub.code, sub.parent_code)


def test_matching_facts_of_a_hidden_poster_are_only_what_it_shows(db) -> None:  # type: ignore[no-untyped-def]
    poster = CompanyFactory(country="JP", size_class="small_enterprise", languages=["ja", "en"])
    hidden = published(company=poster, is_anonymous=True, language="ja")
    named = published(company=poster, language="ja")
    assert (
        poster_facts_for_matching(hidden).size_class,
        poster_facts_for_matching(hidden).languages,
    ) == ("", ["ja"])
    assert (
        poster_facts_for_matching(named).size_class,
        poster_facts_for_matching(named).languages,
    ) == (
        "small_enterprise",
        ["ja", "en"],
    )


def test_size_and_language_factors_ignore_a_hidden_posters_firm(db) -> None:  # type: ignore[no-untyped-def]
    reader = CompanyFactory(country="ID", size_class="small", languages=["id", "en"])
    source = published(company=reader, partner_size_wanted="small", language="id")

    def factors(size_class: str, languages: list[str]) -> dict[str, float]:
        poster = CompanyFactory(country="JP", size_class=size_class, languages=languages)
        target = published(company=poster, is_anonymous=True, language="ja")
        found = profile_factors(
            facts_of(source, {}), facts_of(target, {}, as_target=True), 0.8, 0, target.published_at
        )
        return {f.key: f.value for f in found if f.key in ("size", "language")}

    assert factors("small_enterprise", ["en"]) == factors("large_jp", ["ja"])
    assert factors("small_enterprise", ["en"]) == {"size": 0.75, "language": 0.0}
