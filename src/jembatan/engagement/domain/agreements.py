"""Reporting, confirming and verifying agreements: the one path for web, API, admin and CLI.

An agreement is "reported" until every party has confirmed it (or an officer verified it);
only then is it "confirmed" and counted in the programme's figures (domain/figures.py).
Recording one from an introduction moves the introduction to "signed".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.rules import users_company
from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.money import AMOUNT_MAX, check_currency
from jembatan.engagement.models import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    AgreementType,
    Introduction,
    Stage,
)
from jembatan.opportunities.domain.attachments import (
    HEAD_BYTES,
    MAX_ATTACHMENT_BYTES,
    clean_file_name,
    sniff_content_type,
)
from jembatan.registry.models import Company

MAX_DOCUMENTS = 10


class AgreementError(ValueError):
    """The agreement cannot be recorded or changed; the message says why."""


def is_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_officer)


def visible_agreements(user: Any) -> QuerySet[Agreement]:
    """Officers see every agreement; a company member those their company is a party to."""
    rows = Agreement.objects.all()
    if is_officer(user):
        return rows
    company = users_company(user)
    if company is None:
        return rows.none()
    return rows.filter(parties__company_id=company).distinct()


def with_parties(rows: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return rows.select_related("introduction").prefetch_related("parties__company", "documents")


def acting_party(agreement: Agreement, user: Any) -> AgreementParty | None:
    company = users_company(user)
    if company is None:
        return None
    return next((p for p in agreement.parties.all() if p.company_id == company), None)


def may_report_for(user: Any, introduction: Introduction) -> bool:
    if is_officer(user):
        return True
    company = users_company(user)
    return company is not None and company in (introduction.company_a_id, introduction.company_b_id)


@dataclass(frozen=True)
class AgreementTerms:
    type: str
    signed_on: dt.date
    value_amount: int | None = None
    value_currency: str = ""
    investment_amount: int | None = None
    investment_currency: str = ""
    jobs_expected: int = 0
    title: str = ""


def check_terms(terms: AgreementTerms, today: dt.date) -> None:
    if terms.type not in AgreementType.values:
        raise AgreementError(_("Choose the type of agreement."))
    if terms.signed_on > today:
        raise AgreementError(_("The signing date cannot be in the future."))
    for amount, currency, label in (
        (terms.value_amount, terms.value_currency, _("contract value")),
        (terms.investment_amount, terms.investment_currency, _("investment committed")),
    ):
        if amount is None and not currency:
            continue
        if amount is None or not currency:
            raise AgreementError(
                _("Give both the amount and the currency of the %(what)s.") % {"what": label}
            )
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= AMOUNT_MAX:
            raise AgreementError(
                _("The %(what)s must be a whole number of minor units, 0 or more.")
                % {"what": label}
            )
        check_currency(currency)
    if not 0 <= terms.jobs_expected <= 10_000_000:
        raise AgreementError(_("The number of jobs expected must be 0 or more."))


def report_agreement(
    actor: Any,
    terms: AgreementTerms,
    *,
    introduction: Introduction | None = None,
    parties: Sequence[Company] = (),
    now: dt.datetime | None = None,
) -> Agreement:
    """Record an agreement as "reported". From an introduction its two companies are the
    parties (plus any others named); without one only an officer may record it."""
    now = now or timezone.now()
    companies: dict[int, Company] = {}
    if introduction is not None:
        if not may_report_for(actor, introduction):
            raise PermissionDenied
        if introduction.stage == Stage.CLOSED:
            raise AgreementError(_("This introduction is closed; reopen it before recording."))
        companies[introduction.company_a_id] = introduction.company_a
        companies[introduction.company_b_id] = introduction.company_b
    elif not is_officer(actor):
        raise PermissionDenied
    for company in parties:
        companies.setdefault(company.pk, company)
    if len(companies) < 2:
        raise AgreementError(_("An agreement has at least two parties."))
    check_terms(terms, timezone.localdate(now))
    with transaction.atomic():
        agreement = Agreement.objects.create(
            introduction=introduction,
            type=terms.type,
            title=terms.title,
            signed_on=terms.signed_on,
            value_amount=terms.value_amount,
            value_currency=terms.value_currency,
            investment_amount=terms.investment_amount,
            investment_currency=terms.investment_currency,
            jobs_expected=terms.jobs_expected,
            reported_by=actor if getattr(actor, "is_authenticated", False) else None,
            reported_at=now,
        )
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=agreement, company=c) for c in companies.values()
        )
        log_action(
            "jembatan.agreement.reported",
            agreement,
            actor,
            {"after": terms_data(agreement), "parties": sorted(companies)},
        )
        if introduction is not None and introduction.stage != Stage.SIGNED:
            from jembatan.engagement.domain.pipeline import change_stage

            change_stage(actor, introduction, Stage.SIGNED, reason=_("Agreement recorded"), now=now)
        tell_parties(agreement, actor, "engagement.agreement_reported", now)
    return agreement


def terms_data(agreement: Agreement) -> dict[str, Any]:
    return {
        "type": agreement.type,
        "signed_on": agreement.signed_on.isoformat(),
        "value_amount": agreement.value_amount,
        "value_currency": agreement.value_currency,
        "investment_amount": agreement.investment_amount,
        "investment_currency": agreement.investment_currency,
        "jobs_expected": agreement.jobs_expected,
        "status": agreement.status,
    }


def tell_parties(agreement: Agreement, actor: Any, kind: str, now: dt.datetime) -> None:
    """Each party's members, except the one who acted, after the transaction commits."""
    from jembatan.notifications.domain.notify import notify_company

    link = reverse("engagement:agreement_detail", args=[agreement.pk])
    for party in agreement.parties.select_related("company"):
        notify_company(
            party.company,
            kind,
            agreement,
            {"agreement": agreement, "company": party.company},
            link=link,
            now=now,
            exclude=[actor] if getattr(actor, "is_authenticated", False) else [],
        )


def confirm_agreement(
    actor: Any, agreement: Agreement, now: dt.datetime | None = None
) -> Agreement:
    """The acting user's company confirms; the last confirmation makes it "confirmed"."""
    now = now or timezone.now()
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        party = acting_party(agreement, actor)
        if party is None:
            raise PermissionDenied
        if party.confirmed_at is not None:
            raise AgreementError(_("Your company has already confirmed this agreement."))
        party.confirmed_at = now
        party.confirmed_by = actor
        party.save(update_fields=["confirmed_at", "confirmed_by"])
        before = agreement.status
        if not agreement.parties.filter(confirmed_at__isnull=True).exists():
            agreement.status = AgreementStatus.CONFIRMED
            agreement.confirmed_at = now
            agreement.save(update_fields=["status", "confirmed_at"])
        log_action(
            "jembatan.agreement.confirmed",
            agreement,
            actor,
            {"company": party.company_id, "before": before, "after": agreement.status},
        )
        if agreement.status != before:
            tell_parties(agreement, actor, "engagement.agreement_confirmed", now)
    return agreement


def verify_agreement(actor: Any, agreement: Agreement, now: dt.datetime | None = None) -> Agreement:
    """An officer verified the agreement (a signed copy, the parties' word): it counts."""
    if not is_officer(actor):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.verified_at is not None:
            raise AgreementError(_("This agreement has already been verified."))
        before = agreement.status
        agreement.verified_at = now
        agreement.verified_by = actor
        agreement.status = AgreementStatus.CONFIRMED
        agreement.confirmed_at = agreement.confirmed_at or now
        agreement.save(update_fields=["verified_at", "verified_by", "status", "confirmed_at"])
        log_action(
            "jembatan.agreement.verified",
            agreement,
            actor,
            {"before": before, "after": agreement.status},
        )
        if before != agreement.status:
            tell_parties(agreement, actor, "engagement.agreement_confirmed", now)
    return agreement


def document_problem(name: str, size: int, head: bytes) -> str | None:
    """PDF only, checked by content and size as profile attachments are."""
    if size > MAX_ATTACHMENT_BYTES:
        return _("%(name)s is larger than %(limit)d MB.") % {
            "name": name,
            "limit": MAX_ATTACHMENT_BYTES // (1024 * 1024),
        }
    if sniff_content_type(head) != "application/pdf":
        return _("%(name)s is not a PDF file.") % {"name": name}
    if not name.lower().endswith(".pdf"):
        return _(
            "%(name)s contains a PDF file but its name ends differently; rename it with .pdf."
        ) % {"name": name}
    return None


def may_change(user: Any, agreement: Agreement) -> bool:
    return is_officer(user) or acting_party(agreement, user) is not None


def attach_document(actor: Any, agreement: Agreement, upload: File[Any]) -> AgreementDocument:
    if not may_change(actor, agreement):
        raise PermissionDenied
    name = clean_file_name(upload.name or "")
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    size = upload.size or 0
    problem = document_problem(name, size, head)
    if problem is None and agreement.documents.count() >= MAX_DOCUMENTS:
        problem = _("An agreement can have at most %(limit)d documents.") % {"limit": MAX_DOCUMENTS}
    if problem:
        raise AgreementError(problem)
    document = AgreementDocument(
        agreement=agreement,
        original_name=name,
        size=size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save(name, upload, save=False)
    document.save()
    log_action(
        "jembatan.agreement.document_added", agreement, actor, {"document": document.original_name}
    )
    return document


def counted(rows: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """Only confirmed agreements count in figures."""
    return rows.filter(status=AgreementStatus.CONFIRMED)


def involving(company_id: int) -> Q:
    return Q(parties__company_id=company_id)
