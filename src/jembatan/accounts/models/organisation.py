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
