"""A version of an object's texts in another language, and a reader's request for one."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("id", _("Indonesian")), ("ja", _("Japanese")), ("en", _("English"))]


class Origin(models.TextChoices):
    AUTHOR = "author", _("The poster")
    OFFICER = "officer", _("A programme officer")
    INTERPRETER = "interpreter", _("A programme interpreter")
    MACHINE = "machine", _("Machine translation")


class ContentTranslation(models.Model):
    """The texts of one object (a profile's title, summary...; a company's description) in
    one language other than the original's. One per object and language: a human version
    replaces a machine one, never the reverse (domain/versions.py)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    texts = models.JSONField(_("texts"), default=dict)
    origin = models.CharField(_("made by"), max_length=12, choices=Origin.choices)
    engine = models.CharField(_("translation engine"), max_length=80, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    made_at = models.DateTimeField(_("translated at"))
    source_language = models.CharField(_("translated from"), max_length=2, blank=True)
    # SHA-256 of the original texts it was made from: when the original is edited, the
    # hashes differ and the version is shown as possibly outdated.
    source_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["language", "id"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="translation_one_per_language",
            )
        ]
        permissions = [("interpret", _("Can add translations as a programme interpreter"))]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} [{self.language}]"


class TranslationRequest(models.Model):
    """A reader asked for a version in `language`; officers see open requests in a queue."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                condition=models.Q(done_at__isnull=True),
                name="translation_request_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} -> {self.language}"
