from __future__ import annotations

import datetime as dt

import pytest

from jembatan.opportunities.domain.content import (
    company_identifiers,
    content_problems,
    cooperation_type_problem,
    deadline_problem,
    fields_naming_company,
    keyword_problem,
)
from tests.factories import CompanyFactory


@pytest.fixture
def hidden(db):  # type: ignore[no-untyped-def]
    return CompanyFactory(
        name="PT Rahasia Tekstil Nusantara",
        name_alt="Rahasia Textile",
        website="https://www.rahasia-tekstil.co.id/",
        registry_id="9120000099999",
    )


def test_company_identifiers_include_name_without_legal_form(hidden) -> None:  # type: ignore[no-untyped-def]
    assert company_identifiers(hidden) == [
        "9120000099999",
        "PT Rahasia Tekstil Nusantara",
        "Rahasia Tekstil Nusantara",
        "Rahasia Textile",
        "rahasia-tekstil.co.id",
    ]


def test_fields_naming_company_finds_each_mention(hidden) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "title": "Kain tenun dari Jawa Barat",
        "summary": "Produk RAHASIA   TEKSTIL nusantara sudah diekspor.",
        "description": "Lihat rahasia-tekstil.co.id untuk katalog.",
        "brings": "NIB 9120000099999",
        "seeks": "Pembeli di Jepang",
    }
    assert fields_naming_company(hidden, texts) == ["summary", "description", "brings"]


def test_cooperation_type_problem_mismatch_names_types() -> None:
    assert cooperation_type_problem("business", ["supply", "equity"]) == (
        "Equity investment do not belong to Business cooperation; "
        "choose from Supply, Sourcing, Distribution."
    )
    assert cooperation_type_problem("investment", ["equity", "joint_venture"]) is None


def test_deadline_problem_today_and_past_refused() -> None:
    today = dt.date(2026, 5, 1)
    assert (
        deadline_problem(today, today) == "The deadline must be in the future (after 2026-05-01)."
    )
    assert deadline_problem(dt.date(2026, 5, 2), today) is None
    assert deadline_problem(None, today) is None


def test_keyword_problem_limits() -> None:
    assert keyword_problem(["batik"] * 20) is None
    assert keyword_problem(["batik"] * 21) == "At most 20 keywords; there are 21."
    assert keyword_problem(["x" * 51]) == f"Keyword {'x' * 51} is longer than 50 characters."


def test_content_problems_by_field_with_callers_labels(hidden) -> None:  # type: ignore[no-untyped-def]
    values = {
        "kind": "business",
        "cooperation_types": ["equity"],
        "is_anonymous": True,
        "title": "Kain tenun",
        "summary": "Produk Rahasia Textile",
        "keywords": ["tenun", "rahasia-tekstil.co.id"],
    }
    assert content_problems(hidden, values.get, str.upper) == {
        "cooperation_types": "Equity investment do not belong to Business cooperation; "
        "choose from Supply, Sourcing, Distribution.",
        "summary": "SUMMARY names your company (its name, website or registry number); "
        "remove it, or turn off hiding your identity.",
        "keywords": "KEYWORDS names your company (its name, website or registry number); "
        "remove it, or turn off hiding your identity.",
    }


def test_content_problems_names_allowed_when_not_anonymous(hidden) -> None:  # type: ignore[no-untyped-def]
    values = {"kind": "business", "cooperation_types": ["supply"], "title": "Rahasia Textile"}
    assert content_problems(hidden, values.get, str.upper) == {}
