"""XLSX exports: a programme's participants for its host, and the vocational figures.

Written through core.interfaces.spreadsheets (text cells made inert). The participant
sheet holds what the host may see for selection (name, institution, kind, department,
year, languages, status, rank) and only the applications the user may see; no dates of
birth, addresses or documents.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from jembatan.core.domain.kpis import KpiQuery
from jembatan.core.interfaces.spreadsheets import SafeWorkbook
from jembatan.vocational.domain.applications import applications_visible_to
from jembatan.vocational.domain.figures import KPIS
from jembatan.vocational.models import Programme


def participants_workbook(programme: Programme, user: Any) -> bytes:
    rows = (
        applications_visible_to(user, programme.applications.all())
        .select_related("person__institution__organisation", "person__department")
        .order_by("rank", "applied_at", "pk")
    )
    book = SafeWorkbook()
    sheet = book.active
    sheet.title = _("Participants")[:31]
    sheet.append(
        [
            _("Name"),
            _("Institution"),
            _("Teacher or student"),
            _("Department"),
            _("Year"),
            "JLPT",
            "BIPA",
            _("English (CEFR)"),
            _("Status"),
            _("Rank"),
        ]
    )
    for application in rows:
        person = application.person
        sheet.append(
            [
                person.full_name,
                person.institution.name,
                person.get_kind_display(),
                str(person.department) if person.department_id else "",
                person.year,
                person.jlpt_level,
                person.get_indonesian_level_display() if person.indonesian_level else "",
                person.english_level,
                application.get_status_display(),
                application.rank,
            ]
        )
    return book.to_bytes()  # type: ignore[no-any-return]


def figures_workbook(start: dt.date, end: dt.date) -> bytes:
    book = SafeWorkbook()
    book.remove(book.active)
    query = KpiQuery(start=start, end=end, period="year")
    for index, (code, name, _definition, unit, compute) in enumerate(KPIS, start=1):
        sheet = book.create_sheet(f"{index} {code.split('.')[-1]}"[:31])
        sheet.append([str(name)])
        sheet.append([_("Period"), _("Breakdown"), _("Value"), _("Unit")])
        for value in compute(query):
            figure = float(value.value) if isinstance(value.value, Decimal) else value.value
            sheet.append([value.period, value.key, figure, str(unit)])
    return book.to_bytes()  # type: ignore[no-any-return]
