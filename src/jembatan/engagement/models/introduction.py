"""An introduction between two companies, its stages and its thread of messages."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jembatan.opportunities.models import Language


class Stage(models.TextChoices):
    INTRODUCED = "introduced", _("Introduced")
    MET = "met", _("First meeting held")
    NEGOTIATING = "negotiating", _("Negotiating")
    SIGNED = "signed", _("Agreement signed")
    CLOSED = "closed", pgettext_lazy("introduction stage", "Closed")


class Introduction(models.Model):
    interest = models.OneToOneField(
        "engagement.ExpressionOfInterest",
        verbose_name=_("expression of interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introduction",
    )
    profile = models.ForeignKey(
        "opportunities.PartnershipProfile",
        verbose_name=_("partnership profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introductions",
    )
    # a = the company that asked (requester), b = the profile's owner.
    company_a = models.ForeignKey(
        "registry.Company",
        verbose_name=_("interested company"),
        on_delete=models.CASCADE,
        related_name="introductions_as_a",
    )
    company_b = models.ForeignKey(
        "registry.Company",
        verbose_name=_("profile owner"),
        on_delete=models.CASCADE,
        related_name="introductions_as_b",
    )
    contacts_a = models.ManyToManyField(
        "registry.Contact",
        verbose_name=_("contacts disclosed by the interested company"),
        blank=True,
        related_name="+",
    )
    contacts_b = models.ManyToManyField(
        "registry.Contact",
        verbose_name=_("contacts disclosed by the profile owner"),
        blank=True,
        related_name="+",
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.INTRODUCED, db_index=True
    )
    close_reason = models.CharField(_("reason for closing"), max_length=20, blank=True)
    close_note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("introduced at"), db_index=True)
    stage_changed_at = models.DateTimeField(_("stage changed at"))
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")

    def __str__(self) -> str:
        return f"{self.company_a_id} <-> {self.company_b_id} ({self.stage})"


class IntroductionStageChange(models.Model):
    introduction = models.ForeignKey(
        Introduction, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    reason = models.CharField(_("reason"), max_length=2000, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.from_stage} -> {self.to_stage}"


def message_attachment_path(instance: IntroductionMessage, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    return f"introductions/{uuid.uuid4().hex}{suffix}"


class IntroductionMessage(models.Model):
    introduction = models.ForeignKey(
        Introduction, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The side that wrote it (None: an officer).
    sender_company = models.ForeignKey(
        "registry.Company", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"), max_length=8000)
    language = models.CharField(
        _("language of the message"), max_length=2, choices=Language.choices, blank=True
    )
    attachment = models.FileField(
        _("attachment"), upload_to=message_attachment_path, max_length=200, blank=True
    )
    attachment_name = models.CharField(_("original file name"), max_length=255, blank=True)
    attachment_type = models.CharField(_("content type"), max_length=50, blank=True)
    attachment_size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"message {self.pk} in introduction {self.introduction_id}"
