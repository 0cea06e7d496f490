"""The demo firms as plain data: a pure function of the seed, so every run yields the same."""

from __future__ import annotations

import random

from jembatan.demo.domain.companies_id import indonesian_companies
from jembatan.demo.domain.companies_jp import japanese_companies
from jembatan.demo.domain.spec import CompanySpec

DEMO_SEED = 20170815  # 60 years of Indonesia-Japan diplomatic relations, celebrated in 2017


def demo_companies(seed: int = DEMO_SEED) -> list[CompanySpec]:
    """All demo firms, Indonesian first; the same list for the same seed."""
    rng = random.Random(seed)
    return indonesian_companies(rng) + japanese_companies(rng)
