"""'Not relevant' marks on recommendations: hidden afterwards, kept for tuning."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.matching.models.embedding import ObjectType


class RecommendationFeedback(models.Model):
    class Verdict(models.TextChoices):
        NOT_RELEVANT = "not_relevant", _("Not relevant")

    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company giving the feedback"),
        on_delete=models.CASCADE,
        related_name="recommendation_feedback",
    )
    source_profile = models.ForeignKey(
        "opportunities.PartnershipProfile",
        verbose_name=_("recommendations for profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.CharField(
        _("recommended object type"), max_length=10, choices=ObjectType.choices
    )
    target_id = models.PositiveBigIntegerField(_("recommended object id"))
    verdict = models.CharField(
        _("verdict"), max_length=20, choices=Verdict.choices, default=Verdict.NOT_RELEVANT
    )
    score = models.FloatField(_("score when marked"), null=True, blank=True)
    factors = models.JSONField(_("factors when marked"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recommendation feedback")
        verbose_name_plural = _("recommendation feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "target_type", "target_id"],
                name="matching_feedback_once_per_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.verdict} {self.target_type} {self.target_id}"
