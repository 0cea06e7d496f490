from __future__ import annotations

from jembatan.core.models.audit import AuditLogEntry

__all__ = ["AuditLogEntry"]
