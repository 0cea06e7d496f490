"""Recommended partners at the top of a participant's page.

The events app does not know how partners are ranked: an app that can rank them (matching)
registers a provider in its ``AppConfig.ready``, as it connects to the registry's import
signal. Without a provider the page shows no recommendations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jembatan.events.models import Participant

LIMIT = 5

PartnerProvider = Callable[[Participant], Sequence[Participant]]

_providers: list[PartnerProvider] = []


def register_partner_provider(provider: PartnerProvider) -> None:
    """Let `provider(participant)` rank the event's other participants, best first."""
    if provider not in _providers:
        _providers.append(provider)


def unregister_partner_provider(provider: PartnerProvider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def recommended_partners(participant: Participant) -> list[Participant]:
    found: list[Participant] = []
    for provider in _providers:
        found += [p for p in provider(participant) if p not in found]
    return [p for p in found if p.company_id != participant.company_id][:LIMIT]
