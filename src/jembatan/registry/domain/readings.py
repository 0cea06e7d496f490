"""Readings of company names in the other script, so that a name can be found as it is typed.

- A Japanese firm's name in Latin letters (romaji): from the kana the firm gave
  (``name_kana``), else from SudachiPy's readings of the kanji (a guess: proper names have
  several readings), converted to Hepburn-like romaji with jaconv. An Indonesian reader
  types "Yamada Seisakusho" and finds 株式会社山田製作所.
- An Indonesian firm's name in katakana, generated from its spelling by the rules Japanese
  writers use for Indonesian words (Maju Bersama -> マジュ ベルサマ). A Japanese reader types
  マジュ・ベルサマ and finds PT Maju Bersama.

``readings_generated`` says that a reading was made by the machine rather than taken from
what the firm wrote; pages mark such a reading. Matching compares *keys* that forgive the
usual variations: long vowels (Tōkyō, Toukyou, Tokyo), ッ and ー, ティ/チ, ・ and spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import jaconv

from jembatan.core.domain.japanese_text import reading_forms


class NamedFirm(Protocol):
    """What the readings need of a company. A protocol, not the model: the model calls
    fill_readings on save, and importing it here would make a circle."""

    name: str
    name_alt: str
    name_kana: str
    country: str


JAPAN = "JP"  # Country.JAPAN

# Legal forms and suffixes left out of readings (a reader types the distinctive part).
_ID_FORMS = re.compile(r"\b(pt|cv|ud|tbk|koperasi|persero|perum|fa|pd)\b\.?", re.IGNORECASE)
_JP_FORMS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "(同)")
_JP_FORM_READINGS = ("カブシキガイシャ", "カブシキカイシャ", "ユウゲンガイシャ", "ゴウドウガイシャ")
_LATIN = re.compile(r"[A-Za-z]")
_KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA = re.compile(r"^[\u30a0-\u30ff\s・]+$")


@dataclass(frozen=True)
class Readings:
    latin: str
    kana: str
    generated: bool


def is_latin(text: str) -> bool:
    """Whether ``text`` is written in Latin letters (and holds no kana or kanji)."""
    return bool(_LATIN.search(text)) and not _KANA_OR_KANJI.search(text)


def has_japanese_script(text: str) -> bool:
    return bool(_KANA_OR_KANJI.search(text))


# --- Japanese names to romaji -------------------------------------------------------------


def _strip_japanese_forms(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    for form in _JP_FORMS:
        name = name.replace(form, " ")
    return name.strip()


def kana_of(text: str) -> str:
    """A katakana reading of Japanese text from SudachiPy (proper names: a likely guess)."""
    return " ".join(reading_forms(text))


def romaji(kana: str) -> str:
    """Katakana or hiragana to lower-case romaji (jaconv's Hepburn-like table)."""
    hiragana = jaconv.kata2hira(unicodedata.normalize("NFKC", kana)).replace("・", " ")
    for form in _JP_FORM_READINGS:
        hiragana = hiragana.replace(jaconv.kata2hira(form), " ")
    if "っ" in hiragana:  # jaconv reads っ by its place in the whole text
        return _romaji_of(hiragana)
    # Otherwise jaconv maps kana sequences that never span a space: word by word is the
    # same, and names repeat their words (ヤマダ, セイサクショ), so each is converted once.
    return " ".join(word for word in map(_romaji_of_word, hiragana.split()) if word)


def _romaji_of(hiragana: str) -> str:
    text = jaconv.kana2alphabet(hiragana)
    text = text.replace("ー", "")
    return re.sub(r"\s+", " ", text).strip().lower()


_romaji_of_word = lru_cache(maxsize=65536)(_romaji_of)


# --- Indonesian names to katakana ---------------------------------------------------------

_VOWELS = "aiueo"
_ROWS: dict[str, str] = {
    "": "アイウエオ",
    "k": "カキクケコ",
    "g": "ガギグゲゴ",
    "s": "サシスセソ",
    "z": "ザジズゼゾ",
    "t": "タ,ティ,トゥ,テ,ト",
    "d": "ダ,ディ,ドゥ,デ,ド",
    "n": "ナニヌネノ",
    "h": "ハヒフヘホ",
    "b": "バビブベボ",
    "p": "パピプペポ",
    "m": "マミムメモ",
    "y": "ヤ,イ,ユ,イェ,ヨ",
    "r": "ラリルレロ",
    "l": "ラリルレロ",
    "w": "ワ,ウィ,ウ,ウェ,ウォ",
    "f": "ファ,フィ,フ,フェ,フォ",
    "v": "バビブベボ",
    "j": "ジャ,ジ,ジュ,ジェ,ジョ",
    "c": "チャ,チ,チュ,チェ,チョ",
    "sy": "シャ,シ,シュ,シェ,ショ",
    "ny": "ニャ,ニ,ニュ,ニェ,ニョ",
    "ng": "ンガ,ンギ,ング,ンゲ,ンゴ",
    "kh": "カキクケコ",
    "q": "カキクケコ",
    "x": "クサ,クシ,クス,クセ,クソ",
}
# A consonant with no vowel after it: how Japanese writers end it.
_CODA = {
    "n": "ン",
    "ng": "ン",
    "m": "ム",
    "t": "ト",
    "d": "ド",
    "k": "ク",
    "h": "",
    "r": "ル",
    "l": "ル",
    "s": "ス",
    "p": "プ",
    "b": "ブ",
    "g": "グ",
    "f": "フ",
    "sy": "シュ",
    "kh": "フ",
}
_DIGRAPHS = ("ng", "ny", "sy", "kh")


def _without_accents(text: str) -> str:
    """`text` decomposed (NFKD) without its combining marks; ASCII is left as it is."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_NOT_LATIN_KEY = re.compile(r"[^a-z0-9]")


def _row(consonant: str) -> list[str]:
    cells = _ROWS.get(consonant, "")
    return cells.split(",") if "," in cells else list(cells)


@lru_cache(maxsize=65536)  # names repeat their words (Maju, Jaya, Abadi): an import reuses them
def _word_to_katakana(word: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        consonant = next((d for d in _DIGRAPHS if word.startswith(d, i)), word[i])
        if consonant in _VOWELS:
            consonant = ""
        j = i + len(consonant)
        if j < len(word) and word[j] in _VOWELS and consonant in _ROWS:
            out.append(_row(consonant)[_VOWELS.index(word[j])])
            i = j + 1
        elif consonant == "m" and j < len(word) and word[j] in "bp":
            out.append("ン")  # Palembang: パレンバン
            i = j
        elif consonant in _CODA:
            out.append(_CODA[consonant])
            i = j
        elif consonant in _ROWS and consonant:
            out.append(_row(consonant)[2])  # u-column: the usual epenthetic vowel
            i = j
        else:
            i = j if j > i else i + 1
    return "".join(out)


def indonesian_katakana(name: str) -> str:
    """Katakana for an Indonesian (or other Latin-script) name, legal form left out."""
    text = _without_accents(name).lower()
    text = _ID_FORMS.sub(" ", text)
    words = re.findall(r"[a-z]+", text)
    return " ".join(kana for kana in (_word_to_katakana(word) for word in words) if kana)


# --- Readings of a company ----------------------------------------------------------------


def readings_for(name: str, name_alt: str, name_kana: str, country: str) -> Readings:
    """The Latin and kana readings of a firm's name (see the module docstring)."""
    if country == JAPAN:
        kana = unicodedata.normalize("NFKC", name_kana).strip()
        if kana:
            return Readings(romaji(kana), "", generated=False)
        source = name if has_japanese_script(name) else name_alt
        if not has_japanese_script(source):
            return Readings("", "", generated=False)
        guessed = kana_of(_strip_japanese_forms(source))
        return Readings(romaji(guessed), guessed, generated=True)
    latin = name if is_latin(name) else name_alt
    if not is_latin(latin):
        return Readings("", "", generated=False)
    return Readings("", indonesian_katakana(latin), generated=True)


READING_FIELDS = ("reading_latin", "reading_kana", "readings_generated", "name_keys")


def name_keys(name: str, name_alt: str, name_kana: str, readings: Readings) -> str:
    """What a typed name is compared with: the Latin and kana keys of every name and reading."""
    keys: dict[str, None] = {}
    for text in (name, name_alt, readings.latin):
        if text and not has_japanese_script(text):
            keys.setdefault(latin_key(text), None)
    for text in (name, name_alt, name_kana, readings.kana):
        if text and has_japanese_script(text):
            keys.setdefault(kana_key(text), None)
    return " ".join(key for key in keys if key)


def fill_readings(company: NamedFirm) -> bool:
    """Set the company's reading fields from its names; returns whether they changed."""
    readings = readings_for(company.name, company.name_alt, company.name_kana, company.country)
    keys = name_keys(company.name, company.name_alt, company.name_kana, readings)
    new = (readings.latin[:255], readings.kana[:255], readings.generated, keys)
    old = tuple(getattr(company, field) for field in READING_FIELDS)
    for field, value in zip(READING_FIELDS, new, strict=True):
        setattr(company, field, value)
    return new != old


# --- Keys for matching what is typed against the readings -----------------------------------

_KANA_FOLDS = (
    ("ティ", "チ"),
    ("ディ", "ジ"),
    ("ヂ", "ジ"),
    ("ヅ", "ズ"),
    ("ヴ", "ブ"),
    ("ヲ", "オ"),
    ("トゥ", "ツ"),
    ("ドゥ", "ズ"),
)
_KANA_DROPS = re.compile(r"[ッーｰ・\s·.,\-]")
_LONG_VOWELS = (("ou", "o"), ("oo", "o"), ("uu", "u"), ("aa", "a"), ("ii", "i"), ("ee", "e"))


def kana_key(text: str) -> str:
    """Katakana with the variations writers differ on folded away."""
    text = jaconv.hira2kata(unicodedata.normalize("NFKC", text))
    text = _KANA_DROPS.sub("", text)
    for source, target in _KANA_FOLDS:
        text = text.replace(source, target)
    return text


def latin_key(text: str) -> str:
    """Lower-case ASCII letters and digits with long vowels and spaces folded."""
    text = _without_accents(text).lower()
    text = _NOT_LATIN_KEY.sub("", text)
    for source, target in _LONG_VOWELS:
        text = text.replace(source, target)
    return text


def is_katakana_query(text: str) -> bool:
    return bool(_KATAKANA.match(jaconv.hira2kata(unicodedata.normalize("NFKC", text)).strip()))
