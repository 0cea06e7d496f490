"""An expression of interest: a company asks the owner of a partnership profile to be introduced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.opportunities.models import Language


class InterestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    AWAITING_OFFICER = "awaiting_officer", _("Waiting for an officer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


OPEN_STATUSES = (InterestStatus.PENDING, InterestStatus.AWAITING_OFFICER)


class DeclineReason(models.TextChoices):
    NO_FIT = "no_fit", _("Not a good fit")
    CAPACITY = "capacity", _("No capacity at present")
    PRICE = "price", _("Price")
    TIMING = "timing", _("Timing")
    LANGUAGE = "language", _("Language")
    OTHER = "other", _("Other")


class ExpressionOfInterest(models.Model):
    profile = models.ForeignKey(
        "opportunities.PartnershipProfile",
        verbose_name=_("partnership profile"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    requester_company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("interested company"),
        on_delete=models.CASCADE,
        related_name="interests_sent",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=4000)
    message_language = models.CharField(
        _("language of the message"), max_length=2, choices=Language.choices, blank=True
    )
    contacts = models.ManyToManyField(
        "registry.Contact",
        verbose_name=_("contacts to disclose"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterestStatus.choices,
        default=InterestStatus.PENDING,
        db_index=True,
    )
    decline_reason = models.CharField(
        _("reason for declining"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.TextField(_("note"), max_length=2000, blank=True)
    # Mediated mode: what the officer wrote when forwarding or asking for improvement.
    officer_note = models.TextField(_("officer's note"), max_length=2000, blank=True)
    improvement_requested = models.BooleanField(_("improvement requested"), default=False)
    mediated = models.BooleanField(_("through an officer"), default=False)
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), db_index=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["requester_company", "profile"],
                condition=models.Q(status__in=["pending", "awaiting_officer"]),
                name="one_open_interest_per_company_and_profile",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester_company_id} -> {self.profile_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
