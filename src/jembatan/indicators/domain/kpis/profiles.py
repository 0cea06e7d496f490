"""KPIs from partnership profiles: profiles published, by kind.

A profile counts in the period of its (first) publication, whatever its status now (it may
have expired or closed since). The sector filter is the profile's sector; the region filter
the posting company's country or province/prefecture.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.kpis import Kpi, KpiQuery, KpiValue, Unit
from jembatan.indicators.domain.kpis.common import bucketed, region_q
from jembatan.opportunities.models import Kind, PartnershipProfile


def profiles_published(query: KpiQuery) -> list[KpiValue]:
    """Partnership profiles published in each period, by kind (business, technology,
    investment, subcontracting, research, vocational)."""
    profiles = PartnershipProfile.objects.filter(
        published_at__isnull=False, **({"sector_id": query.sector} if query.sector else {})
    ).filter(region_q(query, "company__"))
    return bucketed(profiles, query, date_field="published_at", key="kind", keys=Kind.values)


KPIS = [
    Kpi(
        code="profiles.published",
        topic="profiles",
        name=_("Partnership profiles published"),
        definition=_("Offers and requests published in the period, by kind."),
        unit=Unit.COUNT,
        source_app="jembatan.opportunities",
        compute=profiles_published,
        order=10,
    )
]
