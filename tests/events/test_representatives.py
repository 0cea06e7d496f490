"""Several representatives of one company: requests to the company, the instance's
``companies``, and who attends (the meeting's attendees)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jembatan.events.domain.attendance import attending, partner_of
from jembatan.events.domain.instances import build_event_data
from jembatan.events.domain.registration import save_participant
from jembatan.events.domain.requests import add_request
from jembatan.events.interfaces.forms import ParticipantForm
from jembatan.events.models import Meeting, Participant, Stage
from tests.events import factories


def test_build_event_data_request_to_a_company_names_the_company(fair, company, officer) -> None:  # type: ignore[no-untyped-def]
    e, budi, tanaka = fair.event, fair.budi, fair.tanaka
    andi = factories.participant(e, company, "Andi Wijaya", ["id"])
    to_company = add_request(tanaka, budi, 3, officer, receiver_any=True)
    named = add_request(fair.suzuki, budi, 2, officer)
    # Tanaka's company has one representative only: "any" still names him.
    from_alone = add_request(fair.dewi, tanaka, 1, officer, receiver_any=True)
    data = build_event_data(e).data
    assert data["companies"] == [
        {"id": f"c{company.pk}", "participants": [f"p{budi.pk}", f"p{andi.pk}"]}
    ]
    requests = {r["id"]: (r["a"], r["b"]) for r in data["requests"]}  # type: ignore[attr-defined]
    assert requests == {
        f"r{to_company.pk}": (f"p{tanaka.pk}", f"c{company.pk}"),
        f"r{named.pk}": (f"p{fair.suzuki.pk}", f"p{budi.pk}"),
        f"r{from_alone.pk}": (f"p{fair.dewi.pk}", f"p{tanaka.pk}"),
    }


def test_build_event_data_sender_side_any_representative(fair, company, officer) -> None:  # type: ignore[no-untyped-def]
    e = fair.event
    andi = factories.participant(e, company, "Andi Wijaya", ["id"])
    request = add_request(fair.budi, fair.suzuki, 2, officer, sender_any=True)
    data = build_event_data(e).data
    assert data["requests"] == [  # type: ignore[comparison-overlap]
        {"id": f"r{request.pk}", "a": f"c{company.pk}", "b": f"p{fair.suzuki.pk}", "priority": 2}
    ]
    assert data["companies"] == [
        {"id": f"c{company.pk}", "participants": [f"p{fair.budi.pk}", f"p{andi.pk}"]}
    ]


def _meeting(fair, request, code: str, table: int, **kwargs) -> Meeting:  # type: ignore[no-untyped-def]
    return Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=Stage.PUBLISHED,
        slot=factories.slot(fair.event, code),
        table=fair.event.tables.get(number=table),
        **kwargs,
    )


def test_attending_follows_the_attendees(fair, company, officer) -> None:  # type: ignore[no-untyped-def]
    andi = factories.participant(fair.event, company, "Andi Wijaya", ["id"])
    first = add_request(fair.tanaka, fair.budi, 3, officer, receiver_any=True)
    second = add_request(fair.suzuki, fair.budi, 3, officer, receiver_any=True)
    m1 = _meeting(fair, first, "d1-0900", 1, receiver_attendee=andi)  # Andi goes for Budi
    m2 = _meeting(fair, second, "d1-0900", 2)  # Budi himself, in parallel
    mine = Meeting.objects.filter(attending(fair.budi))
    assert list(mine) == [m2]
    assert list(Meeting.objects.filter(attending(andi))) == [m1]
    assert list(Meeting.objects.filter(attending(fair.tanaka))) == [m1]
    assert partner_of(m1, andi) == fair.tanaka
    assert partner_of(m1, fair.tanaka) == andi


def test_participant_form_several_representatives_of_one_company(fair, company, member) -> None:  # type: ignore[no-untyped-def]
    form = ParticipantForm(
        {
            "name": "Andi Wijaya",
            "languages": ["id"],
            "agenda_language": "id",
            "available_everywhere": "on",
        },
        event=fair.event,
        company=company,
    )
    assert form.is_valid(), form.errors
    save_participant(member, form.instance, lambda p: form.save())  # type: ignore[arg-type]
    assert Participant.objects.filter(event=fair.event, company=company).count() == 2


def _form(fair, company, **extra):  # type: ignore[no-untyped-def]
    data = {
        "name": "Andi Wijaya",
        "languages": ["id"],
        "agenda_language": "id",
        "available_everywhere": "on",
    }
    data.update(extra)
    return ParticipantForm(data, event=fair.event, company=company)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Unwanted slots: Tue 10 Mar 09:00 cannot be preferred and unwanted at once."),
        ("ja", "避けたい時間枠：3月10日(火) 9:00を、希望する時間枠と避けたい時間枠の両方に"),
        ("id", "Slot waktu yang tidak diinginkan: "),
    ],
)
def test_participant_form_slot_both_preferred_and_unwanted(
    fair, company, language, expected
) -> None:  # type: ignore[no-untyped-def]
    slot = factories.slot(fair.event, "d1-0900")
    with translation.override(language):
        form = _form(fair, company, preferred_slots=[slot.pk], unwanted_slots=[slot.pk])
        assert not form.is_valid()
        assert expected in form.errors["unwanted_slots"][0]


def test_participant_form_most_in_a_row_out_of_range(fair, company) -> None:  # type: ignore[no-untyped-def]
    form = _form(fair, company, max_consecutive="0")
    assert not form.is_valid()
    assert form.errors["max_consecutive"] == ["Most meetings in a row: between 1 and 50, or empty."]


def test_participant_form_preferred_outside_availability(fair, company) -> None:  # type: ignore[no-untyped-def]
    e = fair.event
    form = ParticipantForm(
        {
            "name": "Andi Wijaya",
            "languages": ["id"],
            "agenda_language": "id",
            "available_slots": [factories.slot(e, "d1-1300").pk],
            "preferred_slots": [factories.slot(e, "d1-0900").pk],
        },
        event=e,
        company=company,
    )
    assert not form.is_valid()
    assert form.errors["preferred_slots"] == [
        "Preferred slots: not among the slots when available: Tue 10 Mar 09:00."
    ]


def test_save_participant_refuses_a_slot_both_preferred_and_unwanted(fair, member) -> None:  # type: ignore[no-untyped-def]
    budi = fair.budi
    slot = factories.slot(fair.event, "d1-0900")

    def write(participant: Participant) -> None:
        participant.save()
        participant.preferred_slots.set([slot])
        participant.unwanted_slots.set([slot])

    with pytest.raises(ValidationError) as raised:
        save_participant(member, budi, write)
    assert raised.value.message_dict == {
        "unwanted_slots": ["Unwanted slots: d1-0900 cannot be preferred and unwanted at once."]
    }
    assert not budi.preferred_slots.exists()


def test_draft_conflicts_name_who_attends_for_requests_to_a_company(fair, company, officer) -> None:  # type: ignore[no-untyped-def]
    """The draft's check gives the checker each meeting's attendees once the instance has
    companies; the solver in this branch does not read "companies" yet and says so."""
    from jembatan.events.domain.drafts import draft_conflicts

    andi = factories.participant(fair.event, company, "Andi Wijaya", ["id", "en"])
    request = add_request(fair.suzuki, fair.budi, 3, officer, receiver_any=True)
    Meeting.objects.create(
        event=fair.event,
        request=request,
        stage=Stage.DRAFT,
        slot=factories.slot(fair.event, "d1-0900"),
        table=fair.event.tables.get(number=1),
        receiver_attendee=andi,
    )
    problems = draft_conflicts(fair.event)
    assert problems in ([], ['unknown key "companies"'])
