"""Recommended partners come from a provider an app registers; events knows none itself."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from jembatan.events.domain import recommendations
from jembatan.events.domain.recommendations import (
    recommended_partners,
    register_partner_provider,
)
from jembatan.events.models import Participant
from jembatan.matching.domain.events import recommend_participants
from tests.events.factories import make_event, participant
from tests.factories import CompanyFactory


@pytest.fixture
def no_providers() -> Iterator[None]:
    saved = list(recommendations._providers)
    recommendations._providers.clear()
    yield
    recommendations._providers[:] = saved


def test_matching_registers_its_provider_when_the_app_is_ready() -> None:
    assert recommendations._providers == [recommend_participants]


@pytest.mark.django_db
def test_recommended_partners_empty_without_a_provider(no_providers: None) -> None:
    event = make_event()
    alone = participant(event, CompanyFactory(country="ID"), "Sri Lestari", ["id"])
    participant(event, CompanyFactory(country="JP"), "Kenji Sato", ["ja"])
    assert recommended_partners(alone) == []


@pytest.mark.django_db
def test_recommended_partners_keep_the_provider_order_without_own_company_and_limit(
    no_providers: None,
) -> None:
    event = make_event()
    own = CompanyFactory(country="ID")
    asker = participant(event, own, "Sri Lestari", ["id"])
    colleague = participant(event, own, "Dewi Lestari", ["id"])
    others = [
        participant(event, CompanyFactory(country="JP"), f"Person{n} Sato", ["ja"])
        for n in range(7)
    ]

    def provider(who: Participant) -> Sequence[Participant]:
        return [colleague, *reversed(others)]

    register_partner_provider(provider)
    register_partner_provider(provider)  # registering twice changes nothing
    assert recommended_partners(asker) == list(reversed(others))[: recommendations.LIMIT]
