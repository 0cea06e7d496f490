"""API shapes of recommendations and search results (profiles through public_view)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rest_framework import serializers

from jembatan.matching.domain.cards import CompanyCard
from jembatan.matching.domain.recommend import Recommendation
from jembatan.matching.models import ObjectType
from jembatan.opportunities.domain.presentation import ProfileView


class SearchQuerySerializer(serializers.Serializer[dict[str, Any]]):
    q = serializers.CharField(max_length=500)
    type = serializers.ChoiceField(choices=ObjectType.choices, default=ObjectType.PROFILE)
    limit = serializers.IntegerField(min_value=1, max_value=50, default=20)


def profile_data(view: ProfileView) -> dict[str, Any]:
    """What the API shows of a profile: the public view, without the viewer-only fields."""
    return {
        "id": view.id,
        "title": view.title,
        "summary": view.summary,
        "kind": view.kind,
        "kind_label": view.kind_label,
        "direction": view.direction,
        "direction_label": view.direction_label,
        "sector": view.sector,
        "sector_name": view.sector_name,
        "language": view.language,
        "published_at": view.published_at,
        "identity_hidden": view.identity_hidden,
        "company_label": view.company_label,
        "company_id": view.company_id,
    }


def company_data(card: CompanyCard) -> dict[str, Any]:
    data = asdict(card)
    # The page's extras: the API has the description's versions at /companies/{id}/.
    for page_only in ("url", "name_kana", "description_shown", "description_origin"):
        data.pop(page_only)
    return data


def recommendation_data(rec: Recommendation) -> dict[str, Any]:
    return {
        "type": rec.target_type,
        "id": rec.target_id,
        "score": rec.score,
        "complement": rec.complement,
        "factors": [
            {
                "key": f.key,
                "label": f.label,
                "value": f.value,
                "weight": f.weight,
                "contribution": round(f.contribution, 4),
            }
            for f in rec.factors
        ],
        "phrases": [
            {"source": p.left, "target": p.right, "similarity": round(p.similarity, 4)}
            for p in rec.phrases
        ],
        "profile": profile_data(rec.profile) if rec.profile is not None else None,
        "company": company_data(rec.company) if rec.company is not None else None,
    }
