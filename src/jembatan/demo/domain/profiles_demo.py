"""Demo partnership profiles: about one published profile per verified demo firm.

Texts are written from the firm's own vocabulary (what it makes, what it seeks) in its
language. Indonesian firms mostly offer their products (business, supply) or ask for
technology; Japanese firms offer technology or look for Indonesian suppliers, so that
offers and requests complement each other across the two countries. The profiles are
created once per firm (a second run leaves existing ones, and any edits, alone) and the
matching indexes are rebuilt after the transaction commits.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Callable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from jembatan.demo.domain.spec import CompanySpec
from jembatan.demo.domain.vocab_id import VOCAB_ID
from jembatan.demo.domain.vocab_ja import VOCAB_JA
from jembatan.opportunities.domain.anonymity import recheck_labels
from jembatan.opportunities.models import PartnershipProfile, Status
from jembatan.registry.models import Company, ProgrammeSector

# Publication dates are relative to the day the demo is loaded, so that its profiles are
# still within their 365 days whenever a newcomer tries it (a past date would show them as
# expired). 150 days back leaves room for 7 hours between consecutive firms.
PUBLISHED_DAYS_AGO = 150


def published_from() -> dt.datetime:
    today = timezone.now().astimezone(dt.UTC).replace(hour=2, minute=0, second=0, microsecond=0)
    return today - dt.timedelta(days=PUBLISHED_DAYS_AGO)


ANONYMOUS_SHARE = 0.1

# Given how many texts there are to embed, returns what to call as they are embedded.
StartProgress = Callable[[int], Callable[[int], None]]


def _indonesian(rng: random.Random, spec: CompanySpec) -> dict[str, Any]:
    v = VOCAB_ID[spec.profile]
    product, process = rng.choice(v.products), rng.choice(v.processes)
    material, customer = rng.choice(v.materials), rng.choice(v.customers)
    if rng.random() < 0.7:
        return {
            "kind": "business",
            "direction": "offer",
            "cooperation_types": ["supply"],
            "title": f"Menawarkan {product} untuk pembeli di Jepang",
            "summary": f"Kami memproduksi {product} dengan {process} dan siap memasok importir, grosir atau distributor di Jepang.",
            "description": f"Bahan utama: {material}. Pelanggan saat ini antara lain {customer}. Kapasitas dan contoh produk dapat dikirim atas permintaan.",
        }
    seek = rng.choice(v.seeks)
    return {
        "kind": "technology",
        "direction": "request",
        "cooperation_types": ["technical_assistance"],
        "title": f"Mencari mitra Jepang untuk {seek}"[:256],
        "summary": f"Kami adalah {rng.choice(v.kinds)} yang membuat {product} dan mencari mitra Jepang untuk {seek}.",
        "description": f"Saat ini kami memakai {rng.choice(v.machines)} dan {process}; pelanggan kami antara lain {customer}.",
    }


def _japanese(rng: random.Random, spec: CompanySpec) -> dict[str, Any]:
    v = VOCAB_JA[spec.profile]
    product, process = rng.choice(v.products), rng.choice(v.processes)
    if rng.random() < 0.5:
        offer = rng.choice(v.offers)
        return {
            "kind": "technology",
            "direction": "offer",
            "cooperation_types": ["technical_assistance"],
            "title": f"インドネシアのパートナーに{offer}を提供します"[:256],
            "summary": f"当社は{rng.choice(v.kinds)}として{product}を手がけています。インドネシア企業に{offer}を提供できます。",
            "description": f"{process}の経験を生かし、{rng.choice(v.customers)}向けの実績があります。",
        }
    seek = rng.choice(v.seeks)
    return {
        "kind": "business",
        "direction": "request",
        "cooperation_types": ["sourcing"],
        "title": f"{seek}を探しています"[:256],
        "summary": f"{product}を扱う当社は、{seek}を探しています。",
        "description": f"{rng.choice(v.materials)}や{process}について、品質と納期を一緒に改善できる企業を歓迎します。",
    }


def profile_values(spec: CompanySpec, index: int) -> dict[str, Any]:
    """The demo profile of one firm, the same on every run."""
    rng = random.Random(zlib.crc32(spec.registry_id.encode()))
    values = _indonesian(rng, spec) if spec.country == "ID" else _japanese(rng, spec)
    published_at = published_from() + dt.timedelta(hours=7 * index)
    values.update(
        language="id" if spec.country == "ID" else "ja",
        language_detected="id" if spec.country == "ID" else "ja",
        target_countries=["JP"] if spec.country == "ID" else ["ID"],
        status=Status.PUBLISHED,
        published_at=published_at,
        validated_at=published_at,
        submitted_at=published_at - dt.timedelta(days=2),
        expires_at=published_at + dt.timedelta(days=365),
        is_anonymous=rng.random() < ANONYMOUS_SHARE,
    )
    return values


def install_demo_profiles(
    specs: Sequence[CompanySpec],
    companies: Sequence[Company],
    index: bool = True,
    progress: StartProgress | None = None,
) -> int:
    """Create the demo profiles of firms that have none yet; returns how many were made."""
    sectors = {s.slug: s for s in ProgrammeSector.objects.all()}
    has_profile = set(
        PartnershipProfile.objects.filter(company__in=companies).values_list(
            "company_id", flat=True
        )
    )
    new = [
        PartnershipProfile(
            company=company, sector=sectors.get(spec.sector), **profile_values(spec, n)
        )
        for n, (spec, company) in enumerate(zip(specs, companies, strict=True))
        if spec.verification == "verified" and company.pk not in has_profile
    ]
    PartnershipProfile.objects.bulk_create(new, batch_size=250)
    recheck_labels()  # the anonymous ones get labels k companies share
    if index:
        transaction.on_commit(lambda: index_demo(progress))
    return len(new)


def index_demo(progress: StartProgress | None = None) -> None:
    """Embed and index every profile and firm (bulk_create sends no signals)."""
    from jembatan.matching.domain.embeddings import reindex, reindex_items

    items = reindex_items()
    total = sum(len(rows) for rows in items.values())
    reindex(progress(total) if progress is not None else None, items)
