"""On a participant's event page, the registered firms closest to theirs come first."""

from __future__ import annotations

from jembatan.events.domain.recommendations import recommended_partners
from tests.events.factories import make_event, participant
from tests.matching.corpus import Corpus


def test_recommended_partners_rank_the_event_firms_by_company_match(corpus: Corpus) -> None:
    event = make_event()
    wholesaler = participant(event, corpus.wholesaler, "Kenji Sato", ["ja"])
    maker = participant(event, corpus.machine_maker, "Hiroshi Naniwa", ["ja", "en"])
    batik = participant(event, corpus.batik, "Sri Lestari", ["id"])
    participant(event, corpus.auto_parts, "Budi Santoso", ["id"])  # same country: never shown
    assert recommended_partners(batik) == [wholesaler, maker]


def test_recommended_partners_empty_when_no_other_firm_registered(corpus: Corpus) -> None:
    event = make_event()
    alone = participant(event, corpus.batik, "Sri Lestari", ["id"])
    assert recommended_partners(alone) == []
