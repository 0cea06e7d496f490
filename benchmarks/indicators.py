"""Benchmark the indicators dashboard: `dashboard_data()` over a year of programme data.

    PYTHONPATH=src python benchmarks/indicators.py [--companies 100000] [--write-docs]
    DATABASE_URL=postgres://... PYTHONPATH=src python benchmarks/indicators.py

Generates, with bulk_create into a fresh database, a year (2017) of records around N
companies (half Indonesian, half Japanese, one or two sectors each, 40% verified): N/5
published profiles, 3N/10 expressions of interest in every status, N/12 introductions with
their stage changes, N/40 agreements (most confirmed, in IDR, JPY and USD) with parties and
outcome reports, a year of daily exchange rates, and N/5,000 events with 500 meetings each,
check-ins, no-shows and ratings. Then times `dashboard_data()` for the year by month and by
quarter, and filtered by region and sector (best of 3 each), against a baseline timed in the
same process: one COUNT(*) over the companies that must scan the table (a range on the
unindexed creation date). The goal is under 1 second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
GOAL_SECONDS = 1.0


def _setup_django(database_url: str | None, var_dir: Path) -> None:
    os.environ["JEMBATAN_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "jembatan.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _moment(rng: random.Random, start: dt.datetime, days: int = 365) -> dt.datetime:
    return start + dt.timedelta(seconds=rng.randrange(days * 86400))


def generate(companies: int, seed: int = 11) -> dict[str, int]:
    """Write the data set; returns the number of rows of each kind."""
    from zoneinfo import ZoneInfo

    from jembatan.engagement.models import (
        Agreement,
        AgreementParty,
        ExchangeRate,
        ExpressionOfInterest,
        Introduction,
        IntroductionStageChange,
        OutcomeObservation,
    )
    from jembatan.opportunities.models import PartnershipProfile
    from jembatan.registry.models import Company, ProgrammeSector, Region

    rng = random.Random(seed)
    zone = ZoneInfo("Asia/Jakarta")
    year = dt.datetime(2017, 1, 1, tzinfo=zone)
    regions = {
        c: list(Region.objects.filter(country=c).values_list("code", flat=True))
        for c in ("ID", "JP")
    }
    sectors = list(ProgrammeSector.objects.values_list("slug", flat=True))
    sizes = {"ID": ["small", "medium", "large"], "JP": ["small_enterprise", "sme", "large_jp"]}
    batch = 5000

    rows = []
    for n in range(companies):
        country = "ID" if n % 2 == 0 else "JP"
        created = _moment(rng, year)
        verified = rng.random() < 0.4
        rows.append(
            Company(
                name=f"Bench company {n}",
                country=country,
                registry_id=f"{n:013d}",
                region_id=rng.choice(regions[country]),
                size_class=rng.choice(sizes[country]),
                verification="verified" if verified else "unverified",
                verified_at=created + dt.timedelta(days=rng.randint(1, 30)) if verified else None,
            )
        )
    Company.objects.bulk_create(rows, batch_size=batch)
    ids = list(Company.objects.order_by("pk").values_list("pk", flat=True))
    # created_at is auto_now_add: set the year's dates afterwards, in one statement per batch
    created_of = {pk: _moment(rng, year) for pk in ids}
    from django.db.models import Case, DateTimeField, Value, When

    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        Company.objects.filter(pk__in=chunk).update(
            created_at=Case(
                *[When(pk=pk, then=Value(created_of[pk])) for pk in chunk],
                output_field=DateTimeField(),
            )
        )
    through = Company.sectors.through
    links = []
    for pk in ids:
        for slug in rng.sample(sectors, rng.choice((1, 1, 2))):
            links.append(through(company_id=pk, programmesector_id=slug))
    through.objects.bulk_create(links, batch_size=batch)

    kinds = ["business", "technology", "investment", "subcontracting", "research", "vocational"]
    profiles = [
        PartnershipProfile(
            company_id=rng.choice(ids),
            kind=rng.choice(kinds),
            direction=rng.choice(["offer", "request"]),
            title=f"Profile {n}",
            summary="Bench",
            sector_id=rng.choice(sectors),
            status="published",
            published_at=_moment(rng, year),
            expires_at=year + dt.timedelta(days=800),
        )
        for n in range(companies // 5)
    ]
    PartnershipProfile.objects.bulk_create(profiles, batch_size=batch)
    profile_rows = list(PartnershipProfile.objects.values_list("pk", "company_id"))

    statuses = ["pending", "awaiting_officer", "accepted", "declined", "withdrawn", "expired"]
    interests = []
    for n in range(companies * 3 // 10):
        profile, _owner = rng.choice(profile_rows)
        sent = _moment(rng, year)
        status = statuses[n % len(statuses)] if n % 7 else "accepted"
        answered = (
            sent + dt.timedelta(hours=rng.randint(2, 400))
            if status in ("accepted", "declined", "expired")
            else None
        )
        interests.append(
            ExpressionOfInterest(
                profile_id=profile, requester_company_id=rng.choice(ids), message="Bench",
                status=status, created_at=sent, answered_at=answered,
            )
        )  # fmt: skip
    ExpressionOfInterest.objects.bulk_create(interests, batch_size=batch)

    stages = ["introduced", "met", "negotiating", "signed", "closed"]
    intros = []
    for n in range(companies // 12):
        made = _moment(rng, year)
        intros.append(
            Introduction(
                company_a_id=rng.choice(ids), company_b_id=rng.choice(ids),
                profile_id=rng.choice(profile_rows)[0], stage=stages[n % 5], created_at=made,
                stage_changed_at=made, last_activity_at=made,
            )
        )  # fmt: skip
    Introduction.objects.bulk_create(intros, batch_size=batch)
    changes = []
    for pk, stage, made in Introduction.objects.values_list("pk", "stage", "created_at"):
        path = {"met": ["met"], "negotiating": ["met", "negotiating"],
                "signed": ["met", "negotiating", "signed"], "closed": ["met", "closed"]}.get(stage, [])  # fmt: skip
        before = "introduced"
        for step, to_stage in enumerate(path, start=1):
            changes.append(
                IntroductionStageChange(
                    introduction_id=pk, from_stage=before, to_stage=to_stage,
                    changed_at=made + dt.timedelta(days=step * 7),
                )
            )  # fmt: skip
            before = to_stage
    IntroductionStageChange.objects.bulk_create(changes, batch_size=batch)

    types = [
        "supply",
        "subcontracting",
        "distribution",
        "licence",
        "joint_venture",
        "investment",
        "mou",
    ]
    currencies = [("IDR", 10**9), ("JPY", 10**7), ("USD", 10**7)]
    agreements = []
    for n in range(companies // 40):
        confirmed = n % 5 != 0
        signed = _moment(rng, year, 350)
        currency, scale = rng.choice(currencies)
        agreements.append(
            Agreement(
                type=rng.choice(types), signed_on=signed.date(),
                value_amount=rng.randint(1, 100) * scale, value_currency=currency,
                investment_amount=rng.randint(1, 100) * scale if n % 3 == 0 else None,
                investment_currency=currency if n % 3 == 0 else "",
                jobs_expected=rng.randint(0, 50), status="confirmed" if confirmed else "reported",
                reported_at=signed, confirmed_at=signed + dt.timedelta(days=5) if confirmed else None,
            )
        )  # fmt: skip
    Agreement.objects.bulk_create(agreements, batch_size=batch)
    parties, reports = [], []
    for pk, signed_on in Agreement.objects.values_list("pk", "signed_on"):
        pair = rng.sample(ids, 2)
        parties += [AgreementParty(agreement_id=pk, company_id=c) for c in pair]
        reports.append(
            OutcomeObservation(
                agreement_id=pk, company_id=pair[0], observed_on=signed_on + dt.timedelta(days=90),
                active=True, jobs_created=rng.randint(0, 30),
                recorded_at=year + dt.timedelta(days=200),
            )
        )  # fmt: skip
    AgreementParty.objects.bulk_create(parties, batch_size=batch)
    OutcomeObservation.objects.bulk_create(reports, batch_size=batch)
    ExchangeRate.objects.bulk_create(
        [
            ExchangeRate(on=dt.date(2017, 1, 1) + dt.timedelta(days=d),
                         idr_per_usd=Decimal(13300 + d), jpy_per_usd=Decimal("112.5"))
            for d in range(365)
        ]
    )  # fmt: skip

    meetings = 0
    for e in range(max(1, companies // 5000)):
        meetings += _event(e, rng, ids, year)
    return {
        "companies": companies,
        "sector links": len(links),
        "profiles": len(profiles),
        "interests": len(interests),
        "introductions": len(intros),
        "stage changes": len(changes),
        "agreements": len(agreements),
        "meetings": meetings,
    }


def _event(n: int, rng: random.Random, ids: list[int], year: dt.datetime) -> int:
    """One event of 200 participants (a tenth of them no-shows) and 500 meetings."""
    from jembatan.events.models import Event, Meeting, MeetingRequest, Participant, Session, Slot
    from jembatan.events.models.event import Table
    from jembatan.events.models.feedback import MeetingRating

    day = (year + dt.timedelta(days=10 + n * 17)).date()
    event = Event.objects.create(name=f"Bench event {n}", venue="JCC", table_count=50)
    session = Session.objects.create(event=event, day=day, starts=dt.time(9), ends=dt.time(14))
    start = dt.datetime.combine(day, dt.time(9), tzinfo=year.tzinfo)
    slots = Slot.objects.bulk_create(
        [
            Slot(event=event, session=session, code=f"d1-{i:02d}",
                 starts_at=start + dt.timedelta(minutes=30 * i),
                 ends_at=start + dt.timedelta(minutes=30 * i + 30))
            for i in range(10)
        ]
    )  # fmt: skip
    tables = Table.objects.bulk_create([Table(event=event, number=i + 1) for i in range(50)])
    people = Participant.objects.bulk_create(
        [
            Participant(
                event=event, company_id=c, name=f"P{c}", languages=["en"],
                checked_in_at=start if k % 10 else None, no_show_at=None if k % 10 else start,
            )
            for k, c in enumerate(rng.sample(ids, 200))
        ]
    )  # fmt: skip
    requests = MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(event=event, sender=people[i], receiver=people[(i + j) % 200],
                           status="accepted")
            for i in range(200) for j in (1, 2, 3)
        ][:500]
    )  # fmt: skip
    placed = Meeting.objects.bulk_create(
        [
            Meeting(event=event, request=r, stage="published", slot=slots[k // 50],
                    table=tables[k % 50])
            for k, r in enumerate(requests)
        ]
    )  # fmt: skip
    MeetingRating.objects.bulk_create(
        [
            MeetingRating(meeting=m, participant=m.request.sender,
                          worth_continuing=rng.random() < 0.6)
            for m in placed[::2]
        ]
    )  # fmt: skip
    return len(placed)


def _sizes(companies: int) -> dict[str, int]:
    from jembatan.engagement.models import (
        Agreement,
        ExpressionOfInterest,
        Introduction,
        IntroductionStageChange,
    )
    from jembatan.events.models import Meeting
    from jembatan.opportunities.models import PartnershipProfile
    from jembatan.registry.models import Company

    return {
        "companies": Company.objects.count(),
        "sector links": Company.sectors.through.objects.count(),
        "profiles": PartnershipProfile.objects.count(),
        "interests": ExpressionOfInterest.objects.count(),
        "introductions": Introduction.objects.count(),
        "stage changes": IntroductionStageChange.objects.count(),
        "agreements": Agreement.objects.count(),
        "meetings": Meeting.objects.count(),
    }


def best_of(action: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def run(
    companies: int, database_url: str | None, keep: Path | None = None
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as scratch:
        var_dir = keep or Path(scratch)
        var_dir.mkdir(parents=True, exist_ok=True)
        _setup_django(database_url, var_dir)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import translation

        from jembatan.core.domain.kpis import KpiQuery
        from jembatan.indicators.domain.dashboard import dashboard_data
        from jembatan.registry.models import Company

        began = time.perf_counter()
        if keep is not None and Company.objects.exists():
            sizes = _sizes(companies)  # the data set a previous run generated in `keep`
        else:
            sizes = generate(companies)
        print(f"generated in {time.perf_counter() - began:.0f} s: {sizes}", flush=True)
        year = (dt.date(2017, 1, 1), dt.date(2018, 1, 1))
        start = dt.datetime(2017, 1, 1, tzinfo=dt.UTC)
        baseline = best_of(lambda: Company.objects.filter(created_at__gte=start).count())
        queries = {
            "year by month": KpiQuery(*year, period="month"),
            "year by quarter": KpiQuery(*year, period="quarter"),
            "filtered (ID-JB, textiles)": KpiQuery(*year, period="month", region="ID-JB", sector="textiles"),
        }  # fmt: skip
        results = []
        with translation.override("en"):
            for name, query in queries.items():
                with CaptureQueriesContext(connection) as captured:
                    dashboard_data(query)
                seconds = best_of(partial(dashboard_data, query))
                results.append(
                    {
                        "query": name,
                        "seconds": seconds,
                        "queries": len(captured.captured_queries),
                        "baseline": baseline,
                        "ratio": seconds / baseline,
                    }
                )
            # What the pages read: the same figures from the shared cache, once computed.
            from jembatan.indicators.domain.dashboard_cache import current_dashboard

            year_query = queries["year by month"]
            current_dashboard(year_query, refresh=True)
            with CaptureQueriesContext(connection) as captured:
                current_dashboard(year_query)
            seconds = best_of(lambda: current_dashboard(year_query))
            results.append(
                {
                    "query": "year by month, as the dashboard page reads it (cached)",
                    "seconds": seconds,
                    "queries": len(captured.captured_queries),
                    "baseline": baseline,
                    "ratio": seconds / baseline,
                }
            )
        print(f"{'query':<30} {'seconds':>8} {'queries':>8} {'x baseline':>11}")
        for r in results:
            print(f"{r['query']:<30} {r['seconds']:8.3f} {r['queries']:8d} {r['ratio']:11.1f}")
        print(f"baseline (COUNT(*) scanning the companies): {baseline * 1000:.1f} ms")
        return sizes, results


def write_docs(sizes: dict[str, int], vendor: str, results: list[dict[str, Any]]) -> None:
    lines = [
        f"### Indicators dashboard, {sizes['companies']:,} companies, {vendor}",
        "",
        "Data: " + ", ".join(f"{v:,} {k}" for k, v in sizes.items()) + " (all in 2017).",
        "",
        "| dashboard_data() for | seconds | queries | × baseline | goal < 1 s |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        ok = "yes" if r["seconds"] < GOAL_SECONDS else "no"
        lines.append(
            f"| {r['query']} | {r['seconds']:.3f} | {r['queries']} | {r['ratio']:.1f} | {ok} |"
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines.append(
        f"\nBaseline: one COUNT(*) over the companies that scans the table, "
        f"{results[0]['baseline'] * 1000:.1f} ms in the same run (best of 3). The machine was "
        f"shared (load average {load} on {os.cpu_count()} cores): compare the ratios."
    )
    section = "\n".join(lines) + "\n"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    start, end = "<!-- indicators:start -->", "<!-- indicators:end -->"
    if start not in text:
        text = text.rstrip("\n") + (
            "\n\n## Indicators\n\n`benchmarks/indicators.py`: the dashboard's figures "
            f"(`jembatan.indicators.domain.dashboard.dashboard_data`).\n\n{start}\n{end}\n"
        )
    before, rest = text.split(start, 1)
    old, after = rest.split(end, 1)
    blocks = {
        m.group(1): m.group(0)
        for m in re.finditer(r"### Indicators dashboard, [^\n]*?, (\w+)\n.*?(?=\n### |\Z)", old.strip() + "\n", re.S)
    }  # fmt: skip
    blocks[vendor] = section
    body = "\n".join(blocks[key].rstrip("\n") + "\n" for key in sorted(blocks))
    DOCS.write_text(f"{before}{start}\n{body}{end}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="SQLite folder to keep the generated data in, and to reuse on the next run",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    database_url = os.environ.get("DATABASE_URL")
    vendor = "PostgreSQL" if database_url and database_url.startswith("postgres") else "SQLite"
    sizes, results = run(args.companies, database_url, args.keep)
    if args.write_docs:
        write_docs(sizes, vendor, results)


if __name__ == "__main__":
    main()
