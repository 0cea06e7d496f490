"""Files attached to a partnership profile (PDF and images)."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.db import models
from django.utils.translation import gettext_lazy as _


def attachment_path(instance: ProfileAttachment, filename: str) -> str:
    # A random name on disk, so that no identifying file name is ever stored in a path or URL.
    suffix = PurePath(filename).suffix.lower()
    return f"profiles/{uuid.uuid4().hex}{suffix}"


class ProfileAttachment(models.Model):
    profile = models.ForeignKey(
        "opportunities.PartnershipProfile",
        verbose_name=_("partnership profile"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=50)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["profile", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name
