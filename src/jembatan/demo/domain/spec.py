"""A demo firm as plain data, and the draws both countries share (size, export,
certifications, codes, verification)."""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass

from jembatan.demo.domain.contacts import ContactSpec
from jembatan.demo.domain.profiles import CERTIFIED_SHARE, Profile

CERTIFICATION_NAMES: dict[str, str] = {
    "iso9001": "ISO 9001",
    "iso14001": "ISO 14001",
    "iatf16949": "IATF 16949",
    "iso22000": "ISO 22000",
    "iso45001": "ISO 45001",
    "sni": "SNI",
    "jis": "JIS",
    "halal": "Halal",
    "haccp": "HACCP",
}

# Certifications outside the Certification table, by profile: (name, share of firms).
OTHER_CERTIFICATIONS: dict[str, tuple[str, float]] = {
    "batik": ("Batikmark", 0.4),
    "furniture": ("SVLK", 0.8),
    "food": ("PIRT", 0.5),
    "chemicals": ("BPOM", 0.7),
    "jp_crafts": ("伝統的工芸品", 0.4),
}

VERIFICATION_NOTES: dict[str, tuple[str, ...]] = {
    "ID": (
        "NIB tidak sesuai dengan nama usaha pada dokumen OSS; mohon unggah ulang dokumen NIB.",
        "Alamat pabrik belum lengkap dan foto lokasi usaha belum dilampirkan.",
        "Nilai investasi tampaknya termasuk tanah dan bangunan; mohon isi tanpa tanah dan bangunan.",
    ),
    "JP": (
        "法人番号と登記上の商号が一致しません。登記事項証明書の写しを添付してください。",
        "従業員数と資本金の記載が会社概要と異なります。最新の数値に更新してください。",
    ),
}


@dataclass(frozen=True)
class CompanySpec:
    profile: str
    country: str
    registry_id: str
    name: str
    name_alt: str
    name_kana: str
    legal_form: str
    address: str
    region: str
    city: str
    founded_year: int
    employees: int
    capital_amount: int
    capital_currency: str
    turnover_band: str
    export_experience: str
    certifications: tuple[str, ...]
    other_certifications: str
    languages: tuple[str, ...]
    website: str
    description: str
    description_language: str
    sector: str
    codes: tuple[str, ...]  # KBLI 2020 (ID) or JSIC Rev.14 (JP)
    verification: str
    verification_note: str
    contacts: tuple[ContactSpec, ...]


def slugify_ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def employees_between(rng: random.Random, low: int, high: int) -> int:
    """Skewed towards small firms, as registries are: the median sits near a fifth of the range."""
    return round(low * math.pow(high / low, math.pow(rng.random(), 1.3)))


def export_experience(rng: random.Random, employees: int, high: int) -> str:
    big = employees / high
    weights = (50 - 35 * big, 30, 15 + 15 * big, 5 + 25 * big)
    return rng.choices(("none", "indirect", "occasional", "regular"), weights=weights)[0]


def certifications(rng: random.Random, profile: Profile, employees: int) -> tuple[str, ...]:
    pool = list(profile.certifications)
    if "iatf16949" in pool and employees < 30:
        pool.remove("iatf16949")  # only suppliers big enough to serve carmakers directly
    if profile.key == "food" and rng.random() < 0.85:
        return ("halal", *rng.sample([c for c in pool if c != "halal"], rng.randint(0, 2)))
    share = CERTIFIED_SHARE[profile.country] * (0.5 + employees / profile.employees[1])
    if not pool or rng.random() > share:
        return ()
    chosen = set(rng.sample(pool, rng.randint(1, min(3, len(pool)))))
    if "iatf16949" in chosen:
        chosen.add("iso9001")
    return tuple(code for code in pool if code in chosen)


def codes(rng: random.Random, profile: Profile) -> tuple[str, ...]:
    first = profile.codes[0] if rng.random() < 0.6 else rng.choice(profile.codes)
    others = [c for c in profile.codes if c != first]
    extra = min(len(others), rng.choice((0, 0, 1, 1, 2)))
    return (first, *rng.sample(others, extra))


def verification(rng: random.Random, country: str) -> tuple[str, str]:
    draw = rng.random()
    if draw < 0.15:
        return "unverified", ""
    if draw < 0.2:
        return "rejected", rng.choice(VERIFICATION_NOTES[country])
    return "verified", ""


def other_certification(rng: random.Random, profile: Profile) -> str:
    name, share = OTHER_CERTIFICATIONS.get(profile.key, ("", 0.0))
    return name if rng.random() < share else ""
