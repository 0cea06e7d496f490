"""Buyer inquiries sent from the showcase about a product or a company."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.catalogue.models.product import PRICE_MAX, Currency

MESSAGE_MAX = 4000


class InquiryStatus(models.TextChoices):
    AWAITING_OFFICER = "awaiting_officer", _("Waiting for an officer")
    FORWARDED = "forwarded", _("Forwarded to the company")
    INTEREST = "interest", _("Sent as an expression of interest")
    DECLINED = "declined", _("Declined by an officer")


# The statuses in which the IKM's members see the inquiry.
DELIVERED = (InquiryStatus.FORWARDED, InquiryStatus.INTEREST)


class Inquiry(models.Model):
    """What a buyer asks of an IKM. From a registered firm's member it becomes an expression
    of interest (``interest``); from anybody else it waits for an officer and is kept.

    No IP address is stored: the rate limits count in the cache (domain/spam.py)."""

    company = models.ForeignKey(
        "registry.Company", on_delete=models.CASCADE, related_name="inquiries"
    )
    product = models.ForeignKey(
        "catalogue.Product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    promotion = models.ForeignKey(
        "catalogue.Promotion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
        help_text=_("The promotion the buyer came from (a brochure's QR code)"),
    )
    buyer_company_name = models.CharField(_("your company"), max_length=255)
    corporate_number = models.CharField(_("corporate number"), max_length=13, blank=True)
    contact_name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    wants = models.CharField(_("what you are looking for"), max_length=300)
    quantity = models.CharField(_("quantity"), max_length=100, blank=True)
    target_price_amount = models.BigIntegerField(
        _("target price per unit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(PRICE_MAX)],
    )
    target_price_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True
    )
    timing = models.CharField(_("when"), max_length=100, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=MESSAGE_MAX)
    message_language = models.CharField(max_length=2, blank=True)
    language = models.CharField(
        _("language of the page"), max_length=2, default="ja", help_text=_("For replies")
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries_sent",
    )
    buyer_company = models.ForeignKey(
        "registry.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries_sent",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InquiryStatus.choices, db_index=True
    )
    interest = models.OneToOneField(
        "engagement.ExpressionOfInterest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiry",
    )
    officer_note = models.TextField(_("officer's note"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_price_amount__isnull=True)
                | ~models.Q(target_price_currency=""),
                name="catalogue_inquiry_price_has_currency",
            )
        ]

    def __str__(self) -> str:
        return f"{self.buyer_company_name}: {self.wants}"
