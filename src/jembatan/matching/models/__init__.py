from __future__ import annotations

from jembatan.matching.models.digest import DigestSubscription
from jembatan.matching.models.embedding import (
    EmbeddedObject,
    Embedding,
    KeywordDocument,
    ObjectType,
)
from jembatan.matching.models.feedback import RecommendationFeedback

__all__ = [
    "DigestSubscription",
    "EmbeddedObject",
    "Embedding",
    "KeywordDocument",
    "ObjectType",
    "RecommendationFeedback",
]
