"""Agreements in the personal-data export and erasure: figures stay exact after erasure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jembatan.engagement.domain import agreement_personal_data
from jembatan.engagement.domain.agreements import attach_document, confirm_agreement
from jembatan.engagement.domain.figures import programme_totals
from jembatan.engagement.domain.outcomes import Observation, record_observation
from jembatan.engagement.models import Agreement, ExchangeRate
from tests.engagement.agreements.conftest import NOW

pytestmark = pytest.mark.django_db


def test_export_lists_the_agreements_and_answers(
    agreement: Agreement, member: Any, company: Any
) -> None:
    record_observation(
        member, agreement, Observation(active=True, jobs_created=2, note="Dewi: baik"), now=NOW
    )
    data = agreement_personal_data.export(company)
    assert [a["id"] for a in data["agreements"]] == [agreement.pk]
    assert data["agreements"][0]["value_amount"] == 1_500_000_000
    assert data["outcome_observations"][0]["note"] == "Dewi: baik"


def test_erasure_keeps_the_figures_exact(
    agreement: Agreement, rates: ExchangeRate, member: Any, partner: Any, company: Any
) -> None:
    confirm_agreement(member, agreement, now=NOW)
    confirm_agreement(partner, agreement, now=NOW)
    attach_document(member, agreement, SimpleUploadedFile("ttd.pdf", b"%PDF-1.4\n%%EOF\n"))
    record_observation(
        member, agreement, Observation(active=True, jobs_created=2, note="Dewi: baik"), now=NOW
    )
    day = dt.date(2026, 6, 30)
    before = programme_totals(day, "IDR")
    agreement_personal_data.erase(company, NOW)
    agreement_personal_data.erase(company, NOW)  # idempotent
    after = programme_totals(day, "IDR")
    assert (after.agreements_confirmed, after.jobs_realised) == (
        before.agreements_confirmed,
        before.jobs_realised,
    )
    assert after.value == before.value
    assert after.investment == before.investment
    assert agreement.observations.get().note == ""
    assert agreement.documents.count() == 0
    assert agreement.parties.get(company=company).confirmed_by is None
