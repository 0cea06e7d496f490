"""Counts that stay cheap at millions of rows (core/domain/counts.py), and the pages and API
list that show them: exact up to the cap, then "about" (PostgreSQL) or "more than" (SQLite)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from jembatan.core.domain import counts, queues
from jembatan.core.domain.counts import CappedPaginator, ResultCount, count_rows, round_estimate
from jembatan.registry.models import Company
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def make(n: int, **fields: Any) -> None:
    Company.objects.bulk_create(
        Company(
            name=f"PT Usaha {i:03d}", country="ID", registry_id=f"{9130000000000 + i}", **fields
        )
        for i in range(n)
    )


def test_count_is_exact_up_to_the_cap() -> None:
    make(5)
    assert count_rows(Company.objects.all(), exact_up_to=5) == ResultCount(5)


def test_count_past_the_cap_is_an_estimate_or_a_floor() -> None:
    make(6)
    result = count_rows(Company.objects.all(), exact_up_to=5)
    assert not result.exact
    if connection.vendor == "postgresql":
        assert result.estimated
        assert result.value >= 6  # the planner's estimate, never under the cap
    else:
        assert result.at_least
        assert result.value == 5


def test_round_estimate_keeps_three_significant_figures() -> None:
    assert round_estimate(4_031_877) == 4_030_000
    assert round_estimate(10_001) == 10_000
    assert round_estimate(987) == 987


def test_paginator_browses_the_capped_rows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    make(12)
    monkeypatch.setattr(counts, "EXACT_UP_TO", 10)
    paginator = CappedPaginator(Company.objects.order_by("name", "id"), 5)
    assert paginator.count == 10
    assert paginator.num_pages == 2
    assert not paginator.result.exact
    assert CappedPaginator([1, 2, 3], 2).result == ResultCount(3)


def test_directory_says_more_than_or_about(
    client: Client, officer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(12)
    monkeypatch.setattr(counts, "EXACT_UP_TO", 10)
    client.force_login(officer)
    page = client.get("/companies/", {"country": ""}).content.decode()
    if connection.vendor == "postgresql":
        assert "About " in page
    else:
        assert "More than 10 companies found" in page
    assert "The first 10 are shown page by page" in page


def test_directory_count_is_exact_under_the_cap(client: Client, officer: Any) -> None:
    make(3)
    client.force_login(officer)
    page = client.get("/companies/", {"country": ""}).content.decode()
    assert "3 companies found" in page
    assert "shown page by page" not in page


def test_validation_queue_says_more_than_or_about(
    client: Client, officer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(12)
    monkeypatch.setattr(counts, "EXACT_UP_TO", 10)
    client.force_login(officer)
    page = client.get("/companies/validation/").content.decode()
    assert ("About " if connection.vendor == "postgresql" else "More than 10 companies") in page


def test_queue_badge_caps_its_count(officer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    make(4)
    monkeypatch.setattr(queues, "COUNT_UP_TO", 3)
    rows = {row.key: row for row in queues.queues_for(officer)}
    assert rows["registry.companies"].count == 4  # counted up to the cap and one more
    assert rows["registry.companies"].shown == "3+"


def test_api_list_reports_whether_its_count_is_exact(
    client: Client, officer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(12)
    client.force_login(officer)
    data = client.get("/api/v1/companies/", {"page_size": 5}).json()
    assert (data["count"], data["count_exact"]) == (12, True)
    monkeypatch.setattr(counts, "EXACT_UP_TO", 10)
    data = client.get("/api/v1/companies/", {"page_size": 5, "page": 3}).json()
    assert data["count_exact"] is False
    assert len(data["results"]) == 2  # every page stays reachable past the cap
    assert data["next"] is None
    assert data["previous"].endswith("page=2&page_size=5") or "page=2" in data["previous"]
    assert client.get("/api/v1/companies/", {"page_size": 5, "page": 4}).status_code == 404


def test_directory_region_of_the_other_country_finds_nothing(client: Client, officer: Any) -> None:
    CompanyFactory(country="ID")
    client.force_login(officer)
    page = client.get("/companies/", {"country": "JP", "region": "ID-JB"}).content.decode()
    assert "No company matches" in page
