from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Scheme(models.TextChoices):
    KBLI2020 = "kbli2020", "KBLI 2020"
    JSIC14 = "jsic14", "JSIC Rev.14"
    ISIC4 = "isic4", "ISIC Rev.4"
    # Product codes (chapter, heading, subheading), for the catalogue's products.
    HS = "hs", "HS"


class Classification(models.Model):
    """One code of an industry classification, at any level."""

    scheme = models.CharField(_("scheme"), max_length=10, choices=Scheme.choices)
    code = models.CharField(_("code"), max_length=10)
    level = models.CharField(
        _("level"), max_length=12, help_text=_("section, division, group, class or subclass")
    )
    scheme_level = models.CharField(_("level name in the scheme"), max_length=30, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    title_id = models.CharField(_("title (Indonesian)"), max_length=500, blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    examples = models.TextField(_("examples"), blank=True)

    class Meta:
        ordering = ["scheme", "code"]
        verbose_name = _("classification code")
        verbose_name_plural = _("classification codes")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="classification_scheme_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title()}"

    def title(self, language: str | None = None) -> str:
        return self.title_in(language)[0]

    def title_in(self, language: str | None = None) -> tuple[str, str]:
        """The title in `language` (the reader's) where the scheme has one, else in English,
        Indonesian or Japanese; with the language it is written in, so a page can say so."""
        lang = (language or get_language() or "id")[:2]
        for candidate in (lang, "en", "id", "ja"):
            text = getattr(self, f"title_{candidate}", "")
            if text:
                return str(text), candidate
        return "", lang


class CrosswalkLink(models.Model):
    """A proposed or confirmed correspondence from a KBLI or JSIC code to an ISIC class."""

    class Method(models.TextChoices):
        DIRECT = "direct", _("Same code (KBLI follows ISIC)")
        PARENT = "parent", _("Through the parent code")
        PROPOSED = "proposed", _("Proposed from names and descriptions")
        MANUAL = "manual", _("Entered by an officer")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(Classification, on_delete=models.CASCADE, related_name="isic_links")
    isic = models.ForeignKey(Classification, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    basis = models.CharField(
        _("basis"), max_length=40, blank=True, help_text=_("How the proposal was made, in detail")
    )
    score = models.FloatField(_("score"), default=1.0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["source__scheme", "source__code", "-score"]
        verbose_name = _("crosswalk link")
        verbose_name_plural = _("crosswalk links")
        constraints = [
            models.UniqueConstraint(fields=["source", "isic"], name="crosswalk_source_isic")
        ]

    def __str__(self) -> str:
        return f"{self.source_id} -> {self.isic_id} ({self.status})"


class ProgrammeSector(models.Model):
    """A sector the programme works in (components, packaging, textiles, animation...).

    The list and its ISIC classes are curated data kept in the repository
    (registry/domain/data/sectors.json) and synchronised after each migration.
    """

    slug = models.SlugField(primary_key=True, max_length=40)
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)
    name_ja = models.CharField(_("name (Japanese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    isic_classes = models.JSONField(_("ISIC classes"), default=list)
    priority = models.BooleanField(_("priority sector for Japanese partners"), default=False)
    group = models.CharField(
        _("group"), max_length=40, blank=True, help_text=_("e.g. components, for the part sectors")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("programme sector")
        verbose_name_plural = _("programme sectors")

    def __str__(self) -> str:
        return self.localized_name()

    def localized_name(self, language: str | None = None) -> str:
        lang = (language or get_language() or "id")[:2]
        return str(getattr(self, f"name_{lang}", "") or self.name_en)
