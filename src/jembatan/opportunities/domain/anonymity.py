"""How precisely the neutral label of an anonymous profile may describe its poster.

The label ("Japanese SME in Shizuoka, furniture") is also a directory filter: if that filter
returns one company, the label names it. So the label is chosen, from the finest to the
coarsest, as the first of

    province or prefecture + sector
    island group (Indonesia) or region (Japan) + sector
    country + sector
    country + sector group (components, for the four kinds of parts)
    country alone

that at least k published (verified) companies of the registry share; k is the setting
JEMBATAN_ANONYMITY_K (default 10). The choice is stored on the profile when it is published
or extended, and checked again whenever the registry changes (a company saved, deleted or
imported: see opportunities/signals.py) and daily. A profile whose label was never computed
is shown with the coarsest label, the country alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jembatan.opportunities.domain.queries.profiles import published_profiles
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company, ProgrammeSector

DEFAULT_K = 10
GROUP_PREFIX = "group:"

# Indonesia: ISO 3166-2 geographical units (pycountry's parent codes), Bali with Nusa
# Tenggara. Japan: the eight customary regions, which have no ISO codes.
AREA_GROUPS: dict[str, tuple[Promise, tuple[str, ...]]] = {
    "ID-SM": (
        _("Sumatra"),
        ("ID-AC", "ID-SU", "ID-SB", "ID-RI", "ID-KR", "ID-JA", "ID-SS", "ID-BB", "ID-BE", "ID-LA"),
    ),
    "ID-JW": (_("Java"), ("ID-JK", "ID-JB", "ID-JT", "ID-YO", "ID-JI", "ID-BT")),
    "ID-KA": (_("Kalimantan"), ("ID-KB", "ID-KT", "ID-KS", "ID-KI", "ID-KU")),
    "ID-SL": (_("Sulawesi"), ("ID-SA", "ID-ST", "ID-SN", "ID-SG", "ID-GO", "ID-SR")),
    "ID-NU": (_("Bali and Nusa Tenggara"), ("ID-BA", "ID-NB", "ID-NT")),
    "ID-ML": (_("the Maluku Islands"), ("ID-MA", "ID-MU")),
    "ID-PP": (_("the Papua region"), ("ID-PA", "ID-PB", "ID-PS", "ID-PT", "ID-PE", "ID-PD")),
    "JP-HOKKAIDO": (_("the Hokkaido region"), ("JP-01",)),
    "JP-TOHOKU": (_("the Tohoku region"), tuple(f"JP-{n:02d}" for n in range(2, 8))),
    "JP-KANTO": (_("the Kanto region"), tuple(f"JP-{n:02d}" for n in range(8, 15))),
    "JP-CHUBU": (_("the Chubu region"), tuple(f"JP-{n:02d}" for n in range(15, 24))),
    "JP-KINKI": (_("the Kinki region"), tuple(f"JP-{n:02d}" for n in range(24, 31))),
    "JP-CHUGOKU": (_("the Chugoku region"), tuple(f"JP-{n:02d}" for n in range(31, 36))),
    "JP-SHIKOKU": (_("the Shikoku region"), tuple(f"JP-{n:02d}" for n in range(36, 40))),
    "JP-KYUSHU": (_("the Kyushu-Okinawa region"), tuple(f"JP-{n:02d}" for n in range(40, 48))),
}
GROUP_OF_REGION = {code: group for group, (_n, codes) in AREA_GROUPS.items() for code in codes}
SECTOR_GROUP_NAMES: dict[str, Promise] = {"components": _("components")}


@dataclass(frozen=True)
class LabelScope:
    """What the label names: `area` is a region code, an AREA_GROUPS key or "" (the country
    alone); `sector` is a sector slug, "group:<group>" or "" (no sector)."""

    area: str = ""
    sector: str = ""


def anonymity_k() -> int:
    return int(getattr(settings, "JEMBATAN_ANONYMITY_K", DEFAULT_K))


def _sector_levels(sector: ProgrammeSector | None) -> list[str]:
    if sector is None:
        return [""]
    levels = [sector.slug]
    if sector.group:
        levels.append(GROUP_PREFIX + sector.group)
    return [*levels, ""]


def candidate_scopes(company: Company, profile: PartnershipProfile) -> list[LabelScope]:
    """The labels allowed for this poster, finest first; the last names only the country."""
    areas = [company.region_id] if company.region_id else []
    group = GROUP_OF_REGION.get(company.region_id or "")
    if group:
        areas.append(group)
    sectors = _sector_levels(profile.sector)
    # Place is given up before the sector: a partner looks for what a firm does first.
    scopes = [LabelScope(area, sectors[0]) for area in areas]
    scopes += [LabelScope("", sector) for sector in sectors]
    return scopes


def sharing_companies(country: str, scope: LabelScope) -> QuerySet[Company]:
    """Published companies a reader would find with the label's directory filter."""
    companies = Company.objects.filter(country=country, verification=Company.Verification.VERIFIED)
    if scope.area in AREA_GROUPS:
        companies = companies.filter(region_id__in=AREA_GROUPS[scope.area][1])
    elif scope.area:
        companies = companies.filter(region_id=scope.area)
    if scope.sector.startswith(GROUP_PREFIX):
        group = scope.sector.removeprefix(GROUP_PREFIX)
        companies = companies.filter(sectors__group=group)
    elif scope.sector:
        companies = companies.filter(sectors__slug=scope.sector)
    return companies.distinct()


Counter = Callable[[str, LabelScope], int]


def counting(cache: dict[tuple[str, LabelScope], int]) -> Counter:
    """A counter of sharing companies that asks the database once per country and scope."""

    def count(country: str, scope: LabelScope) -> int:
        key = (country, scope)
        if key not in cache:
            cache[key] = sharing_companies(country, scope).count()
        return cache[key]

    return count


def choose_scope(
    company: Company, profile: PartnershipProfile, k: int, count: Counter
) -> LabelScope:
    """The finest label at least `k` published companies share (else the country alone)."""
    scopes = candidate_scopes(company, profile)
    for scope in scopes:
        if count(company.country, scope) >= k:
            return scope
    return scopes[-1]


def refresh_label(profile: PartnershipProfile, count: Counter | None = None) -> bool:
    """Compute and store the profile's label scope; returns whether it changed."""
    count = count or counting({})
    scope = choose_scope(profile.company, profile, anonymity_k(), count)
    changed = (profile.label_area, profile.label_sector) != (scope.area, scope.sector)
    profile.label_area, profile.label_sector = scope.area, scope.sector
    profile.label_checked_at = timezone.now()
    # update(), not save(): a label is no content change, so no audit entry and no re-embedding.
    fields: dict[str, Any] = {
        "label_area": scope.area,
        "label_sector": scope.sector,
        "label_checked_at": profile.label_checked_at,
    }
    PartnershipProfile.objects.filter(pk=profile.pk).update(**fields)
    return changed


def recheck_labels(countries: tuple[str, ...] | None = None) -> int:
    """Recompute the labels of the published anonymous profiles whose posters are in
    `countries` (all when None), after the registry changed; returns how many changed."""
    profiles = published_profiles().filter(is_anonymous=True, disclosed_at__isnull=True)
    if countries is not None:
        profiles = profiles.filter(company__country__in=countries)
    count = counting({})
    changed = 0
    for profile in profiles.select_related("company", "sector").order_by("pk"):
        changed += refresh_label(profile, count)
    return changed


@dataclass(frozen=True)
class LabelParts:
    area_name: str
    sector_name: str


def label_parts(profile: PartnershipProfile) -> LabelParts:
    """The place and sector the neutral label may name, in the active language."""
    if profile.label_checked_at is None:
        return LabelParts("", "")
    company = profile.company
    area_name = ""
    if profile.label_area in AREA_GROUPS:
        area_name = str(AREA_GROUPS[profile.label_area][0])
    elif (
        profile.label_area
        and company.region is not None
        and company.region_id == profile.label_area
    ):
        area_name = company.region.localized_name()
    sector_name = ""
    if profile.label_sector.startswith(GROUP_PREFIX):
        group = profile.label_sector.removeprefix(GROUP_PREFIX)
        sector_name = str(SECTOR_GROUP_NAMES.get(group, ""))
    elif profile.label_sector and profile.sector is not None:
        sector_name = profile.sector.localized_name().lower()
    return LabelParts(area_name, sector_name)
