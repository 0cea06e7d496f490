"""`jembatan demo`: the demo data set is complete, valid, varied and the same on every run."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import phonenumbers
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from jembatan.accounts.models import User
from jembatan.demo.domain.companies import demo_companies
from jembatan.demo.domain.reference import load_reference_data
from jembatan.demo.domain.users import DEMO_PASSWORD
from jembatan.registry.domain.identifiers import normalise_corporate_number, normalise_nib
from jembatan.registry.models import Classification, Company, Contact, ProgrammeSector

KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
NO_REFERENCE = "Reference classification files not found: using programme sectors only."


def run_demo(*args: str) -> str:
    out = StringIO()
    with translation.override("en"), override_settings(JEMBATAN_REFERENCE_DATA=""):
        call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """One demo run for the module, with the synced sectors and two codes; rolled back after.

    A fast password hasher: logging in with PBKDF2 takes about a second each time.
    """
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(PASSWORD_HASHERS=hashers),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        Classification.objects.create(scheme="kbli2020", code="13134", level="kelompok")
        Classification.objects.create(scheme="jsic14", code="2645", level="detail")
        yield run_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output: str, db) -> str:  # type: ignore[no-untyped-def]
    return demo_output


def sentences(company: Company) -> set[str]:
    if company.description_language == "ja":
        return {s for s in re.split(r"(?<=。)", company.description) if s}
    return {s for s in re.split(r"(?<=\.) ", company.description) if s}


def test_demo_counts_reach_the_issue_minimums(demo: str) -> None:
    assert Company.objects.filter(country="ID").count() >= 300
    assert Company.objects.filter(country="JP").count() >= 150
    assert "Companies: 320 Indonesian, 162 Japanese" in demo


def test_demo_identifiers_valid_and_unique(demo: str) -> None:
    nibs = list(Company.objects.filter(country="ID").values_list("registry_id", flat=True))
    numbers = list(Company.objects.filter(country="JP").values_list("registry_id", flat=True))
    assert all(normalise_nib(n) == n for n in nibs)
    assert all(normalise_corporate_number(n) == n for n in numbers)
    assert len(set(nibs)) == len(nibs)
    assert len(set(numbers)) == len(numbers)


def test_demo_descriptions_distinct_and_in_their_language(demo: str) -> None:
    companies = list(Company.objects.all())
    assert len({c.description for c in companies}) == len(companies)
    languages = Counter((c.country, c.description_language) for c in companies)
    assert languages[("ID", "id")] == 320
    assert languages[("JP", "ja")] + languages[("JP", "en")] == 162
    assert languages[("JP", "en")] > 0
    for company in companies:
        assert 3 <= len(sentences(company)) <= 5, company.description
        has_japanese = bool(KANA_OR_KANJI.search(company.description))
        assert has_japanese == (company.description_language == "ja"), company.description


def test_demo_descriptions_share_at_most_70_percent_of_sentences(demo: str) -> None:
    companies = list(Company.objects.all())
    by_sentence: dict[str, set[int]] = defaultdict(set)
    for index, company in enumerate(companies):
        for sentence in sentences(company):
            by_sentence[sentence].add(index)
    worst = 0.0
    for index, company in enumerate(companies):
        own = sentences(company)
        shared = Counter(j for s in own for j in by_sentence[s] if j != index)
        for other, count in shared.items():
            worst = max(worst, count / min(len(own), len(sentences(companies[other]))))
    assert worst <= 0.7


def test_demo_sizes_within_the_programme_ranges(demo: str) -> None:
    ikm = Company.objects.filter(country="ID")
    assert {c.capital_currency for c in ikm} == {"IDR"}
    assert all(3 <= c.employees <= 150 for c in ikm)  # type: ignore[operator]
    assert all(50_000_000 <= c.capital_amount <= 20_000_000_000 for c in ikm)  # type: ignore[operator]
    sme = Company.objects.filter(country="JP")
    assert {c.capital_currency for c in sme} == {"JPY"}
    assert {c.legal_form for c in sme} == {"KK", "YK", "GK"}
    assert {c.legal_form for c in ikm} == {"PT", "CV", "UD", "KOPERASI"}
    assert sum(1 for c in sme if c.employees > 300) == 4  # type: ignore[operator]


def test_demo_contacts_have_valid_phones_and_firm_emails(demo: str) -> None:
    contacts = list(Contact.objects.select_related("company"))
    assert len(contacts) >= 482
    for contact in contacts:
        parsed = phonenumbers.parse(contact.phone)
        assert phonenumbers.is_valid_number(parsed), contact.phone
        expected = "+62" if contact.company.country == "ID" else "+81"
        assert contact.phone.startswith(expected)
        assert contact.email.endswith(".example.co.id" if expected == "+62" else ".example.co.jp")
    primaries = Counter(c.company_id for c in contacts if c.is_primary)
    assert set(primaries.values()) == {1}
    assert len(primaries) == Company.objects.count()


def test_demo_links_sectors_and_existing_codes_only(demo: str) -> None:
    batik = Company.objects.filter(classifications__code="13134")
    assert batik.exists()
    assert {s.slug for c in batik for s in c.sectors.all()} == {"textiles"}
    linked = set(
        ProgrammeSector.objects.filter(companies__isnull=False).values_list("slug", flat=True)
    )
    assert linked == set(ProgrammeSector.objects.values_list("slug", flat=True)) - {
        "digital-it",
        "herbal-jamu",
    }
    machine_makers = Company.objects.filter(classifications__code="2645", country="JP")
    assert machine_makers.exists()


def test_demo_verification_leaves_a_queue(demo: str) -> None:
    counts = Counter(Company.objects.values_list("verification", flat=True))
    total = sum(counts.values())
    assert 0.10 <= counts["unverified"] / total <= 0.20
    assert counts["rejected"] > 0
    assert not Company.objects.filter(verification="verified", verified_by__isnull=True).exists()
    assert not Company.objects.filter(verification="rejected", verification_note="").exists()


@pytest.mark.parametrize(
    ("username", "role", "language"),
    [
        ("admin", "officer", "en"),
        ("officer.kemenperin", "officer", "id"),
        ("officer.jetro", "officer", "ja"),
        ("ikm.batik", "company_member", "id"),
        ("sme.packaging", "company_member", "ja"),
        ("smti.yogyakarta", "institution_member", "id"),
        ("kosen.akashi", "institution_member", "ja"),
        ("viewer", "viewer", "en"),
    ],
)
def test_demo_user_for_each_role_can_log_in(
    demo: str, client: Client, username: str, role: str, language: str
) -> None:
    user = User.objects.get(username=username)
    assert (user.role, user.language) == (role, language)
    assert client.login(username=username, password=DEMO_PASSWORD)
    assert username in demo


def test_demo_members_act_for_fitting_firms(demo: str) -> None:
    batik = User.objects.get(username="ikm.batik").organisation
    packaging = User.objects.get(username="sme.packaging").organisation
    assert batik is not None
    assert batik.company is not None
    assert packaging is not None
    assert packaging.company is not None
    assert "batik" in batik.company.description.lower()
    assert batik.company.verification == "verified"
    assert packaging.company.country == "JP"
    assert "包装" in packaging.company.description
    institution = User.objects.get(username="smti.yogyakarta").organisation
    assert institution is not None
    assert (institution.name, institution.kind) == ("SMTI Yogyakarta", "institution")
    assert User.objects.get(username="admin").is_superuser


def test_demo_second_run_changes_nothing(demo: str) -> None:
    before = sorted(Company.objects.values_list("country", "registry_id", "name", "description"))
    contacts = Contact.objects.count()
    Company.objects.filter(country="ID").update(name="Edited by hand", employees=999)
    run_demo()
    assert (
        sorted(Company.objects.values_list("country", "registry_id", "name", "description"))
        == before
    )
    assert Contact.objects.count() == contacts
    assert User.objects.count() == 8  # the 7 demo users and the vocational demo's kosen.akashi


def test_demo_reset_recreates_the_same_data(demo: str) -> None:
    names = sorted(Company.objects.values_list("name", flat=True))
    run_demo("--reset")
    assert sorted(Company.objects.values_list("name", flat=True)) == names


def test_demo_without_reference_data_says_so(demo: str) -> None:
    assert demo.startswith(NO_REFERENCE)


def test_demo_generator_deterministic() -> None:
    first, second = demo_companies(), demo_companies()
    assert first == second
    assert first != demo_companies(seed=1)


def test_load_reference_data_missing_folder_reports_it(tmp_path: Path) -> None:
    lines: list[str] = []
    with translation.override("en"):
        assert load_reference_data(tmp_path / "absent", lines.append) is False
        assert load_reference_data(None, lines.append) is False
    assert lines == [NO_REFERENCE, NO_REFERENCE]


def test_demo_anonymous_labels_fit_at_least_k_published_firms(demo: str) -> None:
    """No anonymous demo profile's neutral label narrows its poster below k firms (issue 7)."""
    from jembatan.opportunities.domain.anonymity import (
        LabelScope,
        anonymity_k,
        sharing_companies,
    )
    from jembatan.opportunities.models import PartnershipProfile

    anonymous = PartnershipProfile.objects.filter(is_anonymous=True).select_related("company")
    narrow = [
        (p.pk, p.label_area, p.label_sector)
        for p in anonymous
        if (p.label_area or p.label_sector)
        and sharing_companies(p.company.country, LabelScope(p.label_area, p.label_sector)).count()
        < anonymity_k()
    ]
    checked = [p.pk for p in anonymous if p.label_checked_at is None]
    assert (anonymous.count() > 0, narrow, checked) == (True, [], [])


def test_demo_profiles_have_distinct_texts(demo: str) -> None:
    from jembatan.matching.domain.embeddings import profile_text
    from jembatan.opportunities.models import PartnershipProfile

    profiles = list(PartnershipProfile.objects.all())
    texts = [profile_text(p) for p in profiles]
    heads = [(p.title, p.summary) for p in profiles]  # what a list of results shows
    assert len(texts) > 300
    assert [text for text, n in Counter(texts).items() if n > 1] == []
    assert [head for head, n in Counter(heads).items() if n > 1] == []


def test_demo_profiles_cover_every_cooperation_type_both_ways(demo: str) -> None:
    from jembatan.opportunities.models import CooperationType, Direction, PartnershipProfile

    seen = {
        (country, kind, direction)
        for country, direction, types in PartnershipProfile.objects.values_list(
            "company__country", "direction", "cooperation_types"
        )
        for kind in types
    }
    wanted = {
        (country, kind, direction)
        for country in ("ID", "JP")
        for kind in CooperationType.values
        for direction in Direction.values
    }
    assert wanted - seen == set()


def test_demo_readings_let_names_be_found_in_the_other_script(demo: str) -> None:
    maju = Company.objects.filter(country="ID", reading_kana__gt="").first()
    kanji = Company.objects.filter(country="JP", reading_latin__gt="").first()
    assert maju is not None
    assert kanji is not None
