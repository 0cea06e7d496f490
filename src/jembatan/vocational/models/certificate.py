"""Completion certificates and the follow-up asked of participants.

A certificate copies the facts it confirms (name, programme, dates) when it is issued, so the
public verification page shows what was certified even if the records change later.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    application = models.OneToOneField(
        "vocational.Application", on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    participant_name = models.CharField(_("name"), max_length=300)
    participant_name_latin = models.CharField(
        _("name in Latin letters"), max_length=200, blank=True
    )
    programme_title = models.CharField(_("programme"), max_length=255)
    programme_kind = models.CharField(_("kind of programme"), max_length=20)
    host_name = models.CharField(_("host"), max_length=255)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    language = models.CharField(_("language"), max_length=2)
    issued_at = models.DateTimeField(_("issued at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.code


class PlacementOutcome(models.TextChoices):
    JAPANESE_FIRM_ID = "japanese_firm_id", _("Employed by a Japanese firm in Indonesia")
    JAPAN = "japan", _("Working in Japan")
    OTHER_FIRM = "other_firm", _("Employed by another firm")
    STUDYING = "studying", _("Studying further")
    SEEKING = "seeking", _("Looking for work")
    TEACHING = "teaching", _("Teaching (teachers)")
    OTHER = "other", _("Other")


class FollowUp(models.Model):
    """One round of questions after completion: round 1 at completion, round 2 six months on."""

    application = models.ForeignKey(
        "vocational.Application", on_delete=models.CASCADE, related_name="follow_ups"
    )
    round = models.PositiveSmallIntegerField(_("round"))
    asked_at = models.DateTimeField(_("asked at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    teaching_changes = models.TextField(_("what changed in your teaching"), blank=True)
    outcome = models.CharField(
        _("where you are now"), max_length=20, choices=PlacementOutcome, blank=True
    )
    placed_with = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    placed_with_name = models.CharField(_("employer or school"), max_length=255, blank=True)
    notes = models.TextField(_("anything else"), blank=True)

    class Meta:
        ordering = ["application", "round"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "round"], name="vocational_follow_up_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} ({self.round})"
