"""What events holds about a company: its participants (with check-ins), the meeting
requests they sent and received, their meetings, and their ratings.

Of the other side of a request or meeting, only what the company sees in its agenda goes
into the export: the counterpart's name, job title and company, never their e-mail or phone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    iso,
    register_provider,
    scrub_audit,
)
from jembatan.events.models import FollowUp, Meeting, MeetingRating, MeetingRequest, Participant


def erased_participant(participant_id: int) -> str:
    return f"Erased participant #{participant_id}"


def _counterpart(participant: Participant) -> dict[str, Any]:
    return {
        "name": participant.name,
        "job_title": participant.job_title,
        "company": participant.company.name,
    }


def _participants(company: Any) -> list[dict[str, Any]]:
    participants = Participant.objects.filter(company=company).select_related("event")
    return [
        {
            "id": p.pk,
            "event": p.event.name,
            "name": p.name,
            "job_title": p.job_title,
            "email": p.email,
            "phone": p.phone,
            "languages": p.languages,
            "agenda_language": p.agenda_language,
            "max_meetings": p.max_meetings,
            "registered_at": iso(p.registered_at),
            "checked_in_at": iso(p.checked_in_at),
            "no_show_at": iso(p.no_show_at),
        }
        for p in participants.order_by("pk")
    ]


def _requests(company: Any) -> list[dict[str, Any]]:
    requests = (
        MeetingRequest.objects.filter(Q(sender__company=company) | Q(receiver__company=company))
        .select_related("event", "sender__company", "receiver__company")
        .prefetch_related("meetings__slot", "meetings__table")
        .order_by("pk")
    )
    rows = []
    for r in requests:
        sent = r.sender.company_id == company.pk
        own, other = (r.sender, r.receiver) if sent else (r.receiver, r.sender)
        rows.append(
            {
                "id": r.pk,
                "event": r.event.name,
                "sent_by_company": sent,
                "participant": own.pk,
                "counterpart": _counterpart(other),
                "message": r.message,
                "priority": r.priority,
                "status": r.status,
                "created_at": iso(r.created_at),
                "answered_at": iso(r.answered_at),
                "meetings": [
                    {
                        "stage": m.stage,
                        "starts_at": iso(m.slot.starts_at),
                        "ends_at": iso(m.slot.ends_at),
                        "table": m.table.label,
                        "freed_at": iso(m.freed_at),
                    }
                    for m in r.meetings.all()
                ],
            }
        )
    return rows


def _ratings(company: Any) -> list[dict[str, Any]]:
    ratings = MeetingRating.objects.filter(participant__company=company).order_by("pk")
    return [
        {
            "meeting": r.meeting_id,
            "participant": r.participant_id,
            "happened": r.happened,
            "usefulness": r.usefulness,
            "next_step": r.next_step,
            "next_step_text": r.next_step_text,
            "created_at": iso(r.created_at),
        }
        for r in ratings
    ]


def export(company: Any) -> dict[str, Any]:
    return {
        "participants": _participants(company),
        "meeting_requests": _requests(company),
        "ratings": _ratings(company),
    }


def erase(company: Any, now: dt.datetime) -> None:
    """Blank the participants' personal fields and the company's own free text; requests,
    meetings, check-ins and ratings stay, so that the events' figures hold."""
    participants = list(Participant.objects.filter(company=company))
    for p in participants:
        p.name = erased_participant(p.pk)
        p.job_title = p.email = p.phone = ""
        p.save(update_fields=["name", "job_title", "email", "phone"])
    sent = MeetingRequest.objects.filter(sender__company=company)
    request_ids = list(
        MeetingRequest.objects.filter(
            Q(sender__company=company) | Q(receiver__company=company)
        ).values_list("pk", flat=True)
    )
    sent.exclude(message="").update(message="")
    ratings = MeetingRating.objects.filter(participant__company=company)
    ratings.exclude(next_step_text="").update(next_step_text="")
    FollowUp.objects.filter(rating__in=ratings).exclude(text="").update(text="")
    scrub_audit(Participant, [p.pk for p in participants])
    scrub_audit(MeetingRequest, request_ids)
    scrub_audit(
        Meeting, Meeting.objects.filter(request_id__in=request_ids).values_list("pk", flat=True)
    )


def register() -> None:
    register_provider(
        PersonalDataProvider(key="events", export=export, erase=erase, label=_("Events"))
    )
