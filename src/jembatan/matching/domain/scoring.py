"""The factors of a recommendation's score, as plain functions of plain values.

A score is the sum of weighted factors, each in [0, 1] (feedback is a penalty), so an
explanation can list every factor with its contribution and the contributions add up to
the score. Weights are module constants so that tuning (from the recorded feedback)
changes one place.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

WEIGHTS: dict[str, float] = {
    "semantic": 0.45,
    "complement": 0.22,
    "sector": 0.15,
    "size": 0.06,
    "language": 0.07,
    "freshness": 0.05,
    "feedback": -0.15,
}
LABELS: dict[str, Promise] = {
    "semantic": _("Similar meaning of the texts"),
    "complement": _("Complementary types of cooperation"),
    "sector": _("Sector proximity (ISIC)"),
    "size": _("Size and capability fit"),
    "language": _("Shared working language"),
    "freshness": _("Recently published"),
    "feedback": _("Marked not relevant by other companies"),
}
FRESHNESS_HALF_LIFE_DAYS = 90.0
FEEDBACK_SATURATION = 3  # this many 'not relevant' marks by other companies: full penalty

SIZE_BUCKETS: dict[str, str] = {
    "small": "small",
    "small_enterprise": "small",
    "medium": "medium",
    "sme": "medium",
    "large": "large",
    "large_jp": "large",
}
_SIZE_ORDER = {"small": 0, "medium": 1, "large": 2}


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    value: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.value * self.weight


def factor(
    key: str,
    value: float,
    weights: Mapping[str, float] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Factor:
    """A factor with its weight (from ``weights``, default WEIGHTS) and its label in the
    active language (from ``labels``, `labels()` once for many factors, when given)."""
    weight = (WEIGHTS if weights is None else weights)[key]
    label = labels[key] if labels is not None else str(LABELS[key])
    return Factor(key, label, round(float(value), 4), weight)


def labels() -> dict[str, str]:
    """Every factor's label in the active language (one translation each, not one per
    factor of each of hundreds of candidates)."""
    return {key: str(label) for key, label in LABELS.items()}


# e5 models put unrelated texts near cosine 0.7 and paraphrases above 0.9, so the
# similarity is rescaled from [SEMANTIC_FLOOR, SEMANTIC_CEILING] to [0, 1]. The spread of
# the similar-role cosines by relevance grade on the recommendation set is in
# docs/benchmarks.md ("Recommendation quality").
SEMANTIC_FLOOR = 0.70
SEMANTIC_CEILING = 0.95


def semantic_value(cosine: float) -> float:
    """Cosine similarity rescaled to [0, 1] (see SEMANTIC_FLOOR)."""
    scaled = (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR)
    return min(1.0, max(0.0, scaled))


# Which offers meet which requests, per kind of the request: request type -> the offer
# types that complement it. A request for a distributor, agent or after-sales partner is
# met by firms that distribute or service (not by other makers of the same goods); a
# request for a supplier by producers; and so on. Types of other kinds may appear (a
# distribution request is met by a maintenance service, a technology offer).
COMPLEMENTS: dict[str, dict[str, frozenset[str]]] = {
    "business": {
        "supply": frozenset({"supply", "manufacturing"}),  # seeks a supplier: producers
        "sourcing": frozenset({"sourcing", "distribution"}),  # seeks buyers: buyers, traders
        "distribution": frozenset({"distribution", "technical_assistance"}),  # agents, service
    },
    "technology": {
        "licensing": frozenset({"licensing"}),
        "technical_assistance": frozenset({"technical_assistance", "training", "licensing"}),
        "joint_development": frozenset({"joint_development", "joint_research"}),
    },
    "investment": {
        "equity": frozenset({"equity", "joint_venture"}),
        "joint_venture": frozenset({"joint_venture", "equity"}),
    },
    "subcontracting": {
        "subcontracting": frozenset({"subcontracting", "manufacturing"}),
        "manufacturing": frozenset({"manufacturing", "subcontracting"}),
    },
    "research": {"joint_research": frozenset({"joint_research", "joint_development"})},
    "vocational": {
        "training": frozenset({"training", "internships"}),
        "internships": frozenset({"internships", "training"}),
    },
}
UNKNOWN_TYPES = 0.5  # opposite directions of one kind, but a side named no type


@dataclass(frozen=True)
class Need:
    """What the complement factor looks at: kind, offer or request, cooperation types."""

    kind: str
    direction: str
    cooperation_types: tuple[str, ...]


def complement_fit(left: Need, right: Need) -> float:
    """1 when one side's request is met by the other's offer (COMPLEMENTS), 0 when the
    directions are the same or the types do not meet; UNKNOWN_TYPES when a side of the
    same kind named no type."""
    if {left.direction, right.direction} != {"offer", "request"}:
        return 0.0
    request, offer = (left, right) if left.direction == "request" else (right, left)
    if not request.cooperation_types or not offer.cooperation_types:
        return UNKNOWN_TYPES if request.kind == offer.kind else 0.0
    met_by = COMPLEMENTS.get(request.kind, {})
    wanted = {t for r in request.cooperation_types for t in met_by.get(r, frozenset())}
    return 1.0 if wanted & set(offer.cooperation_types) else 0.0


def isic_proximity(
    left: Collection[str] | Mapping[str, float], right: Collection[str] | Mapping[str, float]
) -> float:
    """1 for a shared ISIC class, 0.6 for a shared group, 0.3 for a shared division, each
    times the lower confidence of the two classes (a mapping class -> confidence; a plain
    collection counts as fully confident)."""
    a_conf = left if isinstance(left, Mapping) else dict.fromkeys(left, 1.0)
    b_conf = right if isinstance(right, Mapping) else dict.fromkeys(right, 1.0)
    best = 0.0
    for a, conf_a in a_conf.items():
        for b, conf_b in b_conf.items():
            if a == b:
                level = 1.0
            elif a[:3] == b[:3]:
                level = 0.6
            elif a[:2] == b[:2]:
                level = 0.3
            else:
                continue
            best = max(best, level * min(conf_a, conf_b))
    return best


def size_fit(wanted: str, size_class: str) -> float:
    """How well a firm of ``size_class`` fits a wish for partner size ``wanted``."""
    if not wanted or wanted == "any":
        return 1.0
    bucket = SIZE_BUCKETS.get(size_class)
    if bucket is None:
        return 0.5  # size unknown: neither a fit nor a misfit
    gap = abs(_SIZE_ORDER[bucket] - _SIZE_ORDER.get(wanted, 1))
    return {0: 1.0, 1: 0.5}.get(gap, 0.0)


def language_fit(left: Iterable[str], right: Iterable[str]) -> float:
    """1 when the firms share a working language, 0 when they share none, 0.5 if unknown."""
    a, b = set(left), set(right)
    if not a or not b:
        return 0.5
    return 1.0 if a & b else 0.0


def freshness(published_at: dt.datetime | None, now: dt.datetime) -> float:
    if published_at is None:
        return 0.0
    age_days = max(0.0, (now - published_at).total_seconds() / 86400)
    return math.pow(0.5, age_days / FRESHNESS_HALF_LIFE_DAYS)


def feedback_penalty(marks: int) -> float:
    return min(marks, FEEDBACK_SATURATION) / FEEDBACK_SATURATION


def total(factors: Iterable[Factor]) -> float:
    return sum(f.contribution for f in factors)
