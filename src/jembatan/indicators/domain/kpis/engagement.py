"""KPIs from the partnership pipeline: expressions of interest, introductions, the funnel
from registration to confirmed agreement, and confirmed agreements with their money and jobs.

Scope: a record is in a region when either company is there (the requester or the profile's
owner; either side of an introduction; any party to an agreement), and in a sector when its
partnership profile is in that sector or either company declares it. Periods: interests by
the day they were sent, introductions by the day they were made, agreements by the day they
were confirmed (only confirmed agreements count in the programme's figures).

Money is summed per currency exactly, then converted once to the reporting currency at the
dated rate table's latest rate on or before the period's last day; `rate_date` says which.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import pairwise
from typing import Any

from django.db.models import CharField, Prefetch, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit
from jembatan.engagement.domain.money import MissingRateError, Rates, no_rate_message, total_in
from jembatan.engagement.domain.outcomes import latest_by_party
from jembatan.engagement.models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementType,
    ExchangeRate,
    ExpressionOfInterest,
    InterestStatus,
    Introduction,
    IntroductionStageChange,
    OutcomeObservation,
    Stage,
)
from jembatan.indicators.domain.kpis.common import (
    Buckets,
    bucketed,
    computed,
    median_days,
    periods,
    rate,
    region_q,
    sector_q,
)
from jembatan.indicators.domain.kpis.registry import companies_registered
from jembatan.indicators.domain.periods import instant
from jembatan.registry.models import Company

SOURCE = "jembatan.engagement"
# The pipeline's stages in the order a partnership moves through them (closed is an exit).
STAGE_ORDER: tuple[str, ...] = (Stage.INTRODUCED, Stage.MET, Stage.NEGOTIATING, Stage.SIGNED)
FUNNEL_STEPS = (
    "companies_registered",
    "interests_sent",
    "interests_accepted",
    "introductions",
    "met",
    "negotiating",
    "signed",
    "agreements_confirmed",
)


def _interests(query: KpiQuery) -> QuerySet[ExpressionOfInterest]:
    rows = ExpressionOfInterest.objects.all()
    if query.region:
        region = Company.objects.filter(region_q(query, "")).values("pk")
        rows = rows.filter(Q(requester_company__in=region) | Q(profile__company__in=region))
    if query.sector:
        declares = Company.objects.filter(sector_q(query, "")).values("pk")
        rows = rows.filter(
            Q(profile__sector_id=query.sector)
            | Q(requester_company__in=declares)
            | Q(profile__company__in=declares)
        )
    return rows


def _introductions(query: KpiQuery) -> QuerySet[Introduction]:
    rows = Introduction.objects.all()
    if query.region:
        region = Company.objects.filter(region_q(query, "")).values("pk")
        rows = rows.filter(Q(company_a__in=region) | Q(company_b__in=region))
    if query.sector:
        declares = Company.objects.filter(sector_q(query, "")).values("pk")
        rows = rows.filter(
            Q(profile__sector_id=query.sector)
            | Q(company_a__in=declares)
            | Q(company_b__in=declares)
        )
    return rows


def _confirmed(query: KpiQuery) -> QuerySet[Agreement]:
    rows = Agreement.objects.filter(status=AgreementStatus.CONFIRMED, confirmed_at__isnull=False)
    if query.region:
        region = Company.objects.filter(region_q(query, "")).values("pk")
        rows = rows.filter(
            pk__in=AgreementParty.objects.filter(company__in=region).values("agreement_id")
        )
    if query.sector:
        declares = Company.objects.filter(sector_q(query, "")).values("pk")
        rows = rows.filter(
            Q(introduction__profile__sector_id=query.sector)
            | Q(pk__in=AgreementParty.objects.filter(company__in=declares).values("agreement_id"))
        )
    return rows


# -- expressions of interest ---------------------------------------------------------------


def interests_by_status(query: KpiQuery) -> list[KpiValue]:
    """Expressions of interest sent in each period, by their status now (pending,
    awaiting_officer, accepted, declined, withdrawn, expired); the keys add up to the
    number sent."""
    return bucketed(
        _interests(query),
        query,
        date_field="created_at",
        key="status",
        keys=InterestStatus.values,
    )


def _instant(text: str) -> dt.datetime:
    """A UTC timestamp cast to text by the database ("2017-01-20 03:00:00.5", "...+00")."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def interest_response_days(query: KpiQuery) -> list[KpiValue]:
    """The median time in days from sending an expression of interest to its answer
    (accepted or declined; expired and withdrawn ones had none), by period of sending."""
    chosen = periods(query)
    if not chosen:
        return []
    buckets = Buckets(chosen)
    rows = (
        _interests(query)
        .filter(
            status__in=[InterestStatus.ACCEPTED, InterestStatus.DECLINED],
            answered_at__isnull=False,
            created_at__gte=chosen[0].starts_at(),
            created_at__lt=chosen[-1].ends_at(),
        )
        .annotate(sent=Cast("created_at", CharField()), answer=Cast("answered_at", CharField()))
        .values_list("sent", "answer")
    )
    durations: dict[str, list[dt.timedelta]] = defaultdict(list)
    for sent, answered in rows:
        label = buckets.label(sent)
        if label is not None and answered:
            durations[label].append(_instant(answered) - _instant(sent))
    return [
        KpiValue(
            period=p.label,
            value=median_days(durations[p.label]),
            note="" if durations[p.label] else _("No answered expression of interest."),
        )
        for p in chosen
    ]


# -- introductions and the funnel -----------------------------------------------------------


def introductions_by_stage(query: KpiQuery) -> list[KpiValue]:
    """Introductions made in each period, by their stage now (introduced, met, negotiating,
    signed, closed)."""
    return bucketed(
        _introductions(query), query, date_field="created_at", key="stage", keys=Stage.values
    )


def _furthest_stages(query: KpiQuery) -> dict[str, dict[str, int]]:
    """For each period: how many introductions made in it reached at least each stage (a
    closed one counts up to the furthest stage it had reached). Two queries."""
    chosen = periods(query)
    reached: dict[str, dict[str, int]] = {p.label: dict.fromkeys(STAGE_ORDER, 0) for p in chosen}
    if not chosen:
        return reached
    made = _introductions(query).filter(
        created_at__gte=chosen[0].starts_at(), created_at__lt=chosen[-1].ends_at()
    )
    rank: dict[str, int] = {str(stage): index for index, stage in enumerate(STAGE_ORDER)}
    furthest: dict[int, tuple[int, str]] = {}
    buckets = Buckets(chosen)
    rows = made.annotate(made_at=Cast("created_at", CharField())).values_list(
        "pk", "stage", "made_at"
    )
    for pk, stage, created in rows:
        furthest[pk] = (rank.get(stage, 0), created)
    changes = IntroductionStageChange.objects.filter(introduction__in=made.values("pk"))
    for pk, to_stage in changes.values_list("introduction_id", "to_stage"):
        if pk in furthest and rank.get(to_stage, 0) > furthest[pk][0]:
            furthest[pk] = (rank[to_stage], furthest[pk][1])
    for level, created in furthest.values():
        label = buckets.label(created)
        if label is None:
            continue
        for stage in STAGE_ORDER[: level + 1]:
            reached[label][stage] += 1
    return reached


def _total_by_period(values: list[KpiValue], keys: tuple[str, ...] | None = None) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for value in values:
        if keys is None or value.key in keys:
            totals[value.period] += int(value.value or 0)
    return totals


def funnel(query: KpiQuery) -> list[KpiValue]:
    """The partnership funnel in each period, one key per step: companies_registered,
    interests_sent, interests_accepted, introductions (made, with or without an interest),
    met, negotiating, signed (introductions made in the period that reached at least that
    stage) and agreements_confirmed. Each step counts the records of the period, so a
    step's figure need not be a subset of the one before it."""
    registered = _total_by_period(computed(companies_registered, query))
    interests = computed(interests_by_status, query)
    sent = _total_by_period(interests)
    accepted = _total_by_period(interests, (InterestStatus.ACCEPTED,))
    stages = _furthest_stages(query)
    confirmed = _total_by_period(bucketed(_confirmed(query), query, date_field="confirmed_at"))
    values = []
    for period in periods(query):
        p = period.label
        reached = stages[p]
        figures = (
            registered[p],
            sent[p],
            accepted[p],
            reached[Stage.INTRODUCED],
            reached[Stage.MET],
            reached[Stage.NEGOTIATING],
            reached[Stage.SIGNED],
            confirmed[p],
        )
        values += [
            KpiValue(period=p, value=figure, key=step)
            for step, figure in zip(FUNNEL_STEPS, figures, strict=True)
        ]
    return values


def funnel_conversion(query: KpiQuery) -> list[KpiValue]:
    """Conversion between consecutive funnel steps, in percent: the key names the later
    step (interests_accepted = accepted / sent); None when the earlier step is 0."""
    steps = computed(funnel, query)
    by_period: dict[str, dict[str, int]] = defaultdict(dict)
    for value in steps:
        by_period[value.period][value.key] = int(value.value or 0)
    values = []
    for period in periods(query):
        figures = by_period[period.label]
        for earlier, later in pairwise(FUNNEL_STEPS):
            values.append(
                KpiValue(
                    period=period.label, value=rate(figures[later], figures[earlier]), key=later
                )
            )
    return values


# -- agreements -----------------------------------------------------------------------------


def agreements_confirmed(query: KpiQuery) -> list[KpiValue]:
    """Agreements confirmed in each period, by type (supply, subcontracting, distribution,
    licence, joint_venture, investment, mou)."""
    return bucketed(
        _confirmed(query), query, date_field="confirmed_at", key="type", keys=AgreementType.values
    )


def agreements_by_sector(query: KpiQuery) -> list[KpiValue]:
    """Agreements confirmed in each period, by each programme sector a party declares
    (an agreement counts once per sector; "" when no party declares one)."""
    return bucketed(
        _confirmed(query),
        query,
        date_field="confirmed_at",
        key="parties__company__sectors__slug",
        distinct=True,
    )


def agreements_by_region(query: KpiQuery) -> list[KpiValue]:
    """Agreements confirmed in each period, by each province or prefecture a party is in
    (an Indonesian-Japanese agreement counts once on each side)."""
    return bucketed(
        _confirmed(query),
        query,
        date_field="confirmed_at",
        key="parties__company__region_id",
        distinct=True,
    )


def _rate_table(query: KpiQuery) -> list[Rates]:
    """Every rate dated before the query's end, oldest first (one query)."""
    rows = ExchangeRate.objects.filter(on__lt=query.end).order_by("on")
    return [
        Rates(on=on, per_usd={"IDR": idr, "JPY": jpy})
        for on, idr, jpy in rows.values_list("on", "idr_per_usd", "jpy_per_usd")
    ]


def _rates_on(table: list[Rates], day: dt.date) -> Rates | None:
    chosen = None
    for rates in table:
        if rates.on > day:
            break
        chosen = rates
    return chosen


def _money(query: KpiQuery, amount: str, currency: str) -> list[KpiValue]:
    """Per period: one value per original currency, and key "total" in the reporting
    currency at the latest rate on or before the period's last day."""
    rows = _confirmed(query).exclude(**{currency: ""})
    per_currency = bucketed(rows, query, date_field="confirmed_at", key=currency, total=amount)
    table = _rate_table(query)
    values: list[KpiValue] = []
    for period in periods(query):
        own = [v for v in per_currency if v.period == period.label and v.key]
        values += [KpiValue(period=v.period, value=v.value, key=v.key, currency=v.key) for v in own]
        rates = _rates_on(table, period.last_day)
        try:
            total = total_in([(int(v.value or 0), v.key) for v in own], query.currency, rates)
        except MissingRateError as error:
            note = no_rate_message(period.last_day) if rates is None else str(error)
            values.append(
                KpiValue(
                    period=period.label, value=None, key="total", currency=query.currency, note=note
                )
            )
            continue
        values.append(
            KpiValue(
                period=period.label,
                value=total.amount,
                key="total",
                currency=query.currency,
                rate_date=total.rate_date,
                note=total.rate_note if total.rate_date else "",
            )
        )
    return values


def contract_value(query: KpiQuery) -> list[KpiValue]:
    """The contract value of agreements confirmed in each period: one value per currency
    (minor units, key = the ISO 4217 code) and key "total" in the reporting currency,
    converted at the latest rate on or before the period's last day (`rate_date`)."""
    return _money(query, "value_amount", "value_currency")


def investment_committed(query: KpiQuery) -> list[KpiValue]:
    """The investment committed by agreements confirmed in each period, per currency and
    in total in the reporting currency, as for the contract value."""
    return _money(query, "investment_amount", "investment_currency")


def jobs_expected(query: KpiQuery) -> list[KpiValue]:
    """Jobs the agreements confirmed in each period expect to create."""
    return bucketed(_confirmed(query), query, date_field="confirmed_at", total="jobs_expected")


def jobs_created(query: KpiQuery) -> list[KpiValue]:
    """Jobs created so far, as of the end of each period: over the agreements confirmed by
    then, each party's latest report on or before the period's last day (reports are
    cumulative, so this is a stock, not a flow). Two queries."""
    chosen = periods(query)
    if not chosen:
        return []
    agreements = list(
        _confirmed(query)
        .filter(confirmed_at__lt=chosen[-1].ends_at())
        .only("pk", "confirmed_at")
        .prefetch_related(
            Prefetch(
                "observations",
                queryset=OutcomeObservation.objects.filter(observed_on__lt=chosen[-1].end).only(
                    "pk", "agreement_id", "company_id", "observed_on", "jobs_created"
                ),
                to_attr="reports",
            )
        )
    )
    values = []
    for period in chosen:
        cutoff = instant(period.end)
        total = sum(
            row.jobs_created
            for agreement in agreements
            if agreement.confirmed_at is not None and agreement.confirmed_at < cutoff
            for row in latest_by_party(agreement.reports, period.last_day).values()
        )
        values.append(KpiValue(period=period.label, value=total))
    return values


def _kpi(code: str, name: Any, definition: Any, unit: Unit, compute: Any, order: int) -> Kpi:
    return Kpi(
        code=f"engagement.{code}",
        topic="engagement",
        name=name,
        definition=definition,
        unit=unit,
        source_app=SOURCE,
        compute=compute,
        order=order,
    )


KPIS = [
    _kpi(
        "interests",
        gettext_lazy("Expressions of interest"),
        gettext_lazy("Expressions of interest sent in the period, by their status now."),
        Unit.COUNT,
        interests_by_status,
        10,
    ),
    _kpi(
        "interest_response_days",
        gettext_lazy("Median response time to an expression of interest"),
        gettext_lazy("Median days from sending to acceptance or decline."),
        Unit.DAYS,
        interest_response_days,
        20,
    ),
    _kpi(
        "introductions",
        gettext_lazy("Introductions by stage"),
        gettext_lazy("Introductions made in the period, by their stage now."),
        Unit.COUNT,
        introductions_by_stage,
        30,
    ),
    _kpi(
        "funnel",
        gettext_lazy("Partnership funnel"),
        gettext_lazy("From registration to confirmed agreement: the records of each step."),
        Unit.COUNT,
        funnel,
        40,
    ),
    _kpi(
        "funnel_conversion",
        gettext_lazy("Conversion between funnel steps"),
        gettext_lazy("Each funnel step as a percent of the step before it."),
        Unit.PERCENT,
        funnel_conversion,
        50,
    ),
    _kpi(
        "agreements_confirmed",
        gettext_lazy("Agreements confirmed"),
        gettext_lazy("Agreements confirmed in the period, by type."),
        Unit.COUNT,
        agreements_confirmed,
        60,
    ),
    _kpi(
        "agreements_by_sector",
        gettext_lazy("Partnerships by sector"),
        gettext_lazy("Agreements confirmed in the period, by the sectors of their parties."),
        Unit.COUNT,
        agreements_by_sector,
        70,
    ),
    _kpi(
        "agreements_by_region",
        gettext_lazy("Partnerships by province or prefecture"),
        gettext_lazy("Agreements confirmed in the period, by where their parties are."),
        Unit.COUNT,
        agreements_by_region,
        80,
    ),
    _kpi(
        "contract_value",
        gettext_lazy("Contract value"),
        gettext_lazy("Value of the agreements confirmed in the period, per currency and in total."),
        Unit.MONEY,
        contract_value,
        90,
    ),
    _kpi(
        "investment_committed",
        gettext_lazy("Investment committed"),
        gettext_lazy("Investment the agreements confirmed in the period commit."),
        Unit.MONEY,
        investment_committed,
        100,
    ),
    _kpi(
        "jobs_expected",
        gettext_lazy("Jobs expected"),
        gettext_lazy("Jobs the agreements confirmed in the period expect to create."),
        Unit.PERSONS,
        jobs_expected,
        110,
    ),
    _kpi(
        "jobs_created",
        gettext_lazy("Jobs created"),
        gettext_lazy("Jobs the parties report as created, as of the end of the period."),
        Unit.PERSONS,
        jobs_created,
        120,
    ),
]
