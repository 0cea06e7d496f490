"""Writing audit-log entries."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from jembatan.core.models import AuditLogEntry


def log_action(
    action: str, obj: models.Model, actor: Any = None, data: dict[str, Any] | None = None
) -> AuditLogEntry:
    """Record `action` (a dotted key such as `jembatan.company.verified`) on `obj`."""
    return AuditLogEntry.objects.create(
        action=action,
        actor=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        data=data or {},
    )


def recent_entries(limit: int = 10) -> list[AuditLogEntry]:
    """The latest entries, newest first, with their actor and object type (one query)."""
    return list(AuditLogEntry.objects.select_related("actor", "content_type")[:limit])
