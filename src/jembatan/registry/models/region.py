from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """An ISO 3166-2 subdivision: an Indonesian province or a Japanese prefecture."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=10, primary_key=True)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)
    name_ja = models.CharField(_("name (Japanese)"), max_length=120)

    class Meta:
        ordering = ["country", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.localized_name()

    def localized_name(self, language: str | None = None) -> str:
        lang = (language or get_language() or "id")[:2]
        return str(getattr(self, f"name_{lang}", "") or self.name_en)
