"""Japanese demo SMEs: town, size, legal form and name (kanji, kana, romaji), corporate
number, certifications, export, description (Japanese, a few in English) and contacts."""

from __future__ import annotations

import random

from jembatan.demo.domain.contacts import contacts_jp
from jembatan.demo.domain.identifiers import corporate_number
from jembatan.demo.domain.places import JP_TOWNS, REGION_NAMES, Town
from jembatan.demo.domain.profiles import JP_PROFILES, Profile
from jembatan.demo.domain.spec import (
    CERTIFICATION_NAMES,
    CompanySpec,
    certifications,
    codes,
    employees_between,
    export_experience,
    other_certification,
    slugify_ascii,
    verification,
)
from jembatan.demo.domain.text_id import FirmFacts
from jembatan.demo.domain.text_ja import describe, describe_en
from jembatan.demo.domain.vocab_ja import NAME_ROOTS, VOCAB_JA

# The first firm of these profiles is a larger company (over 300 employees): the registry
# holds a few, and the size rules must tell them apart.
LARGE_FIRST: frozenset[str] = frozenset(
    {"jp_auto", "jp_electronic", "jp_packaging_machine", "jp_machinery"}
)
ENGLISH_SHARE = 0.08
ROMAJI_FORMS: dict[str, str] = {"KK": "Co., Ltd.", "YK": "Ltd.", "GK": "LLC"}
KANJI_FORMS: dict[str, str] = {"KK": "株式会社", "YK": "有限会社", "GK": "合同会社"}


def _capital(rng: random.Random, form: str, employees: int, large: bool) -> int:
    if large:
        choices: tuple[int, ...] = (350, 480, 800, 1_200, 2_000)
    elif form == "YK":
        choices = (3, 5, 6, 10)
    elif form == "GK":
        choices = (3, 5, 10)
    elif employees <= 20:
        choices = (10, 10, 20, 30)
    elif employees <= 100:
        choices = (20, 30, 48, 50, 80, 90, 99)
    else:
        choices = (50, 90, 99, 100, 150, 200, 300)
    return rng.choice(choices) * 1_000_000


def _turnover(rng: random.Random, employees: int) -> str:
    turnover = employees * rng.randint(12, 40) * 1_000_000
    for limit, band in ((100e6, "jp_lt_100m"), (1e9, "jp_lt_1b"), (10e9, "jp_lt_10b")):
        if turnover < limit:
            return band
    return "jp_ge_10b"


def _legal_form(rng: random.Random, year: int, employees: int) -> str:
    if year <= 2005 and employees <= 20 and rng.random() < 0.4:
        return "YK"  # no new yugen kaisha since 2006; old ones live on
    if year >= 2008 and employees <= 60 and rng.random() < 0.35:
        return "GK"
    return "KK"


def _names(
    rng: random.Random, profile: Profile, form: str, taken: set[str]
) -> tuple[str, str, str, str]:
    """(legal name in kanji, kana, romaji name, web slug), not yet in `taken`."""
    for _ in range(200):
        root, root_kana, root_r = rng.choice(NAME_ROOTS)
        suffix, suffix_kana, suffix_r = rng.choice(VOCAB_JA[profile.key].suffixes)
        core = root + suffix
        slug = slugify_ascii(f"{root_r} {suffix_r}")
        if core in taken or slug in taken:
            continue
        taken.update({core, slug})
        kanji = KANJI_FORMS[form]
        name = f"{core}{kanji}" if form == "KK" and rng.random() < 0.5 else f"{kanji}{core}"
        return name, root_kana + suffix_kana, f"{root_r} {suffix_r} {ROMAJI_FORMS[form]}", slug
    raise RuntimeError(f"No free demo name for {profile.key}")  # pragma: no cover


def _address(rng: random.Random, town: Town) -> str:
    pref = REGION_NAMES[town.region][2]
    street = rng.choice(town.streets)
    return f"{pref}{town.name}{street}{rng.randint(1, 8)}-{rng.randint(1, 30)}-{rng.randint(1, 25)}"


def _firm(
    rng: random.Random, profile: Profile, index: int, ids: set[str], names: set[str]
) -> CompanySpec:
    town = JP_TOWNS[rng.choice(profile.towns)]
    large = index == 0 and profile.key in LARGE_FIRST
    employees = rng.randint(450, 1_200) if large else employees_between(rng, *profile.employees)
    year = rng.randint(1920, 2020)
    form = "KK" if large else _legal_form(rng, year, employees)
    name, kana, romaji, slug = _names(rng, profile, form, names)
    domain = f"{slug}.example.co.jp"
    certs = certifications(rng, profile, min(employees, profile.employees[1]))
    other = other_certification(rng, profile)
    export = export_experience(rng, min(employees, profile.employees[1]), profile.employees[1])
    low, high = profile.capacity
    capacity = round(low + (high - low) * min(employees, 300) / 300, -1) if high else 0
    cert_names = tuple(CERTIFICATION_NAMES[c] for c in certs)
    facts = FirmFacts(
        name=name,
        town=town.name,
        province=REGION_NAMES[town.region][2],
        year=year,
        employees=employees,
        certifications=cert_names + ((other,) if other else ()),
        export=export,
        capacity=int(capacity),
    )
    in_english = rng.random() < ENGLISH_SHARE
    if in_english:
        en_facts = FirmFacts(romaji, town.romaji, "", year, employees, cert_names, export, 0)
        pref_en = REGION_NAMES[town.region][0]
        description = describe_en(rng, VOCAB_JA[profile.key], en_facts, town.romaji, pref_en)
    else:
        description = describe(rng, VOCAB_JA[profile.key], facts)
    english = in_english or export != "none" or rng.random() < 0.5
    languages = ("ja", "en") if english else ("ja",)
    state, note = verification(rng, "JP")
    return CompanySpec(
        profile=profile.key,
        country="JP",
        registry_id=corporate_number(rng, town.region, form, ids),
        name=name,
        name_alt=romaji,
        name_kana=kana,
        legal_form=form,
        address=_address(rng, town),
        region=town.region,
        city=town.name,
        founded_year=year,
        employees=employees,
        capital_amount=_capital(rng, form, employees, large),
        capital_currency="JPY",
        turnover_band=_turnover(rng, employees),
        export_experience=export,
        certifications=certs,
        other_certifications=other,
        languages=languages,
        website=f"https://{domain}" if rng.random() < 0.85 else "",
        description=description,
        description_language="en" if in_english else "ja",
        sector=profile.sector,
        codes=codes(rng, profile),
        verification=state,
        verification_note=note,
        contacts=tuple(contacts_jp(rng, town, domain, form, english)),
    )


def japanese_companies(rng: random.Random) -> list[CompanySpec]:
    ids: set[str] = set()
    names: set[str] = set()
    return [
        _firm(rng, profile, index, ids, names)
        for profile in JP_PROFILES
        for index in range(profile.count)
    ]
