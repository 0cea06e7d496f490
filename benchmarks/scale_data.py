"""Benchmark fixture at national size: N companies, 200,000 profiles and their vectors.

    JEMBATAN_VAR_DIR=/tmp/scale PYTHONPATH=src python benchmarks/scale_data.py \
        --companies 1000000 [--profiled 100000] [--no-vectors]
    DATABASE_URL=postgres://... PYTHONPATH=src python benchmarks/scale_data.py \
        --companies 4030000

For benchmarks/pages_scale.py (issue 15, "Pages and search at 4 million companies"), not a
product feature. Fills an empty database (migrated here) in chunks of 50,000 rows, so that
memory stays flat whatever N:

- companies drawn by the demo's own generators (valid NIBs and corporate numbers, real
  towns in their provinces and prefectures, the demo's sectors and names; names repeat,
  registry ids never do), half Indonesian and half Japanese, with the sizes redrawn from
  the registries' shape: most firms are micro and small (IKM: about 65 % under 5 workers,
  28 % 5-19, 6 % 20-99, 1 % 100 or more; Japan's SMEs alike), so that the size filter has
  the skew it has in life; verification 55 % verified, 40 % waiting, 5 % returned, the
  waiting ones created over two years (the officers' queue is long);
- written with COPY on PostgreSQL (psycopg 3) and executemany on SQLite, with explicit
  ids; the sector links (one per firm) and certifications likewise. On SQLite the name
  index's triggers are dropped for the load and the index refilled once at the end
  (registry/domain/name_index.ensure_name_index);
- two published profiles for each of ``--profiled`` firms (every N/profiled-th one, 200,000
  profiles by default), their contacts, and ``--users`` members of verified profiled firms,
  written by benchmarks/load_data.py's functions, with its synthetic vectors for the
  profiles (``--no-vectors`` leaves them out);
- an officer (``scale.officer``), listed with the members in
  ``JEMBATAN_VAR_DIR/load_users.json``.

Prints how long each step took, and rows/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_data
from load_data import LOAD_PASSWORD, Clock, setup_django

CHUNK = 50_000
COMPANY_TABLE = "registry_company"

# (share, lowest, highest workers): the registries' skew, micro firms first.
SIZE_SHAPE = ((0.65, 1, 4), (0.28, 5, 19), (0.06, 20, 99), (0.01, 100, 1200))
VERIFICATION_SHAPE = (("verified", 0.55), ("unverified", 0.40), ("rejected", 0.05))
START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def draw_workers(rng: random.Random) -> int:
    roll = rng.random()
    for share, low, high in SIZE_SHAPE:
        if roll < share:
            return rng.randint(low, high)
        roll -= share
    return SIZE_SHAPE[-1][2]


def draw_verification(rng: random.Random) -> str:
    roll = rng.random()
    for state, share in VERIFICATION_SHAPE:
        if roll < share:
            return state
        roll -= share
    return VERIFICATION_SHAPE[0][0]


class Drawer:
    """Demo specs, Indonesian and Japanese in turn, with unique registry ids across chunks."""

    def __init__(self, seed: int = 20240101) -> None:
        from jembatan.demo.domain.profiles import ID_PROFILES, JP_PROFILES

        self.rng = random.Random(seed)
        self.taken: dict[str, set[str]] = {"ID": set(), "JP": set()}
        self.names: dict[str, set[str]] = {"ID": set(), "JP": set()}
        self.profiles = {"ID": ID_PROFILES, "JP": JP_PROFILES}

    def spec(self, i: int) -> Any:
        from jembatan.demo.domain import companies_id, companies_jp

        country = "ID" if i % 2 == 0 else "JP"
        if len(self.names[country]) > 400:  # the demo's name space is small: names repeat
            self.names[country] = set()
        profile = self.profiles[country][(i // 2) % len(self.profiles[country])]
        if country == "ID":
            return companies_id._firm(self.rng, profile, self.taken["ID"], self.names["ID"])
        return companies_jp._firm(self.rng, profile, 1, self.taken["JP"], self.names["JP"])


class Writer:
    """Rows into a table, by COPY on PostgreSQL and executemany on SQLite."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def write(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        names = ", ".join(columns)
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                raw = cursor.cursor  # psycopg 3's own cursor, under Django's wrapper
                with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


POOL = 40_000  # distinct demo firms drawn; the rows beyond reuse them with new identities
VARIED = (
    "id",
    "registry_id",
    "employees",
    "capital_amount",
    "size_class",
    "verification",
    "verified_at",
    "created_at",
    "updated_at",
)


class Rows:
    """Company rows: a pool of demo firms (names, towns, descriptions, readings), each row
    one of them with its own registry id (valid NIB or corporate number), size and state."""

    def __init__(self, pool: list[Any], regions: dict[str, Any], connection: Any) -> None:
        from jembatan.registry.models import Company

        self.connection = connection
        self.fields = list(Company._meta.concrete_fields)
        self.columns = [str(f.column) for f in self.fields]
        self.position = {f.attname: n for n, f in enumerate(self.fields)}
        self.by_name = {f.attname: f for f in self.fields}
        self.pool = pool
        self.base = [self._base_row(spec, regions) for spec in pool]
        self.taken: dict[str, set[str]] = {
            "ID": {s.registry_id for s in pool if s.country == "ID"},
            "JP": {s.registry_id for s in pool if s.country == "JP"},
        }

    def _base_row(self, spec: Any, regions: dict[str, Any]) -> list[Any]:
        from jembatan.registry.domain.readings import fill_readings
        from jembatan.registry.models import Company

        company = Company(
            pk=0,
            country=spec.country,
            registry_id=spec.registry_id,
            region=regions[spec.region],
            languages=list(spec.languages),
            created_at=START,
            updated_at=START,
        )
        for name in COPIED:
            setattr(company, name, getattr(spec, name))
        fill_readings(company)
        return list(as_row(company, self.fields, self.connection))

    def make(self, pk: int, rng: random.Random) -> tuple[tuple[Any, ...], Any]:
        """Row ``pk`` (from 1) and the spec it was drawn from (with its identity)."""
        from dataclasses import replace

        from jembatan.demo.domain.identifiers import corporate_number, nib
        from jembatan.registry.domain.derived import size_class_for

        index = pk - 1 if pk <= len(self.pool) else rng.randrange(len(self.pool))
        spec = self.pool[index]
        if pk > len(self.pool):
            taken = self.taken[spec.country]
            registry_id = (
                nib(rng, taken)
                if spec.country == "ID"
                else corporate_number(rng, spec.region, spec.legal_form, taken)
            )
        else:
            registry_id = spec.registry_id
        workers = draw_workers(rng)
        unit = 1_000_000 if spec.country == "ID" else 100_000
        capital = workers * rng.randint(5, 90) * unit
        state = draw_verification(rng)
        spec = replace(
            spec,
            registry_id=registry_id,
            employees=workers,
            capital_amount=capital,
            verification=state,
        )
        created = START + dt.timedelta(seconds=pk * 15 + rng.randint(0, 14))
        verified = created + dt.timedelta(days=3) if state == "verified" else None
        size = size_class_for(spec)  # reads country, employees, capital and currency
        row = list(self.base[index])
        prep = self._prep
        for name, value in (
            ("id", pk),
            ("registry_id", registry_id),
            ("employees", workers),
            ("capital_amount", capital),
            ("size_class", size),
            ("verification", state),
            ("verified_at", prep("verified_at", verified)),
            ("created_at", prep("created_at", created)),
            ("updated_at", prep("updated_at", created)),
        ):
            row[self.position[name]] = value
        return tuple(row), spec

    def _prep(self, name: str, value: Any) -> Any:
        if value is None:
            return None
        return self.by_name[name].get_db_prep_save(value, self.connection)


COPIED = (
    "name",
    "name_alt",
    "name_kana",
    "legal_form",
    "address",
    "city",
    "founded_year",
    "employees",
    "capital_amount",
    "capital_currency",
    "turnover_band",
    "export_experience",
    "other_certifications",
    "website",
    "description",
    "description_language",
    "verification",
    "verification_note",
)


def as_row(company: Any, fields: list[Any], connection: Any) -> tuple[Any, ...]:
    values = []
    for field in fields:
        value = getattr(company, field.attname)
        if field.get_internal_type() == "JSONField":
            values.append(json.dumps(value))
        else:
            values.append(field.get_db_prep_save(value, connection))
    return tuple(values)


def ranges(total: int, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def drop_name_triggers(connection: Any) -> None:
    from jembatan.registry.domain.name_index import NAME_FTS, TRIGGERS

    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for trigger in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        cursor.execute(f"DELETE FROM {NAME_FTS}")  # noqa: S608


def drop_indexes(connection: Any) -> list[str]:
    """PostgreSQL: the company table's indexes other than its constraints, dropped for the
    load (COPY into an indexed table maintains every trigram GIN row by row); returns their
    definitions, to build once at the end."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [COMPANY_TABLE],
        )
        found = cursor.fetchall()
        for name, _definition in found:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in found]


def write_officer() -> str:
    from django.contrib.auth.hashers import make_password

    from jembatan.accounts.models import User

    User.objects.create(
        username="scale.officer",
        role="officer",
        language="en",
        email="scale.officer@jembatan.example",
        password=make_password(LOAD_PASSWORD),
    )
    return "scale.officer"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--companies", type=int, default=1_000_000)
    parser.add_argument("--profiled", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--no-vectors", action="store_true")
    args = parser.parse_args(argv)
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from jembatan.demo.domain.load import contacts_of
    from jembatan.demo.domain.places import REGION_NAMES
    from jembatan.demo.domain.regions import ensure_regions
    from jembatan.registry.domain.name_index import ensure_name_index
    from jembatan.registry.models import Certification, Company, Contact, ProgrammeSector

    clock = Clock()
    call_command("migrate", verbosity=0)
    clock.lap("migrate")
    if Company.objects.exists():
        raise SystemExit("The database is not empty: scale_data.py fills an empty one.")
    regions, _ = ensure_regions(set(REGION_NAMES))
    sectors = {s.slug: s.pk for s in ProgrammeSector.objects.all()}
    certifications = {c.code: c.pk for c in Certification.objects.all()}
    drawer = Drawer()
    pool = [drawer.spec(i) for i in range(min(POOL, args.companies))]
    maker = Rows(pool, regions, connection)
    clock.lap(f"draw a pool of {len(pool):,} demo firms")
    writer = Writer(connection)
    rng = random.Random(15)
    every = max(1, args.companies // max(1, args.profiled))
    profiled_specs: list[Any] = []
    profiled: list[Any] = []
    drop_name_triggers(connection)
    dropped = drop_indexes(connection)
    started = time.perf_counter()
    drawing = 0.0
    for start, end in ranges(args.companies):
        tick = time.perf_counter()
        made = [maker.make(pk, rng) for pk in range(start + 1, end + 1)]
        drawing += time.perf_counter() - tick
        with transaction.atomic():
            writer.write(COMPANY_TABLE, maker.columns, [row for row, _ in made])
            writer.write(
                "registry_company_sectors",
                ["company_id", "programmesector_id"],
                [(row[0], sectors[s.sector]) for row, s in made if s.sector in sectors],
            )
            writer.write(
                "registry_company_certifications",
                ["company_id", "certification_id"],
                [
                    (row[0], certifications[code])
                    for row, s in made
                    for code in s.certifications
                    if code in certifications
                ],
            )
        for row, spec in made[::every]:
            if len(profiled) < args.profiled:
                profiled.append(Company(pk=row[0], country=spec.country, name=spec.name))
                profiled_specs.append(spec)
        rate = end / (time.perf_counter() - started)
        print(f"  {end:>9,} companies, {rate:,.0f}/s (drawing {drawing:.0f} s)", flush=True)
    clock.lap(f"write {args.companies:,} companies ({drawing:.0f} s drawing them)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('registry_company', 'id'), %s)",
                [args.companies],
            )
    with connection.cursor() as cursor:
        for definition in dropped:
            cursor.execute(definition)
    if dropped:
        clock.lap(f"build {len(dropped)} indexes")
    ensure_name_index(connection)
    clock.lap("name index refilled (SQLite)" if connection.vendor == "sqlite" else "sequence")
    with transaction.atomic():
        Contact.objects.bulk_create(contacts_of(profiled_specs, profiled), batch_size=2000)
        profiles = load_data.write_profiles(profiled_specs, profiled)
        clock.lap(f"write {len(profiles):,} profiles and their contacts")
        users = load_data.write_users(profiled_specs, profiled, profiles, args.users)
        officer = write_officer()
        clock.lap(f"write {len(users)} members and an officer")
    if not args.no_vectors:
        from jembatan.matching.domain.embeddings import profile_text
        from jembatan.matching.models import ObjectType

        items = [(p.pk, profile_text(p)) for p in profiles]
        with transaction.atomic():
            load_data.write_embeddings(ObjectType.PROFILE, items, seed=1)
            clock.lap("profile embeddings and vector indexes")
            load_data.write_keyword_documents(ObjectType.PROFILE, items)
            clock.lap("profile keyword documents")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    clock.lap("ANALYZE")
    listing = {
        "users": users,
        "officer": officer,
        "password": LOAD_PASSWORD,
        "companies": [1, args.companies],
        "profiles": [profiles[0].pk, profiles[-1].pk],
    }
    path = Path(settings.VAR_DIR) / "load_users.json"
    path.write_text(json.dumps(listing), encoding="utf-8")
    print(f"total {time.perf_counter() - clock.start:.1f} s; users listed in {path}")


if __name__ == "__main__":
    main()
