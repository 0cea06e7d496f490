"""A report written in the format asked for: the one call the command and the view share."""

from __future__ import annotations

from dataclasses import dataclass

from jembatan.indicators.domain.report import Report, ReportError

FORMATS = ("xlsx", "pdf")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class ReportFile:
    data: bytes
    content_type: str
    filename: str


def write_report(report: Report, fmt: str) -> ReportFile:
    if fmt == "xlsx":
        from jembatan.indicators.interfaces.report_xlsx import report_workbook

        data = report_workbook(report)
    elif fmt == "pdf":
        from jembatan.indicators.interfaces.report_pdf import report_pdf

        data = report_pdf(report)
    else:
        raise ReportError(f"{fmt!r} is not a report format: xlsx or pdf")
    filename = f"jembatan-indicators-{report.period}-{report.language}.{fmt}"
    return ReportFile(data, CONTENT_TYPES[fmt], filename)
