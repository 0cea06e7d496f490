from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, models
from django.db.models import Avg, Count, Sum

from jembatan.accounts.models import User
from jembatan.core.domain.personal_data import erase_company
from jembatan.core.models import AuditLogEntry
from jembatan.events.models import Meeting, MeetingRating, MeetingRequest, Participant
from jembatan.matching.domain import keyword_store
from jembatan.opportunities.models import PartnershipProfile, ProfileAttachment
from jembatan.privacy.domain.erasure import (
    ErasureError,
    carry_out_erasure,
    decline_erasure,
    is_erased,
    request_erasure,
)
from jembatan.privacy.models import ErasureRequest, ErasureStatus
from jembatan.registry.models import Company, Contact
from tests.privacy.conftest import NOW, PERSONAL, World


def figures() -> dict[str, Any]:
    """Aggregates the programme reports, to be equal before and after an erasure."""
    return {
        "companies": list(
            Company.objects.values("country").annotate(n=Count("id")).order_by("country")
        ),
        "capital": Company.objects.aggregate(s=Sum("capital_amount"))["s"],
        "employees": Company.objects.aggregate(s=Sum("employees"))["s"],
        "by_region_size": list(
            Company.objects.values("region", "size_class")
            .annotate(n=Count("id"))
            .order_by("region", "size_class")
        ),
        "profiles": list(
            PartnershipProfile.objects.values("kind", "direction", "sector")
            .annotate(n=Count("id"))
            .order_by("kind", "direction", "sector")
        ),
        "published_ever": PartnershipProfile.objects.filter(published_at__isnull=False).count(),
        "participants": Participant.objects.count(),
        "checked_in": Participant.objects.filter(checked_in_at__isnull=False).count(),
        "requests": list(
            MeetingRequest.objects.values("status").annotate(n=Count("id")).order_by("status")
        ),
        "meetings": Meeting.objects.count(),
        "usefulness": MeetingRating.objects.aggregate(a=Avg("usefulness"))["a"],
        "next_steps": MeetingRating.objects.filter(next_step=True).count(),
        "users": User.objects.count(),
    }


def text_values() -> list[tuple[str, str]]:
    """Every text and JSON value of every model, as (model.field, text)."""
    found: list[tuple[str, str]] = []
    for model in apps.get_models():
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(
                f, models.CharField | models.TextField | models.JSONField | models.FileField
            )
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*[f.attname for f in fields]):
            for field, value in zip(fields, row, strict=True):
                if value is None:
                    continue
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                found.append((f"{model._meta.label}.{field.name}", text))
    return found


def leftovers(strings: list[str]) -> list[tuple[str, str]]:
    return [(where, s) for where, text in text_values() for s in strings if s in text]


def test_world_holds_every_personal_string_before_erasure(world: World) -> None:
    assert {s for _, s in leftovers(PERSONAL)} == set(PERSONAL)


def test_erase_leaves_no_personal_string_anywhere(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    erase_company(officer, world.company, NOW)
    strings = [*PERSONAL, world.company.name, "ブディ包装", "member@", "teammate@"]
    assert leftovers(strings) == []
    assert not User.objects.filter(username__in=["member", "teammate"]).exists()


def test_erase_empties_the_keyword_search_tables(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 tables exist on SQLite only")

    def bodies() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT body FROM {keyword_store.FTS_TABLE}")  # noqa: S608
            return [row[0] for row in cursor.fetchall()]

    assert any("budi" in body.lower() for body in bodies())
    erase_company(officer, world.company, NOW)
    assert [body for body in bodies() if "budi" in body.lower()] == []


def test_erase_keeps_aggregate_figures_exact(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    before = figures()
    erase_company(officer, world.company, NOW)
    assert figures() == before


def test_erase_is_idempotent(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    erase_company(officer, world.company, NOW)
    once = sorted(v for v in text_values() if not v[0].startswith("core.AuditLogEntry"))
    erase_company(officer, world.company, NOW)
    assert sorted(v for v in text_values() if not v[0].startswith("core.AuditLogEntry")) == once


def test_erase_anonymises_the_company_and_keeps_the_other_side(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    erase_company(officer, world.company, NOW)
    company = Company.objects.get(pk=world.company.pk)
    assert company.name == f"Erased company #{company.pk}"
    assert (company.name_alt, company.address, company.description) == ("", "", "")
    assert (company.capital_amount, company.employees) == (750_000_000, 18)
    assert company.organisation.name == company.name
    assert not Contact.objects.filter(company=company).exists()
    assert Contact.objects.filter(company=world.other_company).count() == 1
    profile = PartnershipProfile.objects.get(pk=world.profile.pk)
    assert (profile.title, profile.status, profile.closed_reason) == (
        f"Partnership profile #{profile.pk}",
        "closed",
        "withdrawn",
    )
    assert not ProfileAttachment.objects.filter(profile=profile).exists()
    own = Participant.objects.get(pk=world.own.pk)
    assert (own.name, own.email, own.phone) == (f"Erased participant #{own.pk}", "", "")
    theirs = Participant.objects.get(pk=world.theirs.pk)
    assert (theirs.name, theirs.email) == ("Tanaka Hiroshi", "tanaka.h@example.jp")
    assert MeetingRequest.objects.get(pk=world.received.pk).message == "Tanaka desu"
    assert MeetingRequest.objects.get(pk=world.sent.pk).message == ""


def test_erased_users_are_deactivated_and_blank(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    erase_company(officer, world.company, NOW)
    member = User.objects.get(pk=world.member.pk)
    assert (member.username, member.first_name, member.last_name, member.email) == (
        f"erased-user-{member.pk}",
        "",
        "",
        "",
    )
    assert not member.is_active
    assert not member.has_usable_password()


def test_erase_logs_one_entry_per_run(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    erase_company(officer, world.company, NOW)
    entry = AuditLogEntry.objects.get(action="jembatan.company.erased")
    assert (entry.object_id, entry.actor) == (str(world.company.pk), officer)
    assert entry.data["providers"][:5] == [
        "notifications",
        "audit",
        "accounts",
        "registry",
        "opportunities",
    ]


def test_member_request_then_officer_erases(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    request = request_erasure(world.member, world.company, "Kami menutup usaha.", NOW)
    assert request.status == ErasureStatus.REQUESTED
    done = carry_out_erasure(officer, request, NOW)
    assert (done.status, done.decided_by, done.decided_at, done.reason) == (
        ErasureStatus.DONE,
        officer,
        NOW,
        "",
    )
    assert is_erased(world.company)
    with pytest.raises(ErasureError, match="already been decided"):
        carry_out_erasure(officer, done, NOW)
    assert AuditLogEntry.objects.filter(action="jembatan.company.erased").count() == 1


def test_teammate_may_request_but_not_twice(world: World) -> None:
    request_erasure(world.teammate, world.company, "Tutup.", NOW)
    with pytest.raises(ErasureError, match="already waiting"):
        request_erasure(world.member, world.company, "Tutup.", NOW)
    assert ErasureRequest.objects.count() == 1


@pytest.mark.parametrize("role", ["outsider", "officer", "viewer"])
def test_only_members_may_request(world: World, role: str, request: pytest.FixtureRequest) -> None:
    with pytest.raises(ErasureError, match="Only a member"):
        request_erasure(request.getfixturevalue(role), world.company, "x", NOW)
    assert not ErasureRequest.objects.exists()


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_only_officers_may_carry_out_or_decline(
    world: World, role: str, request: pytest.FixtureRequest
) -> None:
    erasure = request_erasure(world.member, world.company, "x", NOW)
    user = request.getfixturevalue(role)
    with pytest.raises(ErasureError, match="Only a programme officer"):
        carry_out_erasure(user, erasure, NOW)
    with pytest.raises(ErasureError, match="Only a programme officer"):
        decline_erasure(user, erasure, "no", NOW)
    assert ErasureRequest.objects.get().status == ErasureStatus.REQUESTED


def test_officer_declines_with_note_and_member_may_ask_again(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    erasure = request_erasure(world.member, world.company, "x", NOW)
    declined = decline_erasure(officer, erasure, "Kontrak masih berjalan.", NOW)
    assert (declined.status, declined.decision_note) == (
        ErasureStatus.REJECTED,
        "Kontrak masih berjalan.",
    )
    assert Company.objects.get(pk=world.company.pk).name == "PT Kemasan Budi Santoso"
    again = request_erasure(world.member, world.company, "y", NOW)
    assert again.status == ErasureStatus.REQUESTED


def test_erased_company_cannot_be_requested_again(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    carry_out_erasure(officer, request_erasure(world.member, world.company, "x", NOW), NOW)
    # The member's account is gone; a new member (say, the heir) asks again.
    world.teammate.refresh_from_db()
    world.teammate.is_active = True
    with pytest.raises(ErasureError, match="already been erased"):
        request_erasure(world.teammate, world.company, "y", NOW)


def test_erased_company_leaves_the_directory_and_partner_search(
    world: World, officer, outsider
) -> None:  # type: ignore[no-untyped-def]
    from jembatan.matching.domain.search import partner_companies
    from jembatan.registry.domain.queries.companies import directory_queryset, validation_queue
    from jembatan.registry.domain.queues import count_companies_to_validate

    erase_company(officer, world.company, NOW)
    later = NOW.replace(year=2027)
    erase_company(officer, world.company, later)
    company = Company.objects.get(pk=world.company.pk)
    assert company.erased_at == NOW  # the first erasure's time, kept by the second
    assert company.pk not in set(directory_queryset().values_list("pk", flat=True))
    assert world.other_company.pk in set(directory_queryset().values_list("pk", flat=True))
    assert company.pk not in set(partner_companies(outsider).values_list("pk", flat=True))
    assert company.verification == "unverified"
    assert company not in validation_queue()
    assert count_companies_to_validate() == 1  # the other company


def test_erased_company_leaves_the_api_company_list(world: World, officer) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    erase_company(officer, world.company, NOW)
    client = Client()
    client.force_login(officer)
    listed = client.get("/api/v1/companies/?page_size=100").json()
    ids = {row["id"] for row in listed["results"]}
    assert world.company.pk not in ids
    assert world.other_company.pk in ids
