"""Reminders sent before a participant's meetings: one row per meeting, participant, start
and lead time, so that a reminder is never sent twice and a moved meeting gets a new one."""

from __future__ import annotations

from django.db import models


class MeetingReminder(models.Model):
    meeting = models.ForeignKey(
        "events.Meeting", on_delete=models.CASCADE, related_name="reminders"
    )
    participant = models.ForeignKey(
        "events.Participant", on_delete=models.CASCADE, related_name="meeting_reminders"
    )
    starts_at = models.DateTimeField()  # the meeting's start when reminded
    sequence = models.PositiveIntegerField(default=0)  # Meeting.sequence: its moves
    lead_minutes = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant", "starts_at", "sequence", "lead_minutes"],
                name="events_reminder_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.meeting_id} {self.starts_at:%Y-%m-%d %H:%M}"
