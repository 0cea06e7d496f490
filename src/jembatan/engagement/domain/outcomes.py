"""Outcome check-ins 6 and 12 months after signing, and the parties' dated answers.

Answers are `OutcomeObservation` rows: a later answer is a new row, so the record of what
each party said when is never overwritten.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.agreements import AgreementError, acting_party, is_officer
from jembatan.engagement.domain.money import AMOUNT_MAX, check_currency
from jembatan.engagement.models import (
    Agreement,
    AgreementStatus,
    OutcomeCheckIn,
    OutcomeObservation,
)
from jembatan.registry.models import Company

CHECK_IN_MONTHS: tuple[int, ...] = (6, 12)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it has no such day (31 Aug + 6
    months is 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_check_ins(today: dt.date) -> list[tuple[Agreement, int, dt.date]]:
    """Confirmed agreements whose 6- or 12-month check-in is due by `today` and not yet sent.

    A 6-month check-in not sent before the 12-month date is skipped: the 12-month one asks
    the same questions."""
    sent = set(OutcomeCheckIn.objects.values_list("agreement_id", "months"))
    earliest = add_months(today, -max(CHECK_IN_MONTHS) - 1)
    due: list[tuple[Agreement, int, dt.date]] = []
    rows = Agreement.objects.filter(
        status=AgreementStatus.CONFIRMED, signed_on__gte=earliest
    ).order_by("signed_on", "pk")
    for agreement in rows:
        dates = [(m, add_months(agreement.signed_on, m)) for m in CHECK_IN_MONTHS]
        reached = [(m, d) for m, d in dates if d <= today]
        if not reached:
            continue
        months, due_on = reached[-1]
        if (agreement.pk, months) not in sent:
            due.append((agreement, months, due_on))
    return due


def send_check_ins(now: dt.datetime | None = None) -> int:
    """The daily task: ask every party of each due agreement; returns the check-ins sent."""
    from jembatan.notifications.domain.notify import notify_company

    now = now or timezone.now()
    count = 0
    for agreement, months, due_on in due_check_ins(timezone.localdate(now)):
        try:
            with transaction.atomic():
                OutcomeCheckIn.objects.create(
                    agreement=agreement, months=months, due_on=due_on, sent_at=now
                )
                link = reverse("engagement:outcome_form", args=[agreement.pk])
                for party in agreement.parties.select_related("company"):
                    notify_company(
                        party.company,
                        "engagement.outcome_check_in",
                        agreement,
                        {"agreement": agreement, "months": months, "company": party.company},
                        link=link,
                        now=now,
                    )
                log_action("jembatan.agreement.check_in_sent", agreement, None, {"months": months})
        except IntegrityError:
            continue  # another worker sent it meanwhile
        else:
            count += 1
    return count


@dataclass(frozen=True)
class Observation:
    active: bool
    jobs_created: int = 0
    value_realised_amount: int | None = None
    value_realised_currency: str = ""
    note: str = ""


def record_observation(
    actor: Any,
    agreement: Agreement,
    observation: Observation,
    *,
    company: Company | None = None,
    now: dt.datetime | None = None,
) -> OutcomeObservation:
    """One party's answer, as a new dated row. Officers record for a named party."""
    now = now or timezone.now()
    party = acting_party(agreement, actor)
    if party is not None:
        company = party.company
    elif not (is_officer(actor) and company is not None):
        raise PermissionDenied
    elif not agreement.parties.filter(company=company).exists():
        raise AgreementError(
            _("%(company)s is not a party to this agreement.") % {"company": company}
        )
    assert company is not None
    amount, currency = observation.value_realised_amount, observation.value_realised_currency
    if (amount is None) != (not currency):
        raise AgreementError(_("Give both the amount and the currency of the value realised."))
    if currency:
        check_currency(currency)
    if amount is not None and not 0 <= amount <= AMOUNT_MAX:
        raise AgreementError(_("The value realised must be 0 or more."))
    if not 0 <= observation.jobs_created <= 10_000_000:
        raise AgreementError(_("The number of jobs created must be 0 or more."))
    latest_check_in = agreement.check_ins.order_by("-months").first()
    row = OutcomeObservation.objects.create(
        agreement=agreement,
        company=company,
        check_in=latest_check_in,
        observed_on=timezone.localdate(now),
        active=observation.active,
        jobs_created=observation.jobs_created,
        value_realised_amount=amount,
        value_realised_currency=currency,
        note=observation.note,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        recorded_at=now,
    )
    log_action(
        "jembatan.agreement.outcome_recorded",
        agreement,
        actor,
        {
            "company": company.pk,
            "active": observation.active,
            "jobs_created": observation.jobs_created,
            "value_realised_amount": amount,
            "value_realised_currency": currency,
        },
    )
    return row


def latest_by_party(
    observations: list[OutcomeObservation], as_of: dt.date | None = None
) -> dict[int, OutcomeObservation]:
    """Each party's latest answer on or before `as_of` (the latest of all when None)."""
    latest: dict[int, OutcomeObservation] = {}
    for row in observations:
        if as_of is not None and row.observed_on > as_of:
            continue
        current = latest.get(row.company_id)
        if current is None or (row.observed_on, row.pk) > (current.observed_on, current.pk):
            latest[row.company_id] = row
    return latest
