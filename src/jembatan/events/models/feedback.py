"""After the event: each participant rates each meeting; a next step becomes a follow-up."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingRating(models.Model):
    meeting = models.ForeignKey("events.Meeting", on_delete=models.CASCADE, related_name="ratings")
    participant = models.ForeignKey(
        "events.Participant", on_delete=models.CASCADE, related_name="ratings"
    )
    happened = models.BooleanField(_("the meeting took place"), default=True)
    usefulness = models.PositiveSmallIntegerField(
        _("how useful (1-5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    next_step = models.BooleanField(_("a next step is planned"), default=False)
    next_step_text = models.TextField(_("next step"), blank=True)
    # Both sides saying yes offers them an introduction in the partnership pipeline.
    worth_continuing = models.BooleanField(_("worth continuing"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting rating")
        verbose_name_plural = _("meeting ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="events_rating_once_per_participant"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.meeting}"


class FollowUp(models.Model):
    """A meeting with a planned next step, waiting for the partnership pipeline to pick it up."""

    meeting = models.ForeignKey(
        "events.Meeting", on_delete=models.CASCADE, related_name="follow_ups"
    )
    rating = models.OneToOneField(MeetingRating, on_delete=models.CASCADE, related_name="follow_up")
    text = models.TextField(_("next step"))
    created_at = models.DateTimeField(auto_now_add=True)
    picked_up_at = models.DateTimeField(_("picked up by the pipeline"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.text[:60]
