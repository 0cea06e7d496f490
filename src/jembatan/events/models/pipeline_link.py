"""The link from the partnership pipeline to events (events sits above engagement).

`EventIntroduction` says which event an introduction came from or where its two companies
met; `IntroductionOffer` is an introduction offered to two companies that met at an event
and both rated the meeting as worth continuing: it opens once both accept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventIntroduction(models.Model):
    class Kind(models.TextChoices):
        MET_AT_EVENT = "met", _("Met at the event")
        OFFERED_AT_EVENT = "offered", _("Introduced after the event")

    introduction = models.ForeignKey(
        "engagement.Introduction", on_delete=models.CASCADE, related_name="event_links"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="introduction_links"
    )
    meeting = models.ForeignKey(
        "events.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("event of an introduction")
        verbose_name_plural = _("events of introductions")
        constraints = [
            models.UniqueConstraint(
                fields=["introduction", "event", "kind"], name="events_intro_link_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.introduction_id} @ {self.event_id} ({self.kind})"


class IntroductionOffer(models.Model):
    meeting = models.OneToOneField(
        "events.Meeting", on_delete=models.CASCADE, related_name="introduction_offer"
    )
    company_a = models.ForeignKey("registry.Company", on_delete=models.CASCADE, related_name="+")
    company_b = models.ForeignKey("registry.Company", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    a_accepted_at = models.DateTimeField(null=True, blank=True)
    b_accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    introduction = models.OneToOneField(
        "engagement.Introduction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_offer",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("introduction offered after an event")
        verbose_name_plural = _("introductions offered after events")

    def __str__(self) -> str:
        return f"{self.company_a_id} <-> {self.company_b_id} (meeting {self.meeting_id})"
