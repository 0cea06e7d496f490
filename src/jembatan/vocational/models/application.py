"""Applications to a programme, and what happens to them up to completion.

Which transition is allowed to whom is domain/applications.py's business; the model only
records the state. `rank` is the host's order of preference (1 is best), used to fill a
place from the waiting list.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SELECTED = "selected", _("Selected")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not selected")
    CONFIRMED = "confirmed", _("Confirmed")
    TRAVELLING = "travelling", _("Taking part")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The statuses that hold one of the programme's places.
HOLDS_PLACE = (
    ApplicationStatus.SELECTED,
    ApplicationStatus.CONFIRMED,
    ApplicationStatus.TRAVELLING,
    ApplicationStatus.COMPLETED,
)


class Application(models.Model):
    Status = ApplicationStatus

    programme = models.ForeignKey(
        "vocational.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    person = models.ForeignKey(
        "vocational.Person",
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus, default=ApplicationStatus.APPLIED
    )
    nominated = models.BooleanField(_("nominated by the institution"), default=False)
    motivation = models.TextField(_("motivation"), blank=True)
    documents = models.ManyToManyField(
        "vocational.PersonDocument",
        verbose_name=_("documents"),
        blank=True,
        related_name="applications",
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    review_notes = models.TextField(_("reviewer's notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    applied_at = models.DateTimeField(_("applied at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["programme", "rank", "applied_at", "id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"], name="vocational_application_once"
            )
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"{self.person} - {self.programme}"
