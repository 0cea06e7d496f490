"""Agreements and outcomes in a company's personal-data export and erasure.

Export: the agreements the company is a party to (terms, parties, confirmations, document
names) and the outcome answers it gave. Erasure: the company's outcome notes are blanked,
the documents its people uploaded are deleted, and the links to its people (who reported,
confirmed, answered) are cut; the agreements, parties and amounts stay, so that the
programme's figures remain exact.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from jembatan.core.domain.stored_files import delete_after_commit
from jembatan.engagement.models import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    OutcomeObservation,
)


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export(company: Any) -> dict[str, Any]:
    agreements = (
        Agreement.objects.filter(parties__company=company)
        .prefetch_related("parties__company", "documents")
        .order_by("signed_on", "pk")
        .distinct()
    )
    observations = OutcomeObservation.objects.filter(company=company).order_by("observed_on", "pk")
    return {
        "agreements": [
            {
                "id": a.pk,
                "introduction": a.introduction_id,
                "type": a.type,
                "title": a.title,
                "signed_on": a.signed_on.isoformat(),
                "value_amount": a.value_amount,
                "value_currency": a.value_currency,
                "investment_amount": a.investment_amount,
                "investment_currency": a.investment_currency,
                "jobs_expected": a.jobs_expected,
                "status": a.status,
                "parties": [
                    {"company": p.company.name, "confirmed_at": _when(p.confirmed_at)}
                    for p in a.parties.all()
                ],
                "documents": [d.original_name for d in a.documents.all()],
            }
            for a in agreements
        ],
        "outcome_observations": [
            {
                "agreement": o.agreement_id,
                "observed_on": o.observed_on.isoformat(),
                "active": o.active,
                "jobs_created": o.jobs_created,
                "value_realised_amount": o.value_realised_amount,
                "value_realised_currency": o.value_realised_currency,
                "note": o.note,
            }
            for o in observations
        ],
    }


def erase(company: Any, now: dt.datetime) -> None:
    people = Q(organisation__company=company)
    OutcomeObservation.objects.filter(company=company).update(note="", recorded_by=None)
    for document in AgreementDocument.objects.filter(
        agreement__parties__company=company, uploaded_by__in=_users(people)
    ).distinct():
        delete_after_commit(document.file)
        document.delete()
    AgreementParty.objects.filter(company=company).update(confirmed_by=None)
    Agreement.objects.filter(reported_by__in=_users(people)).update(reported_by=None)


def _users(condition: Q) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(condition)
