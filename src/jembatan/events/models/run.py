"""A record of each scheduling run: who started it, how it went, how good the result is."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")


class RunKind(models.TextChoices):
    SCHEDULE = "schedule", _("Draft schedule")
    FILL = "fill", _("Fill freed slots")


class ScheduleRun(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="runs")
    kind = models.CharField(max_length=10, choices=RunKind.choices, default=RunKind.SCHEDULE)
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.PENDING
    )
    allow_moves = models.BooleanField(_("published meetings may move"), default=False)
    time_limit = models.FloatField(_("time limit (seconds)"), default=30.0)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    build_seconds = models.FloatField(null=True, blank=True)
    solve_seconds = models.FloatField(null=True, blank=True)
    write_seconds = models.FloatField(null=True, blank=True)
    solver_status = models.CharField(max_length=20, blank=True)
    objective = models.IntegerField(null=True, blank=True)
    upper_bound = models.IntegerField(null=True, blank=True)
    meeting_count = models.PositiveIntegerField(default=0)
    request_count = models.PositiveIntegerField(default=0)
    reasons = models.JSONField(default=dict, blank=True)  # request pk (str) -> reason code
    moved = models.JSONField(default=list, blank=True)  # request pks
    dropped = models.JSONField(default=list, blank=True)
    # The solver's "figures" (idle gaps, participants without a meeting, ...), as it wrote them.
    figures = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("scheduling run")
        verbose_name_plural = _("scheduling runs")

    def __str__(self) -> str:
        return f"{self.event} #{self.pk} {self.status}"

    @property
    def gap(self) -> float | None:
        """How far the objective may be from the best: 0.0 is proven optimal."""
        if self.objective is None or not self.upper_bound:
            return None
        return 1 - self.objective / self.upper_bound
