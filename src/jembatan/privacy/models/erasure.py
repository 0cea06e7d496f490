"""A company's request to erase its personal data, and the officer's decision on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an officer")
    DONE = "done", _("Erased")
    REJECTED = "rejected", _("Declined by an officer")


class ErasureRequest(models.Model):
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="erasure_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ErasureStatus.choices,
        default=ErasureStatus.REQUESTED,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("officer's note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("requested at"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            # One open request per company: a second click does not queue the work twice.
            models.UniqueConstraint(
                fields=["company"],
                condition=models.Q(status="requested"),
                name="privacy_one_open_erasure_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.status}"
