"""The programme's figures that the indicators read: introductions by stage, and confirmed
agreements with their value, investment and jobs, in one reporting currency.

`programme_totals(as_of, currency)` counts what was true on `as_of`: introductions made by
then, in the stage they had then; agreements signed and confirmed by then; and jobs created
as each party last reported them by then. Money is converted at the latest exchange rate on
or before `as_of`, and the result says which rate date that was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import formats
from django.utils.translation import gettext as _

from jembatan.engagement.domain.money import (
    ConvertedTotal,
    MissingRateError,
    no_rate_message,
    total_in,
)
from jembatan.engagement.domain.outcomes import latest_by_party
from jembatan.engagement.domain.rates import rates_on
from jembatan.engagement.models import (
    Agreement,
    AgreementStatus,
    Introduction,
    IntroductionStageChange,
    OutcomeObservation,
    Stage,
)


@dataclass(frozen=True)
class ProgrammeTotals:
    as_of: dt.date
    currency: str
    introductions_by_stage: dict[str, int]
    agreements_confirmed: int
    agreements_reported: int
    value: ConvertedTotal | None
    investment: ConvertedTotal | None
    jobs_expected: int
    jobs_realised: int
    rate_date: dt.date | None
    # Why value or investment is None (no exchange rate yet), in the user's language.
    problems: list[str] = field(default_factory=list)

    @property
    def introductions(self) -> int:
        return sum(self.introductions_by_stage.values())

    @property
    def rate_note(self) -> str:
        """Which rate date the totals used, in the user's language."""
        if self.rate_date is None:
            return _("No conversion needed: every amount is in %(currency)s.") % {
                "currency": self.currency
            }
        return _("Converted at the exchange rates of %(date)s.") % {
            "date": formats.date_format(self.rate_date, "DATE_FORMAT")
        }


def end_of(day: dt.date) -> dt.datetime:
    """The first instant after `day` ends, in the programme's zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)


def stages_on(as_of: dt.date) -> dict[str, int]:
    """How many introductions made by `as_of` were in each stage at its end (from their
    recorded stage changes; one with no recorded change at all is in its current stage)."""
    cutoff = end_of(as_of)
    counts = dict.fromkeys(Stage.values, 0)
    rows = Introduction.objects.filter(created_at__lt=cutoff).prefetch_related(
        Prefetch(
            "stage_changes",
            queryset=IntroductionStageChange.objects.order_by("changed_at", "id"),
        )
    )
    for introduction in rows.only("id", "stage", "created_at"):
        changes = list(introduction.stage_changes.all())
        by_then = [c for c in changes if c.changed_at < cutoff]
        if by_then:
            stage = by_then[-1].to_stage
        else:
            stage = introduction.stage if not changes else Stage.INTRODUCED
        counts[stage] += 1
    return counts


def programme_totals(as_of: dt.date, currency: str = "IDR") -> ProgrammeTotals:
    cutoff = end_of(as_of)
    signed = Agreement.objects.filter(signed_on__lte=as_of)
    confirmed = list(
        signed.filter(status=AgreementStatus.CONFIRMED, confirmed_at__lt=cutoff)
        .prefetch_related(
            Prefetch(
                "observations",
                queryset=OutcomeObservation.objects.filter(observed_on__lte=as_of),
                to_attr="observations_by_then",
            )
        )
        .order_by("pk")
    )
    reported = (
        signed.filter(reported_at__lt=cutoff).exclude(Q(pk__in=[a.pk for a in confirmed])).count()
    )
    rates = rates_on(as_of)
    problems: list[str] = []

    def total(pairs: list[tuple[int, str]]) -> ConvertedTotal | None:
        try:
            return total_in(pairs, currency, rates)
        except MissingRateError as error:
            message = no_rate_message(as_of) if rates is None else str(error)
            if message not in problems:
                problems.append(message)
            return None

    value = total([(a.value_amount or 0, a.value_currency) for a in confirmed if a.value_currency])
    investment = total(
        [
            (a.investment_amount or 0, a.investment_currency)
            for a in confirmed
            if a.investment_currency
        ]
    )
    jobs_realised = sum(
        row.jobs_created
        for a in confirmed
        for row in latest_by_party(a.observations_by_then).values()
    )
    used = {t.rate_date for t in (value, investment) if t is not None and t.rate_date}
    return ProgrammeTotals(
        as_of=as_of,
        currency=currency,
        introductions_by_stage=stages_on(as_of),
        agreements_confirmed=len(confirmed),
        agreements_reported=reported,
        value=value,
        investment=investment,
        jobs_expected=sum(a.jobs_expected for a in confirmed),
        jobs_realised=jobs_realised,
        rate_date=next(iter(used), None),
        problems=problems,
    )
