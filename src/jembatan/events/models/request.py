"""Meeting requests between participants, and the meetings the scheduler places."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Priority(models.IntegerChoices):
    MUST = 3, _("Must meet")
    WOULD_LIKE = 2, _("Would like to meet")
    IF_POSSIBLE = 1, _("If possible")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class MeetingRequest(models.Model):
    """One participant asks to meet another; the solver schedules accepted ones."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_requests"
    )
    sender = models.ForeignKey(
        "events.Participant", on_delete=models.CASCADE, related_name="sent_requests"
    )
    receiver = models.ForeignKey(
        "events.Participant", on_delete=models.CASCADE, related_name="received_requests"
    )
    message = models.TextField(_("message"), blank=True)
    # The request is to (or from) the company: any of its representatives at the event may
    # attend, so the company can hold meetings in parallel. False: the named person attends.
    sender_any = models.BooleanField(_("any of our representatives may attend"), default=False)
    receiver_any = models.BooleanField(_("any of their representatives may attend"), default=False)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.WOULD_LIKE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    added_by_organiser = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    lock_slot = models.ForeignKey(
        "events.Slot",
        verbose_name=_("locked slot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lock_table = models.ForeignKey(
        "events.Table",
        verbose_name=_("locked table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("receiver")), name="events_request_not_self"
            ),
            models.UniqueConstraint(
                fields=["sender", "receiver"], name="events_request_pair_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.receiver}"


class Stage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Meeting(models.Model):
    """A request placed in a slot at a table, in the draft or in the published schedule."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="meetings")
    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="meetings")
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.DRAFT)
    # RESTRICT, not PROTECT: a lone slot or table with meetings cannot be deleted, but
    # deleting the whole event (which cascades to its meetings too) works.
    slot = models.ForeignKey("events.Slot", on_delete=models.RESTRICT, related_name="meetings")
    table = models.ForeignKey("events.Table", on_delete=models.RESTRICT, related_name="meetings")
    interpreter = models.ForeignKey(
        "events.Interpreter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    # Who attends for each side when the request was to a company (None: the request's own
    # sender or receiver).
    sender_attendee = models.ForeignKey(
        "events.Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    receiver_attendee = models.ForeignKey(
        "events.Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    freed_at = models.DateTimeField(
        _("freed"), null=True, blank=True, help_text=_("Set when a participant did not show up.")
    )
    # How often the published meeting moved (slot, table or interpreter): the SEQUENCE of
    # its calendar entry, so that calendars take the new time for the same UID.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["slot__starts_at", "table__number", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "stage"], name="events_meeting_once_per_stage"
            ),
            # The draft may hold conflicts while an organiser edits it; the published schedule never.
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=models.Q(stage="published", freed_at__isnull=True),
                name="events_published_table_once_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} @ {self.slot} / {self.table}"
