"""Indonesian demo IKM: town, size, legal form and name, NIB, certifications, export,
description and contacts, drawn profile by profile."""

from __future__ import annotations

import random

from jembatan.demo.domain.contacts import contacts_id
from jembatan.demo.domain.identifiers import nib
from jembatan.demo.domain.places import ID_TOWNS, REGION_NAMES
from jembatan.demo.domain.profiles import ID_PROFILES, KOPERASI_PROFILES, Profile
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
from jembatan.demo.domain.text_id import FirmFacts, describe
from jembatan.demo.domain.vocab_id import NAME_ROOTS, VOCAB_ID


def _id_turnover(rng: random.Random, employees: int) -> str:
    turnover = employees * rng.randint(25, 180) * 1_000_000
    for limit, band in ((300e6, "id_lt_300m"), (2.5e9, "id_lt_2_5b"), (50e9, "id_lt_50b")):
        if turnover < limit:
            return band
    return "id_ge_50b"


def _id_legal_form(rng: random.Random, profile: Profile, employees: int, capital: int) -> str:
    koperasi = 10 if profile.key in KOPERASI_PROFILES else 0
    if employees >= 40 or capital >= 2_500_000_000:
        return rng.choices(("PT", "CV"), weights=(85, 15))[0]
    if employees >= 10:
        return rng.choices(("PT", "CV", "UD", "KOPERASI"), weights=(35, 45, 10, koperasi))[0]
    return rng.choices(("PT", "CV", "UD", "KOPERASI"), weights=(5, 35, 45, koperasi * 1.5))[0]


def _id_name(rng: random.Random, profile: Profile, form: str, town: str, taken: set[str]) -> str:
    vocab = VOCAB_ID[profile.key]
    for _ in range(200):
        core, root, root2 = rng.choice(vocab.name_cores), *rng.sample(NAME_ROOTS, 2)
        if form == "KOPERASI" and vocab.koperasi:
            place = town if rng.random() < 0.6 else f"{root} {town}"
            name = f"Koperasi {rng.choice(vocab.koperasi)} {place}"
        else:
            pattern = rng.choice(("{c} {r}", "{r} {c}", "{r} {c} {r2}", "{c} {r} {r2}"))
            label = "UD" if form == "UD" else form
            name = f"{label} " + pattern.format(c=core, r=root, r2=root2)
        slug = slugify_ascii(name.split(" ", 1)[1])
        if name not in taken and slug not in taken:
            taken.update({name, slug})
            return name
    raise RuntimeError(f"No free demo name for {profile.key}")  # pragma: no cover


def _firm(rng: random.Random, profile: Profile, ids: set[str], names: set[str]) -> CompanySpec:
    town = ID_TOWNS[rng.choice(profile.towns)]
    employees = employees_between(rng, *profile.employees)
    capital = min(20_000_000_000, max(50_000_000, employees * rng.randint(8, 90) * 1_000_000))
    capital = round(capital, -7) if capital > 100_000_000 else round(capital, -6)
    form = _id_legal_form(rng, profile, employees, capital)
    name = _id_name(rng, profile, form, town.name, names)
    domain = slugify_ascii(name.split(" ", 1)[1]) + ".example.co.id"
    certs = certifications(rng, profile, employees)
    other = other_certification(rng, profile)
    export = export_experience(rng, employees, profile.employees[1])
    low, high = profile.capacity
    capacity = round(low + (high - low) * employees / profile.employees[1], -1) if high else 0
    facts = FirmFacts(
        name=name,
        town=town.name,
        province=REGION_NAMES[town.region][1],
        year=rng.randint(1975, 2021),
        employees=employees,
        certifications=tuple(CERTIFICATION_NAMES[c] for c in certs) + ((other,) if other else ()),
        export=export,
        capacity=int(capacity),
    )
    english = export != "none" or employees > 40
    languages = ("id", "en") if english else ("id",)
    if rng.random() < 0.04:
        languages = (*languages, "ja")
    state, note = verification(rng, "ID")
    return CompanySpec(
        profile=profile.key,
        country="ID",
        registry_id=nib(rng, ids),
        name=name,
        name_alt="",
        name_kana="",
        legal_form=form,
        address=f"{rng.choice(town.streets)} No. {rng.randint(1, 180)}, {town.name}",
        region=town.region,
        city=town.name,
        founded_year=facts.year,
        employees=employees,
        capital_amount=int(capital),
        capital_currency="IDR",
        turnover_band=_id_turnover(rng, employees),
        export_experience=export,
        certifications=certs,
        other_certifications=other,
        languages=languages,
        website=f"https://{domain}" if rng.random() < 0.7 else "",
        description=describe(rng, VOCAB_ID[profile.key], facts),
        description_language="id",
        sector=profile.sector,
        codes=codes(rng, profile),
        verification=state,
        verification_note=note,
        contacts=tuple(contacts_id(rng, town, domain, form, english)),
    )


def indonesian_companies(rng: random.Random) -> list[CompanySpec]:
    ids: set[str] = set()
    names: set[str] = set()
    return [
        _firm(rng, profile, ids, names) for profile in ID_PROFILES for _ in range(profile.count)
    ]
