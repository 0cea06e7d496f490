"""Automatic follow-up: an introduction quiet for 30 days asks both sides for an update."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUpAnswer(models.TextChoices):
    STILL_TALKING = "still_talking", _("We are still talking")
    MEETING_PLANNED = "meeting_planned", _("A meeting is planned")
    CLOSED = "closed", _("It is closed")


class FollowUpRequest(models.Model):
    """One request for an update, sent to both companies; the first answer settles it."""

    introduction = models.ForeignKey(
        "engagement.Introduction", on_delete=models.CASCADE, related_name="follow_up_requests"
    )
    sent_at = models.DateTimeField(_("sent at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.CharField(
        _("answer"), max_length=20, choices=FollowUpAnswer.choices, blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_for = models.ForeignKey(
        "registry.Company", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    close_reason = models.CharField(_("reason"), max_length=20, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("request for an update")
        verbose_name_plural = _("requests for an update")

    def __str__(self) -> str:
        return f"{self.introduction_id} {self.sent_at:%Y-%m-%d}"
