"""What opportunities holds about a company: its partnership profiles, their attachments'
metadata and the officers' review notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    iso,
    register_provider,
    scrub_audit,
)
from jembatan.core.domain.stored_files import delete_after_commit
from jembatan.opportunities.models import (
    ClosedReason,
    PartnershipProfile,
    ProfileAttachment,
    Status,
)

# Free text a poster may fill with names, phone numbers, anecdotes: blanked on erasure.
FREE_TEXT_FIELDS = ("summary", "description", "brings", "seeks", "returned_reason")
# A profile still in play when its company is erased is withdrawn: nobody could answer it.
OPEN_STATUSES = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.RETURNED,
    Status.VALIDATED,
    Status.PUBLISHED,
)


def erased_title(profile_id: int) -> str:
    return f"Partnership profile #{profile_id}"


def _profile(profile: PartnershipProfile) -> dict[str, Any]:
    return {
        "id": profile.pk,
        "kind": profile.kind,
        "direction": profile.direction,
        "cooperation_types": profile.cooperation_types,
        "title": profile.title,
        "summary": profile.summary,
        "description": profile.description,
        "language": profile.language,
        "sector": profile.sector_id,
        "classifications": sorted(f"{c.scheme}:{c.code}" for c in profile.classifications.all()),
        "target_countries": profile.target_countries,
        "partner_size_wanted": profile.partner_size_wanted,
        "brings": profile.brings,
        "seeks": profile.seeks,
        "keywords": profile.keywords,
        "deadline": iso(profile.deadline),
        "status": profile.status,
        "is_anonymous": profile.is_anonymous,
        "review": {
            "returned_reason": profile.returned_reason,
            "submitted_at": iso(profile.submitted_at),
            "validated_at": iso(profile.validated_at),
        },
        "published_at": iso(profile.published_at),
        "expires_at": iso(profile.expires_at),
        "closed_reason": profile.closed_reason,
        "closed_at": iso(profile.closed_at),
        "created_at": iso(profile.created_at),
        "attachments": [
            {
                "original_name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "uploaded_at": iso(a.uploaded_at),
            }
            for a in profile.attachments.all()
        ],
    }


def export(company: Any) -> dict[str, Any]:
    profiles = (
        PartnershipProfile.objects.filter(company=company)
        .prefetch_related("classifications", "attachments")
        .order_by("pk")
    )
    return {"profiles": [_profile(p) for p in profiles]}


def erase(company: Any, now: dt.datetime) -> None:
    """Withdraw the open profiles, blank their free text and drop their files; the rows,
    with kind, sector, direction and dates, stay so that the programme's counts hold."""
    profiles = list(PartnershipProfile.objects.filter(company=company))
    for attachment in ProfileAttachment.objects.filter(profile__in=profiles):
        delete_after_commit(attachment.file)
        attachment.delete()
    for profile in profiles:
        profile.title = erased_title(profile.pk)
        for field in FREE_TEXT_FIELDS:
            setattr(profile, field, "")
        profile.keywords = []
        if profile.status in OPEN_STATUSES:
            profile.status = Status.CLOSED
            profile.closed_reason = ClosedReason.WITHDRAWN
            profile.closed_at = now
        profile.save()
    scrub_audit(PartnershipProfile, [p.pk for p in profiles])


def register() -> None:
    register_provider(
        PersonalDataProvider(
            key="opportunities", export=export, erase=erase, label=_("Partnership profiles")
        )
    )
