"""Reporting, confirming and verifying agreements: the one domain path."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from jembatan.core.models import AuditLogEntry
from jembatan.engagement.domain.agreements import (
    AgreementError,
    attach_document,
    confirm_agreement,
    report_agreement,
    verify_agreement,
    visible_agreements,
)
from jembatan.engagement.models import Agreement, Introduction, Stage
from jembatan.notifications.models import Notification
from tests.engagement.agreements.conftest import NOW, terms

pytestmark = pytest.mark.django_db


def actions(agreement: Agreement) -> list[str]:
    return list(
        AuditLogEntry.objects.filter(
            object_id=str(agreement.pk), action__startswith="jembatan.agreement"
        )
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_reporting_records_both_parties_and_moves_the_introduction_to_signed(
    agreement: Agreement, introduction: Introduction, member: Any
) -> None:
    assert agreement.status == "reported"
    assert sorted(p.company_id for p in agreement.parties.all()) == sorted(
        [introduction.company_a_id, introduction.company_b_id]
    )
    assert all(p.confirmed_at is None for p in agreement.parties.all())
    introduction.refresh_from_db()
    assert introduction.stage == Stage.SIGNED
    assert introduction.stage_changes.last().to_stage == Stage.SIGNED  # type: ignore[union-attr]
    assert actions(agreement) == ["jembatan.agreement.reported"]
    # The other party's member is asked to confirm; the reporter is not notified.
    assert list(
        Notification.objects.filter(kind="engagement.agreement_reported").values_list(
            "recipient__username", flat=True
        )
    ) == [member.username]


def test_amounts_are_integers_and_stay_exact(agreement: Agreement) -> None:
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.value_amount, stored.value_currency) == (1_500_000_000, "IDR")
    assert type(stored.value_amount) is int
    assert (stored.investment_amount, stored.investment_currency) == (20_000_000, "JPY")


def test_status_is_confirmed_only_when_every_party_confirmed(
    agreement: Agreement, partner: Any, teammate: Any
) -> None:
    confirm_agreement(partner, agreement, now=NOW)
    agreement.refresh_from_db()
    assert agreement.status == "reported"
    confirm_agreement(teammate, agreement, now=NOW + dt.timedelta(hours=1))
    agreement.refresh_from_db()
    assert agreement.status == "confirmed"
    assert agreement.confirmed_at == NOW + dt.timedelta(hours=1)
    assert actions(agreement) == [
        "jembatan.agreement.reported",
        "jembatan.agreement.confirmed",
        "jembatan.agreement.confirmed",
    ]


def test_a_party_confirms_once(agreement: Agreement, partner: Any, partner_teammate: Any) -> None:
    confirm_agreement(partner, agreement)
    with pytest.raises(AgreementError) as error:
        confirm_agreement(partner_teammate, agreement)
    assert str(error.value) == "Your company has already confirmed this agreement."


@pytest.mark.parametrize("role", ["outsider", "viewer", "officer"])
def test_only_parties_confirm(
    agreement: Agreement, request: pytest.FixtureRequest, role: str
) -> None:
    with pytest.raises(PermissionDenied):
        confirm_agreement(request.getfixturevalue(role), agreement)


def test_an_officer_verifies_and_it_counts(agreement: Agreement, officer: Any, member: Any) -> None:
    verify_agreement(officer, agreement, now=NOW)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.verified_by, agreement.verified_at) == (
        "confirmed",
        officer,
        NOW,
    )
    assert actions(agreement) == ["jembatan.agreement.reported", "jembatan.agreement.verified"]
    with pytest.raises(PermissionDenied):
        verify_agreement(member, agreement)


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_outsiders_cannot_report_on_an_introduction(
    introduction: Introduction, request: pytest.FixtureRequest, role: str
) -> None:
    with pytest.raises(PermissionDenied):
        report_agreement(request.getfixturevalue(role), terms(), introduction=introduction)
    assert Agreement.objects.count() == 0


def test_without_an_introduction_only_officers_report(
    officer: Any, member: Any, company: Any, other_company: Any
) -> None:
    with pytest.raises(PermissionDenied):
        report_agreement(member, terms(), parties=[company, other_company])
    agreement = report_agreement(officer, terms(type="mou"), parties=[company, other_company])
    assert agreement.parties.count() == 2
    with pytest.raises(AgreementError) as error:
        report_agreement(officer, terms(), parties=[company])
    assert str(error.value) == "An agreement has at least two parties."


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value_currency": ""}, "Give both the amount and the currency of the contract value."),
        (
            {"value_amount": 1.5},
            "The contract value must be a whole number of minor units, 0 or more.",
        ),
        ({"signed_on": dt.date(2099, 1, 1)}, "The signing date cannot be in the future."),
        ({"type": "lease"}, "Choose the type of agreement."),
    ],
)
def test_terms_are_checked(
    introduction: Introduction, partner: Any, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(AgreementError) as error:
        report_agreement(partner, terms(**overrides), introduction=introduction)
    assert str(error.value) == message


def test_visible_agreements_by_role(agreement: Agreement, request: pytest.FixtureRequest) -> None:
    seen = {
        role: list(visible_agreements(request.getfixturevalue(role)))
        for role in (
            "member",
            "teammate",
            "partner",
            "partner_teammate",
            "outsider",
            "viewer",
            "officer",
        )
    }
    assert seen == {
        "member": [agreement],
        "teammate": [agreement],
        "partner": [agreement],
        "partner_teammate": [agreement],
        "outsider": [],
        "viewer": [],
        "officer": [agreement],
    }


def test_documents_are_pdf_only_checked_by_content(
    agreement: Agreement, partner: Any, outsider: Any
) -> None:
    pdf = SimpleUploadedFile("kontrak.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    document = attach_document(partner, agreement, pdf)
    assert (document.original_name, document.size) == ("kontrak.pdf", 15)
    fake = SimpleUploadedFile(
        "kontrak.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    with pytest.raises(AgreementError) as error:
        attach_document(partner, agreement, fake)
    assert str(error.value) == "kontrak.pdf is not a PDF file."
    png = SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with pytest.raises(AgreementError):
        attach_document(partner, agreement, png)
    with pytest.raises(PermissionDenied):
        attach_document(outsider, agreement, pdf)
