"""Promotions officers curate (a trade mission, a fair in Japan, a sector campaign) and the
brochures made for them: which companies and products are featured, and where."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PromotionKind(models.TextChoices):
    TRADE_MISSION = "trade_mission", _("Trade mission")
    FAIR = "fair", _("Fair in Japan")
    CAMPAIGN = "campaign", _("Sector campaign")


class Promotion(models.Model):
    """E.g. "Packaging IKM, Osaka": the companies and products shown to Japanese buyers.

    ``event`` links a business-matching event held during the promotion, so that its
    meetings count against the promotion in the indicators."""

    kind = models.CharField(_("kind"), max_length=20, choices=PromotionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    title_ja = models.CharField(_("title in Japanese"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, help_text=_("e.g. Intex Osaka"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    companies = models.ManyToManyField(
        "registry.Company",
        verbose_name=_("featured companies"),
        blank=True,
        related_name="promotions",
    )
    products = models.ManyToManyField(
        "catalogue.Product",
        verbose_name=_("featured products"),
        blank=True,
        related_name="promotions",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("business-matching event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="promotions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")),
                name="catalogue_promotion_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Brochure(models.Model):
    """An officer's selection for a printed brochure; the PDF and the XLSX are rendered from
    it on request (interfaces/brochure_pdf.py, interfaces/mission_xlsx.py), never stored."""

    promotion = models.ForeignKey(Promotion, on_delete=models.CASCADE, related_name="brochures")
    title = models.CharField(_("title"), max_length=200, blank=True)
    companies = models.ManyToManyField(
        "registry.Company", verbose_name=_("companies"), related_name="+"
    )
    products = models.ManyToManyField(
        "catalogue.Product", verbose_name=_("products"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("brochure")
        verbose_name_plural = _("brochures")

    def __str__(self) -> str:
        return self.title or str(self.promotion)
