"""What matching holds about a company: its users' digest subscriptions, its feedback on
recommendations, and the keyword documents that carry its texts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.personal_data import PersonalDataProvider, iso, register_provider
from jembatan.matching.domain import keyword_store
from jembatan.matching.models import (
    DigestSubscription,
    Favourite,
    HomeVisit,
    ObjectType,
    RecommendationFeedback,
    SavedSearch,
)
from jembatan.opportunities.models import PartnershipProfile


def export(company: Any) -> dict[str, Any]:
    subscriptions = DigestSubscription.objects.filter(
        user__organisation__company=company
    ).select_related("user")
    feedback = RecommendationFeedback.objects.filter(company=company).order_by("pk")
    return {
        "digest_subscriptions": [
            {
                "user": s.user.username,
                "is_active": s.is_active,
                "last_sent_at": iso(s.last_sent_at),
                "created_at": iso(s.created_at),
            }
            for s in subscriptions.order_by("pk")
        ],
        "recommendation_feedback": [
            {
                "source_profile": f.source_profile_id,
                "target_type": f.target_type,
                "target_id": f.target_id,
                "verdict": f.verdict,
                "created_at": iso(f.created_at),
            }
            for f in feedback
        ],
        "favourites": [
            {
                "user": f.user.username,
                "profile": f.profile_id,
                "company": f.company_id,
                "created_at": iso(f.created_at),
            }
            for f in Favourite.objects.filter(user__organisation__company=company)
            .select_related("user")
            .order_by("pk")
        ],
        "saved_searches": [
            {
                "user": s.user.username,
                "name": s.name,
                "scope": s.scope,
                "search": s.params,
                "alert": s.alert,
                "created_at": iso(s.created_at),
            }
            for s in SavedSearch.objects.filter(user__organisation__company=company)
            .select_related("user")
            .order_by("pk")
        ],
    }


def erase(company: Any, now: dt.datetime) -> None:
    """Drop the subscriptions and the search documents now (the index tasks that follow the
    company's save re-add the erased record under its new label); feedback stays, by nobody."""
    DigestSubscription.objects.filter(user__organisation__company=company).delete()
    for model in (Favourite, SavedSearch, HomeVisit):
        model.objects.filter(user__organisation__company=company).delete()
    RecommendationFeedback.objects.filter(company=company).update(created_by=None)
    keyword_store.remove_document(ObjectType.COMPANY, company.pk)
    for pk in PartnershipProfile.objects.filter(company=company).values_list("pk", flat=True):
        keyword_store.remove_document(ObjectType.PROFILE, pk)


def register() -> None:
    register_provider(
        PersonalDataProvider(key="matching", export=export, erase=erase, label=_("Matching"))
    )
