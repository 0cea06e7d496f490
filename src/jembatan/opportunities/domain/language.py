"""Guess whether a text is Indonesian, Japanese or English, without any dependency.

Japanese is recognised by its scripts (kana, kanji). Indonesian and English share the Latin
alphabet, so they are told apart by their most frequent function words, which make up a
large share of any running text and differ completely between the two languages.
"""

from __future__ import annotations

import re
from typing import Literal

DetectedLanguage = Literal["id", "ja", "en"]

_WORD = re.compile(r"[a-z]+")

INDONESIAN_WORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "ini",
        "itu",
        "adalah",
        "kami",
        "kita",
        "dalam",
        "pada",
        "tidak",
        "akan",
        "atau",
        "juga",
        "oleh",
        "sebagai",
        "bisa",
        "dapat",
        "ada",
        "sudah",
        "telah",
        "karena",
        "secara",
        "serta",
        "bagi",
        "para",
        "antara",
        "lebih",
        "setiap",
        "mereka",
        "anda",
        "saya",
        "kerja",
        "sama",
        "kerjasama",
        "mencari",
        "menawarkan",
        "perusahaan",
        "produk",
        "produksi",
        "kami",
        "pabrik",
        "mitra",
        "usaha",
        "industri",
        "kecil",
        "menengah",
        "bahan",
        "baku",
        "tahun",
        "per",
        "untuk",
        "sedang",
        "masih",
        "hanya",
        "namun",
        "tetapi",
        "agar",
        "supaya",
        "jika",
        "bila",
        "tersebut",
        "melalui",
        "seperti",
    ]
)

ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "for",
        "with",
        "is",
        "are",
        "we",
        "our",
        "a",
        "an",
        "on",
        "by",
        "this",
        "that",
        "from",
        "as",
        "be",
        "have",
        "has",
        "looking",
        "seek",
        "seeking",
        "offer",
        "offers",
        "company",
        "products",
        "production",
        "partner",
        "partners",
        "small",
        "medium",
        "industry",
        "which",
        "who",
        "will",
        "can",
        "would",
        "should",
        "their",
        "its",
        "it",
        "not",
        "or",
        "also",
        "such",
        "than",
        "more",
        "per",
        "year",
        "years",
        "into",
        "through",
        "at",
        "was",
        "were",
        "been",
        "being",
    ]
)

# Mostly-Japanese text still carries Latin words (brand names, units, "ISO 9001"), and
# each kana or kanji carries about as much as a short Latin word: one Japanese character
# for every four Latin letters is enough to call it Japanese.
_JAPANESE_SHARE = 0.2


def _is_japanese_char(char: str) -> bool:
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs (kanji)
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0xFF66 <= code <= 0xFF9F  # half-width katakana
    )


def detect_language(text: str) -> DetectedLanguage | None:
    """Return 'ja', 'id' or 'en' for `text`, or None when it gives nothing to go on."""
    japanese = sum(1 for char in text if _is_japanese_char(char))
    latin = sum(1 for char in text if "a" <= char.lower() <= "z")
    if japanese and japanese >= _JAPANESE_SHARE * (japanese + latin):
        return "ja"
    words = _WORD.findall(text.lower())
    indonesian = sum(1 for word in words if word in INDONESIAN_WORDS)
    english = sum(1 for word in words if word in ENGLISH_WORDS)
    if indonesian == english == 0:
        return "ja" if japanese else None
    return "id" if indonesian > english else "en"
