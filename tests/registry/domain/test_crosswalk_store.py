"""Officers' crosswalk decisions: review_link and correct_link, and what they change."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.crosswalk_store import (
    ReviewConflictError,
    correct_link,
    review_link,
)
from jembatan.registry.domain.derived import refresh_sectors_of_code
from jembatan.registry.models import Classification, Company, CrosswalkLink
from tests.concurrency import require_postgresql, run_at_once
from tests.factories import CompanyFactory
from tests.registry.crosswalk_sample import isic, kbli, link


@pytest.fixture(autouse=True)
def in_english() -> Any:
    """Messages are asserted in English; domain code runs in the active language."""
    with translation.override("en"):
        yield


def sectors(company: Company) -> list[str]:
    return sorted(company.sectors.values_list("slug", flat=True))


def test_review_link_confirm_derives_the_sectors_of_companies(
    officer: Any, company: Company, django_capture_on_commit_callbacks: Any
) -> None:
    code = kbli("17021")
    company.classifications.add(code)
    company.sectors.add("textiles")  # by hand, while the code reached no ISIC class
    proposed = link(code, "1702")
    rejected = link(code, "2930", status="proposed")

    with django_capture_on_commit_callbacks(execute=True):
        review_link(rejected, officer, confirm=False)
    assert sectors(company) == ["packaging"]  # the proposed 1702 link counts until decided
    with django_capture_on_commit_callbacks(execute=True):
        review_link(proposed, officer, confirm=True)

    assert sectors(company) == ["packaging"]
    assert list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "jembatan.crosswalk.rejected",
        "jembatan.crosswalk.confirmed",
    ]


def test_correct_link_to_the_same_class_confirms_it_as_manual(officer: Any) -> None:
    proposed = link(kbli("17021"), "1702")
    manual = correct_link(proposed, officer, "1702")
    assert manual.pk == proposed.pk
    assert list(CrosswalkLink.objects.values_list("method", "status")) == [("manual", "confirmed")]


def test_correct_link_twice_keeps_one_confirmed_manual_link(officer: Any) -> None:
    proposed = link(kbli("17021"), "1702")
    isic("1709"), isic("1701")
    first = correct_link(proposed, officer, "1709")
    correct_link(first, officer, "1701")
    assert sorted(CrosswalkLink.objects.values_list("isic__code", "method", "status")) == [
        ("1701", "manual", "confirmed"),
        ("1702", "parent", "rejected"),
        ("1709", "manual", "rejected"),
    ]


@pytest.mark.parametrize("code", ["170", "9999"])
def test_correct_link_refuses_what_is_not_an_isic_class(officer: Any, code: str) -> None:
    isic("170")
    proposed = link(kbli("17021"), "1702")
    with pytest.raises(Classification.DoesNotExist):
        correct_link(proposed, officer, code)
    assert list(CrosswalkLink.objects.values_list("status", flat=True)) == ["proposed"]


def test_review_link_on_stale_state_is_refused_and_keeps_the_first_decision(
    officer: Any,
) -> None:
    proposed = link(kbli("17021"), "1702")
    seen_by_first = CrosswalkLink.objects.select_related("source", "isic").get(pk=proposed.pk)
    seen_by_second = CrosswalkLink.objects.select_related("source", "isic").get(pk=proposed.pk)
    review_link(seen_by_first, officer, confirm=True)
    with pytest.raises(ReviewConflictError) as raised:
        review_link(seen_by_second, officer, confirm=False)
    assert str(raised.value) == "17021 → ISIC 1702 is already confirmed; nothing was changed."
    proposed.refresh_from_db()
    assert proposed.status == "confirmed"
    assert list(AuditLogEntry.objects.values_list("action", flat=True)) == [
        "jembatan.crosswalk.confirmed"
    ]


def test_review_link_may_change_an_earlier_decision(officer: Any) -> None:
    decided = link(kbli("17021"), "1702")
    review_link(decided, officer, confirm=False)
    review_link(decided, officer, confirm=True)
    decided.refresh_from_db()
    assert decided.status == "confirmed"


@pytest.mark.django_db(transaction=True)
def test_simultaneous_crosswalk_decisions_record_one(officer: Any) -> None:
    require_postgresql()
    proposed = link(kbli("17021"), "1702")
    seen = [
        CrosswalkLink.objects.select_related("source", "isic").get(pk=proposed.pk) for _ in range(3)
    ]
    results = run_at_once(
        [lambda c=c, i=i: review_link(c, officer, confirm=i != 1) for i, c in enumerate(seen)]
    )
    conflicts = [r for r in results if isinstance(r, ReviewConflictError)]
    assert len(conflicts) == 2
    assert AuditLogEntry.objects.count() == 1


# -- sectors follow a decision, in a task after the commit -------------------------------


def test_review_link_leaves_the_sectors_to_a_task_queued_on_commit(
    officer: Any, company: Company, django_capture_on_commit_callbacks: Any
) -> None:
    code = kbli("17021")
    company.classifications.add(code)
    company.sectors.add("textiles")
    proposed = link(code, "1702")

    with django_capture_on_commit_callbacks(execute=False) as queued:
        review_link(proposed, officer, confirm=True)
    assert sectors(company) == ["textiles"]  # nothing recomputed inside the decision
    assert len(queued) == 1
    queued[0]()  # the commit: the task runs (inline, no broker in tests)
    assert sectors(company) == ["packaging"]


def test_correct_link_recomputes_sectors_after_commit(
    officer: Any, company: Company, django_capture_on_commit_callbacks: Any
) -> None:
    code = kbli("17021")
    company.classifications.add(code)
    isic("2930")
    wrong = link(code, "1702", status="proposed")
    with django_capture_on_commit_callbacks(execute=True):
        correct_link(wrong, officer, "2930")
    assert sectors(company) == ["automotive-parts"]


def test_refresh_sectors_of_code_batches_and_is_idempotent(officer: Any) -> None:
    code, other = kbli("17021"), kbli("29300", "Industri Suku Cadang")
    link(code, "1702", status="confirmed")
    firms = CompanyFactory.create_batch(5, country="ID")
    for firm in firms:
        firm.classifications.add(code)
    outsider = CompanyFactory(country="ID")
    outsider.classifications.add(other)
    outsider.sectors.add("textiles")

    assert refresh_sectors_of_code(code.pk, batch=2) == 5
    assert refresh_sectors_of_code(code.pk, batch=2) == 5  # again: the same sectors
    assert [sectors(firm) for firm in firms] == [["packaging"]] * 5
    assert sectors(outsider) == ["textiles"]  # a company without the code is not touched
    assert refresh_sectors_of_code(other.pk + 1000) == 0


@pytest.mark.django_db(transaction=True)
def test_decision_committed_for_real_updates_sectors_of_thousands_in_batches(
    officer: Any,
) -> None:
    """Through the real commit (no captured callbacks): 2,500 firms, batches of 2,000."""
    code = kbli("17021")
    proposed = link(code, "1702", status="proposed")
    link(code, "2930", status="proposed")
    firms = CompanyFactory.create_batch(3, country="ID")
    Company.objects.bulk_create(
        [
            Company(country="ID", registry_id=f"{9100000000000 + i}", name=f"Firm {i}")
            for i in range(2497)
        ]
    )
    link_model = Company.classifications.through
    link_model.objects.bulk_create(
        [
            link_model(company_id=pk, classification_id=code.pk)
            for pk in Company.objects.values_list("pk", flat=True)
        ]
    )

    review_link(proposed, officer, confirm=True)

    assert sectors(firms[0]) == ["packaging"]
    through = Company.sectors.through
    assert through.objects.filter(programmesector_id="packaging").count() == 2500
    assert through.objects.exclude(programmesector_id="packaging").count() == 0
