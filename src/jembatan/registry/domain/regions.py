"""Regions: Indonesian provinces and Japanese prefectures (ISO 3166-2).

The list of codes comes from ``pycountry``; the names come from our own
``data/regions.csv``, because pycountry's translations are wrong or missing
for these languages (it gives ``ジャワ州`` for Jawa Barat, ``兵庫`` without the
prefecture suffix, and misspells Papua Pegunungan as "Papua Pengunungan").

Naming conventions in ``regions.csv``:

- English: the common form without macrons or suffixes (``Hyogo``, ``Tokyo``,
  ``West Java``, ``Jakarta``);
- Indonesian: provinces by their official short names (``Jawa Barat``,
  ``DKI Jakarta``, ``DI Yogyakarta``); prefectures by the bare name as in
  English (``Hyogo``), since Indonesian usage does not agree on "Prefektur";
- Japanese: prefectures with their suffix (``北海道``, ``東京都``, ``大阪府``,
  ``兵庫県``); provinces in the usual katakana with ``州`` (``西ジャワ州``).

``aliases`` holds other accepted spellings and common abbreviations
(``Jabar``, ``DIY``), separated by ``|``.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

import pycountry

Language = Literal["en", "id", "ja"]

COUNTRIES: Final = ("ID", "JP")
_KINDS: Final = {
    "Province": "province",
    "Capital district": "capital_district",
    "Special region": "special_region",
    "Prefecture": "prefecture",
}
_JP_SUFFIX_ROMAJI: Final = {"県": "ken", "都": "to", "府": "fu", "道": ""}


@dataclass(frozen=True, slots=True)
class Region:
    """One ISO 3166-2 subdivision with its names in the programme's languages."""

    code: str
    """Full ISO 3166-2 code, e.g. ``ID-JB`` or ``JP-28``."""
    country: str
    kind: str
    """``province``, ``capital_district``, ``special_region`` or ``prefecture``."""
    name_en: str
    name_id: str
    name_ja: str
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def subdivision(self) -> str:
        """The part after the country, e.g. ``JB`` or ``28``."""
        return self.code.split("-", 1)[1]

    def name(self, language: Language) -> str:
        """Return the name in ``language`` (``en``, ``id`` or ``ja``)."""
        return {"en": self.name_en, "id": self.name_id, "ja": self.name_ja}[language]


def normalise_key(text: str) -> str:
    """Fold ``text`` for matching: case, width, Latin diacritics, spaces, punctuation.

    Latin long vowels written out (``ou``, ``oo``, ``uu``) fold to one vowel so
    that ``Hyougo`` and ``Hyōgo`` both match ``Hyogo``. Kana keep their voicing
    marks: only marks on Latin letters are dropped.
    """
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    folded = unicodedata.normalize("NFKC", "".join(kept)).casefold()
    folded = "".join(ch for ch in folded if ch.isalnum())
    for long_vowel, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        folded = folded.replace(long_vowel, short)
    return folded


def _pycountry_subdivisions(country: str) -> dict[str, tuple[str, str]]:
    """Return ``{code: (kind, pycountry name)}`` for provinces or prefectures."""
    # Iterating rather than calling the untyped ``subdivisions.get()``.
    return {
        sub.code: (_KINDS[sub.type], sub.name)
        for sub in pycountry.subdivisions
        if sub.country_code == country and sub.type in _KINDS
    }


def _read_corrections() -> list[dict[str, str]]:
    data = importlib.resources.files(__package__).joinpath("data/regions.csv")
    with io.StringIO(data.read_text(encoding="utf-8")) as handle:
        return list(csv.DictReader(handle))


@functools.cache
def _regions() -> dict[str, Region]:
    """Load and cross-check the regions; a mismatch with pycountry is a bug."""
    official = {
        code: kind_name
        for country in COUNTRIES
        for code, kind_name in _pycountry_subdivisions(country).items()
    }
    regions: dict[str, Region] = {}
    for row in _read_corrections():
        code = row["code"]
        if code not in official:
            raise RuntimeError(f"regions.csv has {code}, which pycountry lacks")
        kind, pycountry_name = official[code]
        aliases = [alias for alias in row["aliases"].split("|") if alias]
        regions[code] = Region(
            code=code,
            country=code[:2],
            kind=kind,
            name_en=row["name_en"],
            name_id=row["name_id"],
            name_ja=row["name_ja"],
            aliases=(*aliases, pycountry_name),
        )
    missing = sorted(set(official) - set(regions))
    if missing:
        raise RuntimeError(f"regions.csv lacks {', '.join(missing)}")
    return regions


def _name_variants(region: Region) -> Iterable[str]:
    yield from (region.name_en, region.name_id, region.name_ja, *region.aliases)
    if region.country == "JP":
        suffix = region.name_ja[-1]
        yield region.name_ja[:-1] if suffix != "道" else region.name_ja
        bare = region.name_en
        yield f"{bare}{_JP_SUFFIX_ROMAJI[suffix]}"
        yield f"{bare} prefecture"
        yield f"prefektur {bare}"
        if suffix == "都":
            yield f"{bare} metropolis"
    else:
        for ja_suffix in ("首都特別州", "特別州", "州"):
            if region.name_ja.endswith(ja_suffix):
                yield region.name_ja.removesuffix(ja_suffix)
                break
        yield region.name_id.replace("Sumatera", "Sumatra")
        yield f"provinsi {region.name_id}"
        yield f"{region.name_en} province"
        yield f"province of {region.name_en}"


@functools.cache
def _index(country: str) -> dict[str, Region]:
    index: dict[str, Region] = {}
    for region in list_regions(country):
        for variant in (*_name_variants(region), region.code, region.subdivision):
            key = normalise_key(variant)
            if index.setdefault(key, region) != region:
                raise RuntimeError(f"{variant!r} names both {index[key].code} and {region.code}")
    return index


def list_regions(country: str) -> list[Region]:
    """Return the provinces (``ID``) or prefectures (``JP``), ordered by code."""
    country = country.upper()
    return sorted(
        (region for region in _regions().values() if region.country == country),
        key=lambda region: region.code,
    )


def get_region(code: str) -> Region:
    """Return the region with this exact ISO 3166-2 code; ``KeyError`` if none."""
    return _regions()[code.upper()]


def resolve_region(value: str, country: str) -> Region | None:
    """Find a region of ``country`` from a code or a name someone typed.

    Accepts ``ID-JB``, ``JB``, ``JP-28``, ``28`` and ``8``; and names in English,
    Indonesian or Japanese, with or without suffixes (``Hyogo``, ``Hyōgo``,
    ``兵庫``, ``兵庫県``, ``Hyogo-ken``, ``Hyogo Prefecture``, ``West Java``,
    ``Provinsi Jawa Barat``, ``西ジャワ``, ``Jabar``). Case, width, spaces,
    punctuation and Latin diacritics are ignored. Returns ``None`` when
    nothing matches.
    """
    country = country.upper()
    if country not in COUNTRIES:
        return None
    key = normalise_key(value)
    if country == "JP" and key.isdigit() and len(key) == 1:
        key = f"0{key}"
    return _index(country).get(key)
