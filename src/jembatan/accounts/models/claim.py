from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompanyClaim(models.Model):
    """A person who signed up for a company already in the registry (an agency import, an
    officer's entry) asks to act for it; an officer confirms or refuses the claim."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an officer")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Refused")

    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="company_claims",
    )
    # What the person typed, for the officer to compare with the record.
    legal_name = models.CharField(_("legal name given"), max_length=255)
    region = models.ForeignKey(
        "registry.Region",
        verbose_name=_("province or prefecture given"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    note = models.TextField(_("officer's note"), blank=True)
    created_at = models.DateTimeField(_("created at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("company claim")
        verbose_name_plural = _("company claims")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_user_and_company",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.company}"
