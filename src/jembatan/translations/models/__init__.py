from jembatan.translations.models.translation import (
    ContentTranslation,
    Origin,
    TranslationRequest,
)

__all__ = ["ContentTranslation", "Origin", "TranslationRequest"]
