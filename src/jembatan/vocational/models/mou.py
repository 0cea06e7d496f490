"""Memoranda of understanding between institutions (and companies of the registry).

The status is not stored: it follows from the dates (domain/mous.py `mou_status`), except a
termination, which is a recorded act (`terminated_on`).
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MouStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed, not yet in force")
    ACTIVE = "active", pgettext_lazy("MoU status", "Active")
    EXPIRED = "expired", pgettext_lazy("MoU status", "Expired")
    TERMINATED = "terminated", _("Terminated")


class Renewal(models.TextChoices):
    NONE = "none", _("Not renewed")
    AUTOMATIC = "automatic", _("Renewed automatically unless a party objects")
    BY_AGREEMENT = "by_agreement", _("Renewed by a new agreement of the parties")


class ScopeKind(models.TextChoices):
    TEACHER_EXCHANGE = "teacher_exchange", _("Teacher exchange")
    STUDENT_EXCHANGE = "student_exchange", _("Student exchange")
    SHORT_COURSE = "short_course", _("Short course")
    INTERNSHIP = "internship", _("Internship")
    CURRICULUM = "curriculum", _("Curriculum development")
    JOINT_RESEARCH = "joint_research", _("Joint research")
    EQUIPMENT = "equipment", _("Equipment")


def mou_document_path(instance: Mou, filename: str) -> str:
    return f"vocational/mous/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Mou(models.Model):
    title = models.CharField(_("title"), max_length=255)
    signed_on = models.DateField(_("signing date"), null=True, blank=True)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    renewal = models.CharField(
        _("renewal"), max_length=20, choices=Renewal, default=Renewal.BY_AGREEMENT
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews the agreement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewals",
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for the termination"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    document = models.FileField(
        _("signed document (PDF)"), upload_to=mou_document_path, max_length=200, blank=True
    )
    document_name = models.CharField(_("original file name"), max_length=255, blank=True)
    document_size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-signed_on", "-id"]
        verbose_name = _("memorandum of understanding")
        verbose_name_plural = _("memoranda of understanding")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="vocational_mou_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=["ends_on"])]

    def __str__(self) -> str:
        return self.title


class MouParty(models.Model):
    """One party: an institution, or a company of the registry (exactly one of the two)."""

    mou = models.ForeignKey(Mou, on_delete=models.CASCADE, related_name="parties")
    institution = models.ForeignKey(
        "vocational.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mou_parties",
    )
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vocational_mou_parties",
    )
    signatory = models.CharField(_("signed by"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory's position"), max_length=200, blank=True)

    class Meta:
        ordering = ["mou", "id"]
        verbose_name = _("party to an MoU")
        verbose_name_plural = _("parties to MoUs")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(institution__isnull=False) & models.Q(company__isnull=True))
                | (models.Q(institution__isnull=True) & models.Q(company__isnull=False)),
                name="vocational_party_institution_or_company",
            ),
            models.UniqueConstraint(
                fields=["mou", "institution"], name="vocational_party_institution_once"
            ),
            models.UniqueConstraint(
                fields=["mou", "company"], name="vocational_party_company_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.institution or self.company)


class MouScope(models.Model):
    mou = models.ForeignKey(Mou, on_delete=models.CASCADE, related_name="scope_items")
    kind = models.CharField(_("scope"), max_length=30, choices=ScopeKind)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["mou", "kind"]
        verbose_name = _("scope item")
        verbose_name_plural = _("scope items")
        constraints = [
            models.UniqueConstraint(fields=["mou", "kind"], name="vocational_scope_once")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class MouReminder(models.Model):
    """An expiry reminder sent: one per agreement, lead time and end date (a renewed or
    extended agreement with a new end date is reminded again)."""

    mou = models.ForeignKey(Mou, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    ends_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["mou", "-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mou", "days_before", "ends_on"], name="vocational_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mou}: {self.days_before} days before {self.ends_on}"
