"""Demo agreements, outcomes and exchange rates, so that the agreement pages, the officers'
figures and the pipeline show something real.

- Exchange rates: the first of each month for the last 15 months (rupiah and yen per dollar).
- Two confirmed agreements: a supply contract in rupiah between the Japanese demo member's
  firm and an Indonesian firm (on their signed introduction when the engagement demo made
  one), and an older technology licence in yen, verified by an officer, with outcome
  observations at 6 and 12 months.
- One agreement reported by a Japanese firm and not yet confirmed by the Indonesian demo
  member's firm (ikm.batik), which can confirm it.

Rows are written directly (no notices, no audit entries). A second run changes nothing;
``reset`` deletes the demo agreements before the firms go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from jembatan.demo.domain.spec import CompanySpec
from jembatan.engagement.domain.outcomes import add_months
from jembatan.engagement.models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    ExchangeRate,
    Introduction,
    OutcomeCheckIn,
    OutcomeObservation,
    Stage,
)
from jembatan.registry.models import Company

TITLES = {
    "supply": "Pasokan kemasan karton untuk lini produksi",
    "licence": "技術ライセンス：自動包装ラインの保守",
    "distribution": "Distribusi batik tulis di Osaka dan Kyoto",
}
# Rupiah and yen per US dollar on the first of each month, oldest first (rounded demo figures).
MONTHLY_RATES: tuple[tuple[str, str], ...] = (
    ("15780.25", "149.85"), ("15890.50", "151.20"), ("16050.00", "153.40"),
    ("16210.75", "155.10"), ("16320.00", "156.80"), ("16180.40", "154.25"),
    ("16045.10", "152.60"), ("15960.90", "150.15"), ("16090.30", "148.90"),
    ("16275.60", "147.35"), ("16390.00", "149.70"), ("16410.25", "151.95"),
    ("16330.80", "153.10"), ("16250.50", "151.25"), ("16305.00", "150.40"),
)  # fmt: skip


def install_rates(today: dt.date) -> int:
    first = dt.date(today.year, today.month, 1)
    created = 0
    for n, (idr, jpy) in enumerate(MONTHLY_RATES):
        on = add_months(first, n - len(MONTHLY_RATES) + 1)
        _row, made = ExchangeRate.objects.get_or_create(
            on=on,
            defaults={
                "idr_per_usd": Decimal(idr),
                "jpy_per_usd": Decimal(jpy),
                "source": "Demo (Bank Indonesia JISDOR, rounded)",
            },
        )
        created += made
    return created


def _firm(
    specs: Sequence[CompanySpec], companies: Sequence[Company], profile: str
) -> Company | None:
    return next((c for s, c in zip(specs, companies, strict=True) if s.profile == profile), None)


def _other(
    specs: Sequence[CompanySpec], companies: Sequence[Company], country: str, skip: set[int]
) -> Company | None:
    return next(
        (
            c
            for s, c in zip(specs, companies, strict=True)
            if s.country == country and c.pk not in skip
        ),
        None,
    )


def _agreement(
    parties: Sequence[Company],
    *,
    type: str,
    signed_on: dt.date,
    value: tuple[int, str] | None,
    investment: tuple[int, str] | None,
    jobs: int,
    confirmed_at: dt.datetime | None,
    introduction: Introduction | None = None,
    confirming: Sequence[Company] = (),
) -> Agreement:
    reported = timezone.make_aware(
        dt.datetime.combine(signed_on + dt.timedelta(days=3), dt.time(9))
    )
    agreement = Agreement.objects.create(
        introduction=introduction,
        type=type,
        title=TITLES[type],
        signed_on=signed_on,
        value_amount=value[0] if value else None,
        value_currency=value[1] if value else "",
        investment_amount=investment[0] if investment else None,
        investment_currency=investment[1] if investment else "",
        jobs_expected=jobs,
        status=AgreementStatus.CONFIRMED if confirmed_at else AgreementStatus.REPORTED,
        reported_at=reported,
        confirmed_at=confirmed_at,
        verified_at=confirmed_at if confirmed_at and not confirming else None,
    )
    for company in parties:
        AgreementParty.objects.create(
            agreement=agreement,
            company=company,
            confirmed_at=reported + dt.timedelta(days=1) if company in confirming else None,
        )
    return agreement


def _observations(agreement: Agreement, parties: Sequence[Company], now: dt.datetime) -> None:
    answers = {6: (True, 8, 12_000_000), 12: (True, 17, 31_500_000)}
    for months, (active, jobs, value) in answers.items():
        due = add_months(agreement.signed_on, months)
        sent = timezone.make_aware(dt.datetime.combine(due, dt.time(9)))
        check_in = OutcomeCheckIn.objects.create(
            agreement=agreement, months=months, due_on=due, sent_at=sent
        )
        for n, company in enumerate(parties):
            OutcomeObservation.objects.create(
                agreement=agreement,
                company=company,
                check_in=check_in,
                observed_on=due + dt.timedelta(days=2 + n),
                active=active,
                jobs_created=jobs if company.country == "ID" else 2,
                value_realised_amount=value,
                value_realised_currency="JPY",
                recorded_at=min(sent + dt.timedelta(days=2 + n), now),
            )


def delete_demo_agreements(companies: Iterable[Company]) -> None:
    Agreement.objects.filter(
        title__in=TITLES.values(), parties__company__in=list(companies)
    ).delete()


def install_demo_agreements(specs: Sequence[CompanySpec], companies: Sequence[Company]) -> int:
    """Write the demo agreements (once); returns how many were written."""
    now = timezone.now()
    today = timezone.localdate(now)
    install_rates(today)
    japanese = _firm(specs, companies, "jp_packaging_machine")
    batik = _firm(specs, companies, "batik")
    if japanese is None or batik is None:
        return 0
    if Agreement.objects.filter(title__in=TITLES.values(), parties__company=japanese).exists():
        return 0
    signed_intro = (
        Introduction.objects.filter(
            Q(company_a=japanese) | Q(company_b=japanese), stage=Stage.SIGNED
        )
        .order_by("created_at")
        .first()
    )
    indonesian = (
        (
            signed_intro.company_b
            if signed_intro.company_a_id == japanese.pk
            else signed_intro.company_a
        )
        if signed_intro is not None
        else _other(specs, companies, "ID", {batik.pk})
    )
    licensor = _other(specs, companies, "JP", {japanese.pk})
    licensee = _other(specs, companies, "ID", {batik.pk, getattr(indonesian, "pk", 0)})
    if indonesian is None or licensor is None or licensee is None:
        return 0
    signed = today - dt.timedelta(days=60)
    _agreement(
        [japanese, indonesian],
        type="supply",
        signed_on=signed,
        value=(2_400_000_000, "IDR"),
        investment=None,
        jobs=15,
        confirmed_at=timezone.make_aware(
            dt.datetime.combine(signed + dt.timedelta(days=5), dt.time(10))
        ),
        introduction=signed_intro,
        confirming=[japanese, indonesian],
    )
    old = add_months(today, -13)
    licence = _agreement(
        [licensor, licensee],
        type="licence",
        signed_on=old,
        value=(45_000_000, "JPY"),
        investment=(30_000_000, "JPY"),
        jobs=20,
        confirmed_at=timezone.make_aware(
            dt.datetime.combine(old + dt.timedelta(days=10), dt.time(10))
        ),
    )
    _observations(licence, [licensor, licensee], now)
    buyer = _other(specs, companies, "JP", {japanese.pk, licensor.pk})
    if buyer is not None:
        _agreement(
            [buyer, batik],
            type="distribution",
            signed_on=today - dt.timedelta(days=10),
            value=(8_500_000, "JPY"),
            investment=None,
            jobs=4,
            confirmed_at=None,
            confirming=[buyer],
        )
    return 3
