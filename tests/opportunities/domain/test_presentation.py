from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

from jembatan.opportunities.domain.presentation import neutral_company_label, public_view
from tests.factories import CompanyFactory
from tests.opportunities.factories import attach, published, textiles_sector, west_java


def test_neutral_label_indonesian_with_region_and_sector(db) -> None:  # type: ignore[no-untyped-def]
    profile = published(
        company=CompanyFactory(country="ID", region=west_java()),
        sector=textiles_sector(),
        # As domain/anonymity.refresh_label stores it when k published firms share both.
        label_area="ID-JB",
        label_sector="textiles",
        label_checked_at=timezone.now(),
    )
    with translation.override("en"):
        assert neutral_company_label(profile.company, profile) == (
            "Indonesian IKM in West Java, textiles, garments and batik"
        )


def test_neutral_label_japanese_without_region_or_sector(db) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=CompanyFactory(country="JP"))
    with translation.override("en"):
        assert neutral_company_label(profile.company, profile) == "Japanese SME"


def test_public_view_hides_identity_from_outsider(outsider, company) -> None:  # type: ignore[no-untyped-def]
    company.website = "https://rahasia.example/"
    company.save()
    profile = published(company=company, is_anonymous=True)
    attach(profile, "Rahasia_katalog.pdf")
    with translation.override("en"):
        view = public_view(profile, outsider)
    assert (
        view.identity_hidden,
        view.company_id,
        view.company_website,
        view.company_registry_id,
        [a.name for a in view.attachments],
    ) == (True, None, "", "", ["Attachment 1.pdf"])
    assert view.company_label == "Indonesian IKM"


def test_public_view_shows_identity_to_owner_and_officer(member, officer, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company, is_anonymous=True)
    attach(profile, "Rahasia_katalog.pdf")
    for viewer in (member, officer):
        view = public_view(profile, viewer)
        assert (view.company_label, view.company_id, view.attachments[0].name) == (
            company.name,
            company.pk,
            "Rahasia_katalog.pdf",
        )


def test_public_view_disclosed_profile_shows_identity(outsider, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(
        company=company, is_anonymous=True, disclosed_at=dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    )
    assert public_view(profile, outsider).company_label == company.name


def test_public_view_returned_reason_only_for_managers(member, viewer, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company, returned_reason="Lengkapi data.")
    assert (
        public_view(profile, member).returned_reason,
        public_view(profile, viewer).returned_reason,
    ) == (
        "Lengkapi data.",
        "",
    )
