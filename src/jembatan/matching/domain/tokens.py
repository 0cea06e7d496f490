"""Word terms for keyword search: SudachiPy's normalised forms, beside the trigrams.

Trigrams find substrings in any script, but a Japanese query of two characters (空缶) has no
trigram, and spelling variants share none (空缶, 空罐 and 空きカン are all 空き缶). Sudachi
(the core dictionary, split mode A: the shortest units) cuts Japanese into words and gives
each its dictionary's normalised form, which folds those variants; Latin-script words come
out case-folded. Particles, auxiliaries, suffixes, symbols and spaces are dropped.

A text's terms are stored space-separated (``KeywordDocument.terms``). Each term is
split at ASCII punctuation so that SQLite FTS5's ``ascii`` tokenizer (which keeps every
non-ASCII character inside a token) reads each stored term back as exactly one token.
"""

from __future__ import annotations

import re
import unicodedata

from jembatan.core.domain.japanese_text import tokenizer

# Parts of speech (Sudachi's first level) that carry no search meaning.
DROPPED_POS = frozenset({"助詞", "助動詞", "補助記号", "空白", "記号", "接尾辞", "接頭辞"})
_ASCII_PUNCT = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
_HIRAGANA_ONLY = re.compile(r"^[\u3040-\u309f]$")


def word_terms(text: str) -> list[str]:
    """The distinct search terms of ``text`` in first-seen order (see the module docstring)."""
    normalised = unicodedata.normalize("NFKC", text)
    seen: dict[str, None] = {}
    for morpheme in tokenizer().morphemes(normalised):
        if morpheme.part_of_speech()[0] in DROPPED_POS:
            continue
        for piece in _ASCII_PUNCT.split(morpheme.normalized_form().casefold()):
            if piece and not _HIRAGANA_ONLY.match(piece):
                seen.setdefault(piece, None)
    return list(seen)


def terms_text(text: str) -> str:
    """What ``KeywordDocument.terms`` stores: the terms joined by single spaces."""
    return " ".join(word_terms(text))


def term_coverage(query_terms: list[str], stored: str) -> float:
    """Share of the query's terms among a document's stored terms."""
    if not query_terms:
        return 0.0
    have = set(stored.split())
    return sum(1 for term in query_terms if term in have) / len(query_terms)
