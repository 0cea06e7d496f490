from __future__ import annotations

from django.test import Client

from jembatan.accounts.models import Organisation
from jembatan.vocational.domain import placements
from jembatan.vocational.models import Department, Person, Placement, PlacementOffer
from tests.vocational.programme_world import World


def _offer(company) -> PlacementOffer:  # type: ignore[no-untyped-def]
    return PlacementOffer.objects.create(
        company=company,
        title="Production engineering intern",
        department_kind="mechanical",
        min_jlpt="N5",
        region="ID-YO",
        description="Metal parts line near Cikarang.",
    )


def _students(world: World) -> tuple[Person, Person, Person]:
    mechanical = Department.objects.create(institution=world.school_a, kind="mechanical")
    fit = Person.objects.create(
        institution=world.school_a,
        kind="student",
        given_name="Dimas",
        department=mechanical,
        jlpt_level="N4",
    )
    weak = Person.objects.create(
        institution=world.school_a, kind="student", given_name="Ayu", jlpt_level="N5"
    )
    no_japanese = Person.objects.create(
        institution=world.school_a, kind="student", given_name="Rudi", department=mechanical
    )
    return fit, weak, no_japanese


def test_suggestions_by_department_and_language(world: World, school_a, company) -> None:  # type: ignore[no-untyped-def]
    fit, weak, _no_japanese = _students(world)
    found = placements.suggest(_offer(company), school_a)
    # Sari and Rudi have no Japanese (below the place's N5): never suggested.
    assert [(s.person, s.score) for s in found] == [(fit, 3), (weak, 1)]


def test_suggestions_by_region_add_to_the_score(world: World, school_a, company) -> None:  # type: ignore[no-untyped-def]
    Organisation.objects.filter(pk=world.school_a.organisation_id).update(region=None)
    fit, _weak, _ = _students(world)
    scores = {s.person: s.score for s in placements.suggest(_offer(company), school_a)}
    assert scores[fit] == 3  # department (2) and Japanese level (1)


def test_other_school_suggests_only_its_students(world: World, school_b, company) -> None:  # type: ignore[no-untyped-def]
    _students(world)
    Person.objects.filter(pk=world.other_student.pk).update(jlpt_level="N3")
    found = placements.suggest(_offer(company), school_b)
    assert [s.person for s in found] == [world.other_student]


def test_company_sees_counts_never_students(world: World, school_a, company, member) -> None:  # type: ignore[no-untyped-def]
    fit, _weak, _ = _students(world)
    offer = _offer(company)
    placement = placements.propose(offer, fit.pk, school_a)
    placements.change_status(offer, placement.pk, "placed", school_a)
    client = Client()
    client.force_login(member)
    page = client.get(f"/vocational/placements/{offer.pk}/")
    assert page.status_code == 200
    assert b"Dimas" not in page.content
    assert placements.counts(offer)["placed"] == 1
    assert list(placements.placements_visible_to(member, offer)) == []


def test_company_offers_a_place_outsider_sees_none(member, outsider) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(member)
    response = client.post(
        "/vocational/placements/new/",
        {"title": "Quality control intern", "department_kind": "chemical_analysis", "places": 2},
    )
    assert response.status_code == 302
    offer = PlacementOffer.objects.get()
    assert offer.company_id == member.company_id_or_none
    client.force_login(outsider)
    assert client.get(f"/vocational/placements/{offer.pk}/").status_code == 404


def test_other_school_cannot_propose_or_change(world: World, school_a, school_b, company) -> None:  # type: ignore[no-untyped-def]
    fit, _weak, _ = _students(world)
    offer = _offer(company)
    client = Client()
    client.force_login(school_b)
    client.post(f"/vocational/placements/{offer.pk}/suggest/", {"person": fit.pk})
    assert not Placement.objects.exists()
    placement = placements.propose(offer, fit.pk, school_a)
    client.post(f"/vocational/placements/{offer.pk}/{placement.pk}/status/", {"status": "placed"})
    assert Placement.objects.get().status == "suggested"


def test_company_may_neither_propose_nor_change_a_placement(
    world: World, school_a, company, member
) -> None:  # type: ignore[no-untyped-def]
    """The company offering the place is refused (403), not sent back with a message
    (found by the authorisation matrix); nothing is proposed or changed."""
    fit, weak, _ = _students(world)
    offer = _offer(company)
    placement = placements.propose(offer, fit.pk, school_a)
    client = Client()
    client.force_login(member)
    suggest = client.post(f"/vocational/placements/{offer.pk}/suggest/", {"person": weak.pk})
    status = client.post(
        f"/vocational/placements/{offer.pk}/{placement.pk}/status/", {"status": "placed"}
    )
    assert (suggest.status_code, status.status_code) == (403, 403)
    assert list(Placement.objects.values_list("person", "status")) == [(fit.pk, "suggested")]
    client.force_login(school_a)
    response = client.post(
        f"/vocational/placements/{offer.pk}/{placement.pk}/status/", {"status": "placed"}
    )
    assert response.status_code == 302
    assert Placement.objects.get().status == "placed"


def test_placement_list_query_count_does_not_grow(company, school_a) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(school_a)
    counts = []
    for count in (1, 2):
        for _ in range(count):
            _offer(company)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/vocational/placements/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
