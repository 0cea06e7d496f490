"""Internship places offered by companies of the registry, and students placed in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.vocational.models.institution import DepartmentKind, JlptLevel


class PlacementOffer(models.Model):
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="vocational_offers",
    )
    programme = models.ForeignKey(
        "vocational.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="placement_offers",
    )
    title = models.CharField(_("title"), max_length=255)
    department_kind = models.CharField(_("department"), max_length=30, choices=DepartmentKind)
    description = models.TextField(_("description"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    min_jlpt = models.CharField(
        _("minimum Japanese (JLPT)"), max_length=2, choices=JlptLevel, blank=True
    )
    region = models.CharField(
        _("region"), max_length=10, blank=True, help_text=_("ISO 3166-2 code, e.g. ID-JB.")
    )
    places = models.PositiveIntegerField(_("places"), default=1)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("internship place")
        verbose_name_plural = _("internship places")

    def __str__(self) -> str:
        return self.title


class PlacementStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    INTERVIEWING = "interviewing", _("Interviewing")
    PLACED = "placed", _("Placed")
    DECLINED = "declined", _("Declined")


class Placement(models.Model):
    offer = models.ForeignKey(PlacementOffer, on_delete=models.CASCADE, related_name="placements")
    person = models.ForeignKey(
        "vocational.Person", on_delete=models.PROTECT, related_name="placements"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlacementStatus, default=PlacementStatus.SUGGESTED
    )
    placed_on = models.DateField(_("placed on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["offer", "status", "id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.UniqueConstraint(fields=["offer", "person"], name="vocational_placement_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} - {self.offer}"
