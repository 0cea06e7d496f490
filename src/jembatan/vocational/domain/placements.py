"""Internship places: who sees them, which students fit, and tracking to placement.

Students are suggested for a place by department, Japanese level and region (the place's
province against the student's institution's). When `JEMBATAN_VOCATIONAL_RANK_WITH_ENCODER`
is on, the matching engine's encoder breaks ties by the similarity of the place's
description and the student's statement (off by default: it loads a model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.vocational.domain.visibility import (
    is_officer_user,
    people_visible_to,
    users_institution,
)
from jembatan.vocational.models import JLPT_RANK, Person, Placement, PlacementOffer, PlacementStatus


class PlacementError(Exception):
    pass


def offers_visible_to(user: Any) -> QuerySet[PlacementOffer]:
    offers = PlacementOffer.objects.select_related("company").order_by("-created_at", "-pk")
    if is_officer_user(user):
        return offers
    if users_institution(user) is not None:
        return offers.filter(is_open=True)
    company = getattr(user, "company_id_or_none", None) if user.is_authenticated else None
    if company is not None:
        return offers.filter(company_id=company)
    return offers.none()


def counts(offer: PlacementOffer) -> dict[str, int]:
    found = dict(
        offer.placements.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {status: found.get(status, 0) for status in PlacementStatus.values}


def placements_visible_to(user: Any, offer: PlacementOffer) -> QuerySet[Placement]:
    people = people_visible_to(user)
    if not is_officer_user(user):
        people = people.filter(institution_id=users_institution(user) or 0)
    return offer.placements.filter(person__in=people).select_related(
        "person__institution__organisation"
    )


@dataclass
class Suggestion:
    person: Person
    score: float
    reasons: list[str] = field(default_factory=list)


def suggest(offer: PlacementOffer, user: Any, limit: int = 10) -> list[Suggestion]:
    people = (
        people_visible_to(user)
        .filter(kind="student")
        .exclude(placements__offer=offer)
        .select_related("department", "institution__organisation")
    )
    if not is_officer_user(user):
        people = people.filter(institution_id=users_institution(user) or 0)
    needed = JLPT_RANK.get(offer.min_jlpt, 0)
    found: list[Suggestion] = []
    for person in people:
        if JLPT_RANK.get(person.jlpt_level, 0) < needed:
            continue
        suggestion = Suggestion(person=person, score=0.0)
        if person.department is not None and person.department.kind == offer.department_kind:
            suggestion.score += 2
            suggestion.reasons.append(_("same department"))
        if needed and JLPT_RANK.get(person.jlpt_level, 0) >= needed:
            suggestion.score += 1
            suggestion.reasons.append(_("Japanese level met"))
        if offer.region and person.institution.organisation.region_id == offer.region:
            suggestion.score += 1
            suggestion.reasons.append(_("same region"))
        found.append(suggestion)
    if getattr(settings, "JEMBATAN_VOCATIONAL_RANK_WITH_ENCODER", False) and offer.description:
        _add_text_fit(offer, found)
    found.sort(key=lambda s: (-s.score, s.person.full_name, s.person.pk))
    return found[:limit]


def _add_text_fit(offer: PlacementOffer, found: list[Suggestion]) -> None:
    from jembatan.matching.domain.encoder import get_encoder

    with_text = [s for s in found if s.person.statement]
    if not with_text:
        return
    encoder = get_encoder()
    place = encoder.encode_queries([offer.description])[0]
    statements = encoder.encode_passages([s.person.statement for s in with_text])
    for suggestion, vector in zip(with_text, statements, strict=True):
        suggestion.score += float(vector @ place)  # cosine: the vectors are normalised


def propose(offer: PlacementOffer, person_id: int, actor: Any) -> Placement:
    person = people_visible_to(actor).filter(pk=person_id, kind="student").first()
    if person is None or not (
        is_officer_user(actor) or person.institution_id == users_institution(actor)
    ):
        raise PlacementError(_("You may not propose this student."))
    placement, created = Placement.objects.get_or_create(offer=offer, person=person)
    if created:
        log_action("jembatan.vocational.placement.proposed", placement, actor=actor)
    return placement


def change_status(offer: PlacementOffer, placement_id: int, status: str, actor: Any) -> Placement:
    placement = placements_visible_to(actor, offer).filter(pk=placement_id).first()
    if placement is None or status not in PlacementStatus.values:
        raise PlacementError(_("You may not change this placement."))
    before = placement.status
    placement.status = status
    placement.placed_on = timezone.localdate() if status == PlacementStatus.PLACED else None
    placement.save()
    log_action(
        "jembatan.vocational.placement.changed",
        placement,
        actor=actor,
        data={"from": before, "to": status},
    )
    return placement
