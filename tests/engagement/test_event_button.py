"""An "I'm interested" button beside the recommended partners on an event participant's page,
for their named (not anonymous) published profiles only."""

from __future__ import annotations

from jembatan.events.domain.recommendations import (
    register_partner_provider,
    unregister_partner_provider,
)
from tests.events.conftest import fair  # noqa: F401 - fixture by name
from tests.opportunities.factories import published


def test_participant_page_offers_interest_in_recommended_firms_profiles(as_user, fair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    named = published(company=fair.tanaka.company, title="Mesin pengemas untuk IKM")
    hidden = published(company=fair.tanaka.company, title="Profil rahasia", is_anonymous=True)

    def provider(participant):  # type: ignore[no-untyped-def]
        return [fair.tanaka]

    register_partner_provider(provider)
    try:
        page = (
            as_user("member")
            .get(f"/events/{fair.event.pk}/participants/{fair.budi.pk}/")
            .content.decode()
        )
    finally:
        unregister_partner_provider(provider)
    assert f'href="/interests/new/{named.pk}/"' in page
    assert f'href="/interests/new/{hidden.pk}/"' not in page
