"""The shapes of /api/v1/profiles/{id}/matches/ and /api/v1/search/ for the OpenAPI schema.

The views build their JSON with the functions in serializers.py; these serializers only
describe it, and tests/test_api_schema.py checks real responses against them.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from jembatan.matching.models import ObjectType


class MatchedProfileSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    direction = serializers.CharField()
    direction_label = serializers.CharField()
    sector = serializers.CharField(allow_null=True)
    sector_name = serializers.CharField()
    language = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    identity_hidden = serializers.BooleanField()
    company_label = serializers.CharField()
    company_id = serializers.IntegerField(allow_null=True)


class MatchedCompanySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    name_alt = serializers.CharField(help_text="The name in the other script, as the firm gave it.")
    reading_latin = serializers.CharField(
        help_text="A Latin-script reading of a Japanese name (romaji), or empty."
    )
    readings_generated = serializers.BooleanField(
        help_text="True when the readings were generated, not given by the firm."
    )
    country = serializers.CharField()
    country_label = serializers.CharField()
    region = serializers.CharField()
    sectors = serializers.ListField(child=serializers.CharField())
    description = serializers.CharField()


class FactorSerializer(serializers.Serializer[Any]):
    # `label` and `source` are also Field attributes; the metaclass moves declared fields out
    # of the class body, so the names are safe at run time.
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.FloatField()
    weight = serializers.FloatField()
    contribution = serializers.FloatField()


class PhraseSerializer(serializers.Serializer[Any]):
    source = serializers.CharField()  # type: ignore[assignment]
    target = serializers.CharField()
    similarity = serializers.FloatField()


class RecommendationSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ObjectType.choices)
    id = serializers.IntegerField()
    score = serializers.FloatField()
    complement = serializers.BooleanField()
    factors = FactorSerializer(many=True)
    phrases = PhraseSerializer(many=True)
    profile = MatchedProfileSerializer(allow_null=True)
    company = MatchedCompanySerializer(allow_null=True)


class ProfileMatchesSerializer(serializers.Serializer[Any]):
    profile = serializers.IntegerField()
    count = serializers.IntegerField()
    results = RecommendationSerializer(many=True)


class SearchHitSerializer(serializers.Serializer[Any]):
    """One hit: `profile` for a profile search, `company` for a company search."""

    score = serializers.FloatField()
    ranks = serializers.DictField(child=serializers.IntegerField())
    profile = MatchedProfileSerializer(required=False)
    company = MatchedCompanySerializer(required=False)


class SearchResultsSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ObjectType.choices)
    count = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
