"""Agreements the parties of an introduction (or officers) report, and their confirmations."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

AMOUNT = [MinValueValidator(0), MaxValueValidator(10**17)]


class Currency(models.TextChoices):
    IDR = "IDR", "IDR (Rp)"
    JPY = "JPY", "JPY (¥)"
    USD = "USD", "USD (US$)"


class AgreementType(models.TextChoices):
    SUPPLY = "supply", _("Supply contract")
    SUBCONTRACTING = "subcontracting", _("Subcontracting")
    DISTRIBUTION = "distribution", _("Distribution")
    LICENCE = "licence", _("Technology licence or transfer")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    INVESTMENT = "investment", _("Investment")
    MOU = "mou", _("Memorandum of understanding")


class AgreementStatus(models.TextChoices):
    REPORTED = "reported", _("Reported, awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")


class Agreement(models.Model):
    """Counts in the programme's figures only once confirmed: every party confirmed, or an
    officer verified it."""

    introduction = models.ForeignKey(
        "engagement.Introduction",
        verbose_name=_("introduction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    type = models.CharField(_("type of agreement"), max_length=20, choices=AgreementType.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"))
    value_amount = models.BigIntegerField(
        _("contract value"), null=True, blank=True, validators=AMOUNT
    )
    value_currency = models.CharField(
        _("currency of the value"), max_length=3, choices=Currency.choices, blank=True
    )
    investment_amount = models.BigIntegerField(
        _("investment committed"), null=True, blank=True, validators=AMOUNT
    )
    investment_currency = models.CharField(
        _("currency of the investment"), max_length=3, choices=Currency.choices, blank=True
    )
    jobs_expected = models.PositiveIntegerField(
        _("jobs expected"), default=0, validators=[MaxValueValidator(10_000_000)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AgreementStatus.choices,
        default=AgreementStatus.REPORTED,
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(_("reported at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified by an officer at"), null=True, blank=True)

    class Meta:
        ordering = ["-signed_on", "-id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(value_amount__isnull=True) & models.Q(value_currency=""))
                | (models.Q(value_amount__gte=0) & ~models.Q(value_currency="")),
                name="engagement_agreement_value_has_currency",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(investment_amount__isnull=True) & models.Q(investment_currency="")
                )
                | (models.Q(investment_amount__gte=0) & ~models.Q(investment_currency="")),
                name="engagement_agreement_investment_has_currency",
            ),
        ]
        indexes = [models.Index(fields=["status", "signed_on"])]

    def __str__(self) -> str:
        return self.title or f"{self.get_type_display()} ({self.signed_on})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == AgreementStatus.CONFIRMED


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["agreement", "id"]
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "company"], name="engagement_party_once_per_agreement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company}: {self.agreement}"


def document_path(instance: AgreementDocument, filename: str) -> str:
    # A random name on disk, as for profile attachments: nothing identifying in a path.
    return f"agreements/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class AgreementDocument(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreement", "id"]
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")

    def __str__(self) -> str:
        return self.original_name
