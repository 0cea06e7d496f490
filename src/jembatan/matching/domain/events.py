"""Partner suggestions for a business-matching event: the firms registered for the same
event, ranked by the company recommendations (what the events app shows first on a
participant's page)."""

from __future__ import annotations

from jembatan.events.models import Participant
from jembatan.matching.domain.recommend import recommend_companies

LIMIT = 10


def recommend_participants(participant: Participant) -> list[Participant]:
    others = Participant.objects.filter(event_id=participant.event_id).exclude(
        company_id=participant.company_id
    )
    company_ids = set(others.values_list("company_id", flat=True))
    if not company_ids:
        return []
    ranked = recommend_companies(participant.company, None, LIMIT, among=company_ids)
    order = {rec.target_id: rank for rank, rec in enumerate(ranked)}
    chosen = others.filter(company_id__in=order).select_related("company")
    return sorted(chosen, key=lambda p: (order[p.company_id], p.pk))
