"""The factors of a recommendation's score, as plain functions of plain values.

A score is the sum of weighted factors, each in [0, 1] (feedback is a penalty), so an
explanation can list every factor with its contribution and the contributions add up to
the score. Weights are module constants so that tuning (from the recorded feedback)
changes one place.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

WEIGHTS: dict[str, float] = {
    "semantic": 0.55,
    "sector": 0.20,
    "size": 0.08,
    "language": 0.10,
    "freshness": 0.07,
    "feedback": -0.15,
}
LABELS: dict[str, Promise] = {
    "semantic": _("Similar meaning of the texts"),
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


def factor(key: str, value: float) -> Factor:
    """A factor with its weight and its label in the active language."""
    return Factor(key, str(LABELS[key]), round(float(value), 4), WEIGHTS[key])


# e5 models put unrelated texts near cosine 0.7 and paraphrases above 0.9, so the
# similarity is rescaled from [SEMANTIC_FLOOR, SEMANTIC_CEILING] to [0, 1].
SEMANTIC_FLOOR = 0.70
SEMANTIC_CEILING = 0.95


def semantic_value(cosine: float) -> float:
    """Cosine similarity rescaled to [0, 1] (see SEMANTIC_FLOOR)."""
    scaled = (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR)
    return min(1.0, max(0.0, scaled))


def isic_proximity(left: Collection[str], right: Collection[str]) -> float:
    """1 for a shared ISIC class, 0.6 for a shared group, 0.3 for a shared division."""
    best = 0.0
    for a in left:
        for b in right:
            if a == b:
                return 1.0
            if a[:3] == b[:3]:
                best = max(best, 0.6)
            elif a[:2] == b[:2]:
                best = max(best, 0.3)
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
