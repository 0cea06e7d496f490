"""What this app holds about a company (right of access) and how it is erased.

Export: the expressions the company sent and received, and its introductions with what was
disclosed to it and its thread. A received expression's requester contacts are left out
unless an introduction disclosed them. Erasure empties the company's messages, notes and
disclosed contacts but keeps every row, status and stage, so that counts stay exact.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from jembatan.core.domain.stored_files import delete_after_commit
from jembatan.engagement.models import ExpressionOfInterest, Introduction, IntroductionMessage


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _contacts(contacts: Any) -> list[dict[str, str]]:
    return [
        {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone} for c in contacts.all()
    ]


def export(company: Any) -> dict[str, Any]:
    sent = ExpressionOfInterest.objects.filter(requester_company=company).select_related("profile")
    received = ExpressionOfInterest.objects.filter(profile__company=company).select_related(
        "requester_company", "profile"
    )
    introductions = Introduction.objects.filter(
        Q(company_a=company) | Q(company_b=company)
    ).select_related("company_a", "company_b")
    return {
        "interests_sent": [
            {
                "id": i.pk,
                "profile": i.profile.title,
                "status": i.status,
                "message": i.message,
                "message_language": i.message_language,
                "contacts_chosen": _contacts(i.contacts),
                "sent_at": _when(i.created_at),
                "answered_at": _when(i.answered_at),
                "decline_reason": i.decline_reason,
            }
            for i in sent
        ],
        "interests_received": [
            {
                "id": i.pk,
                "profile": i.profile.title,
                "from": i.requester_company.name,
                "status": i.status,
                "message": i.message,
                "sent_at": _when(i.created_at),
                "decline_reason": i.decline_reason,
                "decline_note": i.decline_note,
            }
            for i in received
        ],
        "introductions": [_introduction(x, company) for x in introductions],
    }


def _introduction(introduction: Introduction, company: Any) -> dict[str, Any]:
    ours = introduction.company_a_id == company.pk
    partner = introduction.company_b if ours else introduction.company_a
    return {
        "id": introduction.pk,
        "partner": partner.name,
        "stage": introduction.stage,
        "close_reason": introduction.close_reason,
        "introduced_at": _when(introduction.created_at),
        "contacts_disclosed_by_you": _contacts(
            introduction.contacts_a if ours else introduction.contacts_b
        ),
        "contacts_disclosed_to_you": _contacts(
            introduction.contacts_b if ours else introduction.contacts_a
        ),
        "stages": [
            {"from": c.from_stage, "to": c.to_stage, "at": _when(c.changed_at)}
            for c in introduction.stage_changes.all()
        ],
        "messages": [
            {
                "from": m.sender_company.name if m.sender_company else "officer",
                "language": m.language,
                "body": m.body,
                "attachment": m.attachment_name,
                "sent_at": _when(m.created_at),
            }
            for m in introduction.messages.select_related("sender_company")
        ],
    }


def erase(company: Any, now: dt.datetime) -> None:
    """Remove people and free text the company wrote; keep rows, statuses and stages."""
    with transaction.atomic():
        sent = ExpressionOfInterest.objects.filter(requester_company=company)
        for interest in sent:
            interest.contacts.clear()
        sent.update(message="", sender=None)
        ExpressionOfInterest.objects.filter(profile__company=company).update(decline_note="")
        for introduction in Introduction.objects.filter(company_a=company):
            introduction.contacts_a.clear()
        for introduction in Introduction.objects.filter(company_b=company):
            introduction.contacts_b.clear()
        Introduction.objects.filter(Q(company_a=company) | Q(company_b=company)).update(
            close_note=""
        )
        written = IntroductionMessage.objects.filter(sender_company=company)
        for message in written.exclude(attachment=""):
            delete_after_commit(message.attachment)
        written.update(body="", attachment="", attachment_name="", sender=None)
