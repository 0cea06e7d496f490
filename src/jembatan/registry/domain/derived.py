"""Fields of a company that are computed from others, never typed: the size class."""

from __future__ import annotations

from jembatan.registry.models import Company


def size_class_for(company: Company) -> str:
    """The size class of `company` under its country's rule, or "" when data is missing.

    Indonesia: Ministry of Industry regulation 64/M-IND/PER/7/2016.
    Japan: SME Basic Act, by the sector of the firm's main activity.
    """
    # Wired to registry.domain.size once the rule modules land (see issue 2).
    return ""


def apply_derived_fields(company: Company) -> None:
    company.size_class = size_class_for(company)
