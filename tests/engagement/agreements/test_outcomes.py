"""Outcome check-ins 6 and 12 months after signing, with a controlled clock; answers are
dated rows that never overwrite earlier ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from jembatan.engagement.domain.agreements import AgreementError, verify_agreement
from jembatan.engagement.domain.outcomes import (
    Observation,
    add_months,
    due_check_ins,
    record_observation,
    send_check_ins,
)
from jembatan.engagement.models import Agreement, OutcomeCheckIn, OutcomeObservation
from jembatan.notifications.domain.delivery import deliver_pending
from jembatan.notifications.models import Notification

pytestmark = pytest.mark.django_db
SIGNED = dt.date(2026, 5, 20)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(3, 0), tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 5, 20), 6, dt.date(2026, 11, 20)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 5, 20), 12, dt.date(2027, 5, 20)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_check_ins_are_sent_at_6_and_12_months_once_each(
    agreement: Agreement, officer: Any, member: Any, partner: Any
) -> None:
    verify_agreement(officer, agreement)
    assert send_check_ins(at(dt.date(2026, 11, 19))) == 0
    assert send_check_ins(at(dt.date(2026, 11, 20))) == 1
    assert send_check_ins(at(dt.date(2026, 11, 21))) == 0
    assert send_check_ins(at(dt.date(2027, 5, 19))) == 0
    assert send_check_ins(at(dt.date(2027, 5, 20))) == 1
    assert send_check_ins(at(dt.date(2027, 6, 1))) == 0
    assert list(OutcomeCheckIn.objects.values_list("months", "due_on")) == [
        (6, dt.date(2026, 11, 20)),
        (12, dt.date(2027, 5, 20)),
    ]
    asked = Notification.objects.filter(kind="engagement.outcome_check_in")
    assert sorted(asked.values_list("recipient__username", flat=True)) == [
        "member",
        "member",
        "partner",
        "partner",
    ]
    deliver_pending(now=at(dt.date(2027, 5, 20)))
    subjects = sorted(m.subject for m in mail.outbox if "partnership" in m.subject)
    assert len(subjects) == 4
    body = next(m.body for m in mail.outbox if "6 months" in m.body)
    assert f"/interests/agreements/{agreement.pk}/outcome/" in body


def test_reported_agreements_are_not_asked(agreement: Agreement) -> None:
    assert due_check_ins(dt.date(2027, 6, 1)) == []


def test_a_missed_6_month_check_in_is_replaced_by_the_12_month_one(
    agreement: Agreement, officer: Any
) -> None:
    verify_agreement(officer, agreement)
    assert [(a.pk, m) for a, m, _ in due_check_ins(dt.date(2027, 5, 25))] == [(agreement.pk, 12)]


def test_observations_are_new_rows_never_overwritten(
    agreement: Agreement, partner: Any, partner_teammate: Any
) -> None:
    first = record_observation(
        partner,
        agreement,
        Observation(
            active=True,
            jobs_created=3,
            value_realised_amount=200_000_000,
            value_realised_currency="IDR",
        ),
        now=at(dt.date(2026, 11, 22)),
    )
    second = record_observation(
        partner_teammate,
        agreement,
        Observation(active=False, jobs_created=2),
        now=at(dt.date(2027, 5, 21)),
    )
    first.refresh_from_db()
    assert (first.observed_on, first.active, first.jobs_created, first.value_realised_amount) == (
        dt.date(2026, 11, 22),
        True,
        3,
        200_000_000,
    )
    assert (second.observed_on, second.active, second.company_id) == (
        dt.date(2027, 5, 21),
        False,
        agreement.parties.get(company__name="Sakura Seimitsu KK").company_id,
    )
    assert OutcomeObservation.objects.count() == 2


def test_outsiders_and_officers_without_a_party_cannot_answer(
    agreement: Agreement, outsider: Any, officer: Any, other_company: Any
) -> None:
    with pytest.raises(PermissionDenied):
        record_observation(outsider, agreement, Observation(active=True))
    with pytest.raises(PermissionDenied):
        record_observation(officer, agreement, Observation(active=True))
    with pytest.raises(AgreementError):
        record_observation(officer, agreement, Observation(active=True), company=other_company)
