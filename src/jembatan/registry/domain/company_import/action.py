"""`import_companies`: the one code path the command line and the web views call.

Rows stream through validation into the writer a chunk at a time; only the upsert keys
(16 bytes a row, for finding duplicates) and the errors are kept for the whole file.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.registry.domain.company_import.columns import HeaderMap, map_headers
from jembatan.registry.domain.company_import.regions import RegionIndex
from jembatan.registry.domain.company_import.report import ImportReport, RowError, SourceError
from jembatan.registry.domain.company_import.validation import (
    SCHEME_LABELS,
    SCHEME_OF_COUNTRY,
    RowValidator,
    model_fields_for,
)
from jembatan.registry.domain.company_import.writer import CompanyWriter
from jembatan.registry.domain.derived import refresh_sectors_of
from jembatan.registry.domain.notifications import companies_imported
from jembatan.registry.models import Classification, Company

SAMPLE_SIZE = 10
PROGRESS_EVERY = 1000  # rows between two calls of the `progress` callback
AUDIT_ACTION = "jembatan.import.companies"


class TabularSource(Protocol):
    """A spreadsheet-like file: `rows()` yields (row number, cells) from the header on,
    and can be called again for a second pass. Raises SourceError when unreadable."""

    name: str

    def rows(self) -> Iterator[tuple[int, list[str]]]: ...


def import_companies(
    source: TabularSource,
    *,
    dry_run: bool,
    actor: Any = None,
    progress: Callable[[int], None] | None = None,
    announce: bool = True,
    written: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate every row of `source` and, unless it is a dry run, upsert its companies.

    `progress` is called with the number of rows read (and validated) so far, every
    PROGRESS_EVERY rows and once at the end; `written` with the rows handed to the database
    so far, after each chunk of the writer and once more when everything is written.
    With `announce`, `companies_imported` is sent when the transaction commits (matching
    embeds then, before this returns when tasks run inline); callers that report first
    pass announce=False and call `announce_imported(report)` once the report is shown.

    One pass: rows are validated and streamed to the writer inside one transaction; the
    first failing row stops the writing (validation goes on, to report every failing
    row) and any error rolls the transaction back, so a failing file writes nothing.
    A dry run opens no transaction (on SQLite that would take the write lock).
    """
    report = ImportReport(dry_run=dry_run)
    started = timezone.now()
    try:
        if dry_run:
            _run(source, report, dry_run=True, actor=actor, progress=progress, written=written)
        else:
            with transaction.atomic():
                _run(source, report, dry_run=False, actor=actor, progress=progress, written=written)
                if report.errors:
                    transaction.set_rollback(True)
    except SourceError as error:
        report.errors = [error.error]
        report.unreadable = True
    if report.errors:
        report.created = report.updated = report.unchanged = 0
    elif not dry_run and (report.created or report.updated):
        report.written_since = started
        if announce:
            transaction.on_commit(lambda: announce_imported(report), robust=True)
    return report


def announce_imported(
    report: ImportReport, progress: Callable[[int], None] | None = None
) -> list[tuple[Any, Any]]:
    """Tell the apps that keep data about companies (matching) what the import wrote.

    `progress` is handed to them (matching calls it with companies embedded); returns the
    receivers' answers. Does nothing for a report that wrote nothing."""
    if report.written_since is None:
        return []
    return companies_imported.send(sender=Company, since=report.written_since, progress=progress)


def _data_rows(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    for row, cells in rows:
        if any(cell.strip() for cell in cells):
            yield row, cells


def _header(rows: Iterator[tuple[int, list[str]]]) -> list[str]:
    first = next(rows, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise SourceError(
            _("The file is empty: its first row must hold the column headers."), row=1
        )
    return first[1]


def _load_codes() -> dict[str, dict[str, int]]:
    codes: dict[str, dict[str, int]] = {scheme: {} for scheme in SCHEME_OF_COUNTRY.values()}
    rows = Classification.objects.filter(scheme__in=list(codes)).values_list("scheme", "code", "id")
    for scheme, code, pk in rows:
        codes[scheme][code] = pk
    return codes


def _run(
    source: TabularSource,
    report: ImportReport,
    *,
    dry_run: bool,
    actor: Any,
    progress: Callable[[int], None] | None,
    written: Callable[[int], None] | None = None,
) -> None:
    rows = source.rows()
    header, errors, warnings = map_headers(_header(rows))
    report.errors += errors
    report.warnings += warnings
    # The preview's headings: the headers as the file wrote them, never internal keys.
    report.columns = [
        header.label(name) for name, _position in sorted(header.index.items(), key=lambda i: i[1])
    ]
    if errors:
        return
    codes = _load_codes()
    _warn_missing_codes(header, codes, report)
    validator = RowValidator(header, RegionIndex.load(), codes)
    writer = CompanyWriter(
        model_fields_for(header),
        {scheme: set(known.values()) for scheme, known in codes.items()},
        with_classifications=header.has("industry_codes") and any(codes.values()),
        dry_run=dry_run,
    )
    keys, key_rows = array("q"), array("q")
    handed = 0  # rows the writer has compared and staged, for `written`
    for row, cells in _data_rows(rows):
        result = validator.validate(row, cells)
        report.rows += 1
        if progress is not None and report.rows % PROGRESS_EVERY == 0:
            progress(report.rows)
        report.errors += result.errors
        if result.key is not None:
            country, registry_id = result.key
            keys.append(int(registry_id) * 2 + (country == "JP"))
            key_rows.append(row)
        if result.record is None:
            continue
        if len(report.sample) < SAMPLE_SIZE:
            report.sample.append(result.record.display())
        if not report.errors:
            writer.add(result.record)
            if written is not None and _handed(writer) != handed:
                handed = _handed(writer)
                written(handed)
    if progress is not None:
        progress(report.rows)
    report.errors += _duplicates(keys, key_rows, header)
    report.errors.sort(key=lambda error: error.row)
    if report.errors:
        return
    writer.finish()
    if written is not None:
        written(_handed(writer))
    if (
        writer.with_classifications
        and not dry_run
        and (writer.counts.created or writer.counts.updated)
    ):
        refresh_sectors_of()
    report.created = writer.counts.created
    report.updated = writer.counts.updated
    report.unchanged = writer.counts.unchanged
    if not dry_run and (report.created or report.updated):
        _audit(source, report, actor)


def _handed(writer: CompanyWriter) -> int:
    counts = writer.counts
    return counts.created + counts.updated + counts.unchanged


def _warn_missing_codes(
    header: HeaderMap, codes: dict[str, dict[str, int]], report: ImportReport
) -> None:
    if not header.has("industry_codes"):
        return
    for scheme, known in codes.items():
        if not known:
            report.warnings.append(
                RowError(
                    1,
                    header.label("industry_codes"),
                    _(
                        "The %(scheme)s table is not loaded: %(scheme)s codes are neither checked nor stored."
                    )
                    % {"scheme": SCHEME_LABELS[scheme]},
                )
            )


def _duplicates(keys: array[int], key_rows: array[int], header: HeaderMap) -> list[RowError]:
    """One error per repeated (country, registry_id), naming the row it repeats.

    Keys are packed into int64 and sorted with numpy so that 4 million rows need tens of
    megabytes, not a dict of tuples."""
    if len(keys) < 2:
        return []
    key_array = np.frombuffer(keys, dtype=np.int64)
    row_array = np.frombuffer(key_rows, dtype=np.int64)
    order = np.lexsort((row_array, key_array))
    sorted_keys = key_array[order]
    repeated = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1]) + 1
    errors = []
    first_row_of: dict[int, int] = {}
    for position in repeated.tolist():
        key = int(sorted_keys[position])
        first = first_row_of.setdefault(key, int(row_array[order[position - 1]]))
        row = int(row_array[order[position]])
        country = "JP" if key % 2 else "ID"
        errors.append(
            RowError(
                row,
                header.label("registry_id"),
                _("Rows %(first)d and %(row)d are the same company (%(country)s %(registry_id)s).")
                % {
                    "first": first,
                    "row": row,
                    "country": country,
                    "registry_id": f"{key // 2:013d}",
                },
            )
        )
    return errors


def _audit(source: TabularSource, report: ImportReport, actor: Any) -> None:
    log_action(
        AUDIT_ACTION,
        ContentType.objects.get_for_model(Company),
        actor=actor,
        data={
            "file": source.name,
            "rows": report.rows,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
        },
    )
