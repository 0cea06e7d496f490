"""What an import reports back, and the file-level failure a reader raises."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowError:
    """A problem in one cell or row. `row` counts as the spreadsheet does: the header is 1."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


class SourceError(Exception):
    """The file as a whole cannot be read (bad encoding, not CSV or XLSX, missing sheet)."""

    def __init__(self, message: str, *, row: int = 0, column: str = "") -> None:
        super().__init__(message)
        self.error = RowError(row, column, message)


@dataclass
class ImportReport:
    """The outcome of `import_companies`; counts stay 0 when the file has errors."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    sample: list[dict[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: int = 0
    dry_run: bool = False
    # The file as a whole was refused (SourceError): hostile, damaged or not CSV/XLSX.
    unreadable: bool = False
    # When the import started, if it wrote anything: what it wrote has updated_at >= this.
    written_since: datetime.datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, Any]:
        """Exactly the shape `jembatan import companies --json` prints."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [error.as_dict() for error in self.errors],
        }
