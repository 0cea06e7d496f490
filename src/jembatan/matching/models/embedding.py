"""Cached embeddings, which text each object currently has, and the keyword documents."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ObjectType(models.TextChoices):
    PROFILE = "profile", _("Partnership profile")
    COMPANY = "company", _("Company")


class Embedding(models.Model):
    """One vector, keyed by text_hash(model, kind, text): a text is embedded once per model."""

    text_hash = models.CharField(_("text hash"), max_length=64, unique=True)
    model = models.CharField(_("model"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10)
    dim = models.PositiveSmallIntegerField(_("dimensions"))
    vector = models.BinaryField(_("vector (float32)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("embedding")
        verbose_name_plural = _("embeddings")

    def __str__(self) -> str:
        return f"{self.model} {self.kind} {self.text_hash[:12]}"


class EmbeddedObject(models.Model):
    """Which embeddings a profile or a company has now: its text's hash in the search
    role (``passage``) and in the similar role (``query``, for recommendations; empty for
    objects embedded before that role existed, until they are re-embedded)."""

    object_type = models.CharField(_("object type"), max_length=10, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    text_hash = models.CharField(_("text hash"), max_length=64)
    similar_hash = models.CharField(_("text hash (similar role)"), max_length=64, blank=True)
    model = models.CharField(_("model"), max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("embedded object")
        verbose_name_plural = _("embedded objects")
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id"], name="matching_embedded_object_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_id}"


class KeywordDocument(models.Model):
    """The text keyword search looks at. SQLite mirrors it in an FTS5 trigram table
    (matching_keyword_fts, rowid = this id) and its word terms in an FTS5 table
    (matching_keyword_terms_fts); PostgreSQL searches the body with pg_trgm and the terms
    through a GIN index on their array."""

    object_type = models.CharField(_("object type"), max_length=10, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    body = models.TextField(_("text"))
    terms = models.TextField(_("word terms"), blank=True, default="")

    class Meta:
        verbose_name = _("keyword document")
        verbose_name_plural = _("keyword documents")
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id"], name="matching_keyword_document_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_id}"
