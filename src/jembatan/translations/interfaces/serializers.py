"""The versions of an object's texts in the API (the same VersionView the pages show)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from jembatan.translations.domain.versions import prefetched_versions, showable_versions
from jembatan.translations.models import Origin


@extend_schema_serializer(component_name="TextVersion")
class VersionSerializer(serializers.Serializer):
    """A version of the texts in another language than the original, as this reader may see
    it (an anonymous profile's version that would name its poster is left out)."""

    language = serializers.CharField(help_text="ISO 639-1 code: id, ja or en.")
    texts = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text="The translated texts by field name (title, summary... or description).",
    )
    origin = serializers.ChoiceField(choices=Origin.choices)
    engine = serializers.CharField(
        allow_blank=True, help_text="For machine translations: the engine's name."
    )
    origin_label = serializers.CharField(
        help_text="Who or what made it, in the reader's language (“Translated by the poster”)."
    )
    made_at = serializers.DateTimeField()
    outdated = serializers.BooleanField(
        help_text="The original was changed after this version was made."
    )
    is_reader_language = serializers.SerializerMethodField(
        help_text="Whether this is the version in the language of the request (shown first)."
    )

    def get_is_reader_language(self, version: Any) -> bool:
        return bool(version.language == (get_language() or "")[:2])


def versions_data(obj: Any) -> list[dict[str, Any]]:
    """The versions of an object that never hides its writer (a company's description)."""
    rows = showable_versions(obj, prefetched_versions(obj), identity_hidden=False)
    return [dict(VersionSerializer(row).data) for row in rows]
