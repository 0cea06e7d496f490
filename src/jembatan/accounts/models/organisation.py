from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """Where a user works: a company, a vocational institution or a programme office."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        INSTITUTION = "institution", _("Vocational institution")
        PROGRAMME_OFFICE = "programme_office", _("Programme office")

    class Office(models.TextChoices):
        KEMENPERIN = "kemenperin", _("Ministry of Industry (Kemenperin)")
        JETRO = "jetro", _("JETRO")

    class InstitutionType(models.TextChoices):
        SMK = "smk", _("Vocational high school (SMK)")
        POLYTECHNIC = "polytechnic", _("Polytechnic")
        KOSEN = "kosen", _("College of technology (kosen)")
        UNIVERSITY = "university", _("University")
        TRAINING_CENTRE = "training_centre", _("Training centre")
        OTHER = "other", _("Other institution")

    class Verification(models.TextChoices):
        PENDING = "pending", _("Waiting for an officer")
        VERIFIED = "verified", _("Confirmed")
        REJECTED = "rejected", _("Refused by an officer")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    office = models.CharField(
        _("programme office"), max_length=20, choices=Office.choices, blank=True
    )
    company = models.OneToOneField(
        "registry.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="organisation",
    )
    # Institutions: what they are and where. An institution that signs itself up waits for an
    # officer (`pending`); those an officer or the admin creates are confirmed from the start.
    institution_type = models.CharField(
        _("type of institution"), max_length=20, choices=InstitutionType.choices, blank=True
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    region = models.ForeignKey(
        "registry.Region",
        verbose_name=_("province or prefecture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verification = models.CharField(
        _("verification"),
        max_length=10,
        choices=Verification.choices,
        default=Verification.VERIFIED,
    )
    verification_note = models.TextField(_("officer's note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, null=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="company", company__isnull=False)
                | ~models.Q(kind="company"),
                name="organisation_company_kind_has_company",
            ),
        ]

    def __str__(self) -> str:
        return self.name
