"""Benchmark fixture: fill an empty database with N companies, 2N profiles and vectors.

    PYTHONPATH=src python benchmarks/load_data.py [--companies 100000] [--users 300]
    DATABASE_URL=postgres://... PYTHONPATH=src python benchmarks/load_data.py

For the load test (benchmarks/load.py), not a product feature. Migrates the database
named by DATABASE_URL (or the SQLite file under JEMBATAN_VAR_DIR), then writes, in bulk:

- N companies, half Indonesian and half Japanese, drawn by the demo's own generators
  (valid NIBs and corporate numbers, towns, descriptions, contacts); the demo's names run
  out after a few thousand firms, so names repeat (registry ids never do);
- two published partnership profiles per company, with the demo's profile texts;
- synthetic embeddings (benchmarks/synthetic.py, clustered 384-d unit vectors) stored
  as the matching app stores real ones: Embedding rows keyed by text hash for both roles
  and for every phrase chunk (so explanations find their vectors), EmbeddedObject rows,
  keyword documents (with SQLite's FTS5 rows) and the four vector indexes. Encoding
  300,000 texts with e5 would take hours on two cores; query texts typed into the search
  are still encoded by the real encoder at request time;
- ``--users`` company members (password ``jembatan-load``) acting for verified firms,
  listed with their profiles in ``JEMBATAN_VAR_DIR/load_users.json`` for the locustfile.

Prints how long each step took.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from synthetic import clustered_vectors  # noqa: E402

LOAD_PASSWORD = "jembatan-load"  # noqa: S105  a benchmark fixture's throwaway accounts
BATCH = 2000
DIM = 384


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jembatan.settings")
    import django

    django.setup()


class Clock:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.last = self.start

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        print(f"{what:<44} {now - self.last:7.1f} s", flush=True)
        self.last = now


def chunks(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def company_specs(n: int, seed: int = 20240101) -> list[Any]:
    """N demo firm specs, Indonesian and Japanese in turn, with unique registry ids."""
    from jembatan.demo.domain import companies_id, companies_jp
    from jembatan.demo.domain.profiles import ID_PROFILES, JP_PROFILES

    rng = random.Random(seed)
    id_taken: set[str] = set()
    jp_taken: set[str] = set()
    names: dict[str, set[str]] = {"ID": set(), "JP": set()}
    specs = []
    for i in range(n):
        country = "ID" if i % 2 == 0 else "JP"
        if len(names[country]) > 400:  # the demo's name space is small: let names repeat
            names[country] = set()
        if country == "ID":
            profile = ID_PROFILES[(i // 2) % len(ID_PROFILES)]
            specs.append(companies_id._firm(rng, profile, id_taken, names["ID"]))
        else:
            profile = JP_PROFILES[(i // 2) % len(JP_PROFILES)]
            specs.append(companies_jp._firm(rng, profile, 1, jp_taken, names["JP"]))
    return specs


def write_companies(specs: list[Any]) -> list[Any]:
    from jembatan.demo.domain.load import _company_values, contacts_of
    from jembatan.demo.domain.regions import ensure_regions
    from jembatan.registry.domain.derived import apply_derived_fields
    from jembatan.registry.domain.readings import READING_FIELDS, fill_readings
    from jembatan.registry.models import Company, Contact

    regions, _ = ensure_regions({spec.region for spec in specs})
    readings: dict[tuple[str, ...], tuple[Any, ...]] = {}  # names repeat: read each once
    officers: dict[str, Any] = {"ID": None, "JP": None}  # verified by nobody in particular
    companies = []
    for index, spec in enumerate(specs):
        company = Company(country=spec.country, registry_id=spec.registry_id)
        for name, value in _company_values(spec, index, regions, officers).items():
            setattr(company, name, value)
        company.verified_by = None
        apply_derived_fields(company, None)
        key = (spec.name, spec.name_alt, spec.name_kana, spec.country)
        if key not in readings:
            fill_readings(company)
            readings[key] = tuple(getattr(company, field) for field in READING_FIELDS)
        for field, value in zip(READING_FIELDS, readings[key], strict=True):
            setattr(company, field, value)
        companies.append(company)
    for batch in chunks(companies):
        Company.objects.bulk_create(batch)
    contacts = contacts_of(specs, companies)
    for batch in chunks(contacts):
        Contact.objects.bulk_create(batch)
    return companies


def write_profiles(specs: list[Any], companies: list[Any]) -> list[Any]:
    """Two published profiles per company, published over the last 150 days."""
    import datetime as dt

    from django.utils import timezone

    from jembatan.demo.domain.profiles_demo import profile_values
    from jembatan.opportunities.models import PartnershipProfile
    from jembatan.registry.models import ProgrammeSector

    sectors = {s.slug: s for s in ProgrammeSector.objects.all()}
    now = timezone.now()
    rng = random.Random(7)
    profiles = []
    for index, (spec, company) in enumerate(zip(specs, companies, strict=True)):
        used: set[str] = set()
        for _ in range(2):
            values = profile_values(spec, index, None, used)
            published = now - dt.timedelta(minutes=rng.randint(60, 150 * 24 * 60))
            values.update(
                published_at=published,
                validated_at=published,
                submitted_at=published - dt.timedelta(days=2),
                expires_at=published + dt.timedelta(days=365),
                is_anonymous=False,  # anonymous labels need recheck_labels: skipped here
            )
            profiles.append(
                PartnershipProfile(company=company, sector=sectors.get(spec.sector), **values)
            )
    for batch in chunks(profiles):
        PartnershipProfile.objects.bulk_create(batch)
    return profiles


def write_embeddings(object_type: str, items: list[tuple[int, str]], seed: int) -> None:
    """Embedding and EmbeddedObject rows, keyword documents and both vector indexes."""
    from jembatan.matching.domain.embeddings import ROLES, index_name
    from jembatan.matching.domain.index import VectorIndex
    from jembatan.matching.domain.vector_store import index_dir
    from jembatan.matching.models import EmbeddedObject

    encoder_name = _encoder_name()
    vectors = clustered_vectors(len(items), DIM, seed=seed)
    rows: dict[str, tuple[str, bytes]] = {}
    mappings = []
    for (pk, text), vector in zip(items, vectors, strict=True):
        blob = vector.tobytes()
        digests = [_hash(encoder_name, role, text) for role in ROLES]
        for role, digest in zip(ROLES, digests, strict=True):
            rows.setdefault(digest, (role, blob))  # a repeated text keeps its first vector
        mappings.append(
            EmbeddedObject(
                object_type=object_type,
                object_id=pk,
                text_hash=digests[0],
                similar_hash=digests[1],
                model=encoder_name,
            )
        )
    _store(encoder_name, rows)
    for batch in chunks(mappings):
        EmbeddedObject.objects.bulk_create(batch)
    # The index holds each object's vector as its Embedding row has it (shared by repeats).
    by_hash = {digest: blob for digest, (_, blob) in rows.items()}
    import numpy as np

    matrix = np.stack(
        [np.frombuffer(by_hash[m.text_hash], dtype=np.float32) for m in mappings]
    ).astype(np.float32)
    index = VectorIndex(DIM)
    index.upsert([pk for pk, _ in items], matrix)  # builds the HNSW graph above 30,000
    for role in ROLES:  # the same synthetic vectors serve both roles
        index.save(index_dir(index_name(object_type, role)))


def write_phrases(texts: list[str], seed: int) -> int:
    """A synthetic vector for every phrase chunk not yet stored; returns how many."""
    from jembatan.matching.domain.phrases import PHRASE_ROLE, split_phrases
    from jembatan.matching.models import Embedding

    encoder_name = _encoder_name()
    chunk_set = dict.fromkeys(chunk for text in texts for chunk in split_phrases(text))
    wanted = {_hash(encoder_name, PHRASE_ROLE, chunk): chunk for chunk in chunk_set}
    known: set[str] = set()
    for batch in chunks(list(wanted), 900):
        known.update(
            Embedding.objects.filter(text_hash__in=batch).values_list("text_hash", flat=True)
        )
    fresh = [digest for digest in wanted if digest not in known]
    vectors = clustered_vectors(len(fresh), DIM, seed=seed)
    _store(
        encoder_name,
        {d: (PHRASE_ROLE, v.tobytes()) for d, v in zip(fresh, vectors, strict=True)},
    )
    return len(fresh)


def _encoder_name() -> str:
    from jembatan.matching.domain.embeddings import current_encoder

    return current_encoder().name  # the name only: the model loads on first encoding


def _hash(model: str, role: Any, text: str) -> str:
    from jembatan.matching.domain.encoder import text_hash

    return text_hash(model, role, text)


def _store(encoder_name: str, rows: dict[str, tuple[str, bytes]]) -> None:
    from jembatan.matching.models import Embedding

    objects = [
        Embedding(text_hash=digest, model=encoder_name, kind=role, dim=DIM, vector=blob)
        for digest, (role, blob) in rows.items()
    ]
    for batch in chunks(objects):
        Embedding.objects.bulk_create(batch, ignore_conflicts=True)


_SENTENCE_END = re.compile(r"(?<=[。\n])|(?<=[.!?] )")
_terms_of_sentence: dict[str, list[str]] = {}


def _terms_text(text: str) -> str:
    """tokens.terms_text, sentence by sentence with a cache: the demo's sentences repeat,
    and Sudachi never joins words across a sentence end, so the terms are the same."""
    from jembatan.matching.domain.tokens import word_terms

    seen: dict[str, None] = {}
    for sentence in _SENTENCE_END.split(text):
        if sentence not in _terms_of_sentence:
            _terms_of_sentence[sentence] = word_terms(sentence)
        seen.update(dict.fromkeys(_terms_of_sentence[sentence]))
    return " ".join(seen)


def write_keyword_documents(object_type: str, items: list[tuple[int, str]]) -> None:
    """What keyword_store.upsert_document writes, in bulk (word terms cached per text)."""
    from django.db import connection

    from jembatan.matching.domain import keyword_store
    from jembatan.matching.domain.keyword import normalise_text
    from jembatan.matching.models import KeywordDocument

    documents = [
        KeywordDocument(
            object_type=object_type,
            object_id=pk,
            body=normalise_text(text),
            terms=_terms_text(text),
        )
        for pk, text in items
    ]
    for batch in chunks(documents):
        KeywordDocument.objects.bulk_create(batch)
    if connection.vendor != "sqlite":
        return
    if any(document.pk is None for document in documents):  # pragma: no cover
        raise RuntimeError("bulk_create returned no primary keys")
    with connection.cursor() as cursor:
        for table, column in (
            (keyword_store.FTS_TABLE, "body"),
            (keyword_store.TERMS_TABLE, "terms"),
        ):
            cursor.executemany(
                f"INSERT INTO {table} (rowid, {column}) VALUES (%s, %s)",  # noqa: S608
                [(d.pk, getattr(d, column)) for d in documents],
            )


def write_users(
    specs: list[Any], companies: list[Any], profiles: list[Any], count: int
) -> list[dict[str, Any]]:
    """Company members for verified firms; each listed with its firm's profiles."""
    from django.contrib.auth.hashers import make_password

    from jembatan.accounts.models import Organisation, User

    password = make_password(LOAD_PASSWORD)  # hashed once: Argon2 is slow on purpose
    own: dict[int, list[int]] = {}
    for profile in profiles:
        own.setdefault(profile.company_id, []).append(profile.pk)
    chosen = [
        company
        for spec, company in zip(specs, companies, strict=True)
        if spec.verification == "verified" and company.pk in own
    ][:count]
    listed = []
    for n, company in enumerate(chosen):
        organisation = Organisation.objects.create(
            name=company.name[:255], kind=Organisation.Kind.COMPANY, company=company
        )
        username = f"load.{n:04d}"
        User.objects.create(
            username=username,
            role="company_member",
            language=["id", "ja", "en"][n % 3],
            email=f"{username}@jembatan.example",
            organisation=organisation,
            password=password,
        )
        listed.append(
            {
                "username": username,
                "company": company.pk,
                "country": company.country,
                "profiles": own[company.pk],
            }
        )
    return listed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=300)
    args = parser.parse_args(argv)
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction

    from jembatan.matching.models import ObjectType
    from jembatan.opportunities.models import PartnershipProfile
    from jembatan.registry.models import Company

    clock = Clock()
    call_command("migrate", verbosity=0)
    clock.lap("migrate")
    if Company.objects.exists() or PartnershipProfile.objects.exists():
        raise SystemExit("The database is not empty: load_data.py fills an empty one.")
    specs = company_specs(args.companies)
    clock.lap(f"draw {len(specs):,} companies")
    with transaction.atomic():
        companies = write_companies(specs)
        clock.lap("write companies and contacts")
        profiles = write_profiles(specs, companies)
        clock.lap(f"write {len(profiles):,} profiles")
        users = write_users(specs, companies, profiles, args.users)
        clock.lap(f"write {len(users)} users")
    from jembatan.matching.domain.embeddings import company_text, profile_text

    profile_items = [(p.pk, profile_text(p)) for p in profiles]
    company_items = [(c.pk, company_text(c)) for c in companies if company_text(c)]
    with transaction.atomic():
        write_embeddings(ObjectType.PROFILE, profile_items, seed=1)
        clock.lap("profile embeddings and vector indexes")
        write_embeddings(ObjectType.COMPANY, company_items, seed=2)
        clock.lap("company embeddings and vector indexes")
        phrases = write_phrases([text for _, text in profile_items], seed=3)
        clock.lap(f"{phrases:,} phrase vectors")
        write_keyword_documents(ObjectType.PROFILE, profile_items)
        write_keyword_documents(ObjectType.COMPANY, company_items)
        clock.lap("keyword documents")
    listing = {
        "users": users,
        "password": LOAD_PASSWORD,
        "companies": [companies[0].pk, companies[-1].pk],
        "profiles": [profiles[0].pk, profiles[-1].pk],
    }
    path = Path(settings.VAR_DIR) / "load_users.json"
    path.write_text(json.dumps(listing), encoding="utf-8")
    print(f"total {time.perf_counter() - clock.start:.1f} s; users listed in {path}")


if __name__ == "__main__":
    main()
