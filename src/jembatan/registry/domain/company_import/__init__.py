"""Bulk import of companies from CSV or XLSX files (see docs/import.md)."""

from __future__ import annotations

from jembatan.registry.domain.company_import.action import (
    AUDIT_ACTION,
    TabularSource,
    announce_imported,
    import_companies,
)
from jembatan.registry.domain.company_import.columns import COLUMNS, Column
from jembatan.registry.domain.company_import.report import ImportReport, RowError, SourceError

__all__ = [
    "AUDIT_ACTION",
    "COLUMNS",
    "Column",
    "ImportReport",
    "RowError",
    "SourceError",
    "TabularSource",
    "announce_imported",
    "import_companies",
]
