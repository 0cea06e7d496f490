from __future__ import annotations

from jembatan.matching.models.digest import DigestSubscription
from jembatan.matching.models.embedding import (
    EmbeddedObject,
    Embedding,
    KeywordDocument,
    ObjectType,
)
from jembatan.matching.models.feedback import RecommendationFeedback
from jembatan.matching.models.personal import Favourite, HomeVisit, SavedSearch, SearchScope

__all__ = [
    "DigestSubscription",
    "EmbeddedObject",
    "Embedding",
    "Favourite",
    "HomeVisit",
    "KeywordDocument",
    "ObjectType",
    "RecommendationFeedback",
    "SavedSearch",
    "SearchScope",
]
