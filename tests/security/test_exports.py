"""Formula injection: every spreadsheet the project writes leaves text that begins with
=, +, -, @, tab or carriage return (or blanks, then one of them) inert.

EXPORTS lists every export route with the module that writes it; a source check fails
when a module builds a spreadsheet (SafeWorkbook, safe_csv_writer, openpyxl Workbook,
csv.writer) without being listed, so a new export must be added here and tested. Each
route is downloaded as an officer after its data has been seeded with hostile text, and
no cell may begin with a dangerous character nor be a formula."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Left
from django.test import Client
from django.utils import translation

from jembatan.core.domain.spreadsheet import FORMULA_STARTS, safe_cell
from jembatan.events.domain.scheduling import execute_run, publish_draft, start_run
from jembatan.vocational.domain import applications as flow
from tests.catalogue.conftest import make_product, shown, verify
from tests.engagement.agreements.conftest import make_introduction
from tests.events import factories as event_factories
from tests.factories import CompanyFactory
from tests.vocational.programme_world import make_programme, world  # noqa: F401

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "jembatan"
PAYLOADS = ('=HYPERLINK("http://x")', "+1+1", "@SUM(1)", "-2+3", "\t=1", "\r=1", " =1", "＝1")
WRITERS = re.compile(
    r"\b(?:SafeWorkbook|safe_csv_writer|Workbook|csv\.writer|csv\.DictWriter|xlsxwriter\.\w+)\("
)
# Text fields that exports copy from user input: each is prefixed with a payload.
SEEDED_FIELDS = {
    "name",
    "name_kana",
    "name_ja",
    "name_en",
    "given_name",
    "family_name",
    "title",
    "title_ja",
    "place",
    "city",
    "notes",
}


@dataclass(frozen=True)
class Export:
    module: str  # where the spreadsheet is written, relative to src/jembatan
    seed: Callable[[Any], str]  # makes the data and returns the URL to download
    user_text: bool = True  # whether seeded text reaches this export


def _pipeline(request: Any) -> str:
    make_introduction(CompanyFactory(country="JP"), CompanyFactory(country="ID"))
    return "/interests/pipeline/table.xlsx"


def _plan(request: Any) -> str:
    officer = request.getfixturevalue("officer")
    event = event_factories.scheduled_event()
    budi = event_factories.participant(event, CompanyFactory(country="ID"), "Budi", ["id", "en"])
    tanaka = event_factories.participant(event, CompanyFactory(country="JP"), "Tanaka", ["ja"])
    event_factories.interpreter(event, "Rina", ["ja", "id"])
    event_factories.accepted(budi, tanaka, 3)
    execute_run(start_run(event, officer, time_limit=3).pk)
    publish_draft(event, officer)
    return f"/events/{event.pk}/schedule/plan.xlsx"


def _participants(request: Any) -> str:
    vocational = request.getfixturevalue("world")
    programme = make_programme(vocational.mou, vocational.host)
    application = flow.apply(
        programme=programme, person=vocational.student, actor=vocational.school_a_user
    )
    flow.select(application, vocational.host_user)
    flow.confirm(application, vocational.school_a_user)
    flow.complete(application, vocational.host_user)
    return f"/vocational/programmes/{programme.pk}/participants.xlsx"


def _figures(request: Any) -> str:
    _participants(request)
    return "/vocational/figures.xlsx?from=2016&to=2036"


def _brochure(request: Any) -> str:
    from jembatan.catalogue.domain import promotions
    from jembatan.catalogue.models import Promotion

    officer = request.getfixturevalue("officer")
    company = verify(CompanyFactory(country="ID"))
    product = shown(make_product(company, name="Kotak", name_ja="箱"))
    promotion = Promotion(
        kind="fair",
        title="Fair",
        place="Osaka",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 3, 3),
    )
    promotions.save_curation(officer, promotion, [company], [product])
    brochure = promotions.create_brochure(officer, promotion, [company], [product])
    return f"/promotions/brochures/{brochure.pk}/brochure.xlsx"


def _report(request: Any) -> str:
    return "/indicators/report.xlsx?year=2017&granularity=year"


def _template(request: Any) -> str:
    return "/imports/template.xlsx"


EXPORTS: dict[str, Export] = {
    "pipeline": Export("engagement/interfaces/pipeline_xlsx.py", _pipeline),
    "event_plan": Export("events/interfaces/plan_xlsx.py", _plan),
    "programme_participants": Export("vocational/interfaces/participants_xlsx.py", _participants),
    "vocational_figures": Export(
        "vocational/interfaces/participants_xlsx.py", _figures, user_text=False
    ),
    "mission_brochure": Export("catalogue/interfaces/mission_xlsx.py", _brochure),
    "indicator_report": Export("indicators/interfaces/report_xlsx.py", _report, user_text=False),
    "import_template": Export("registry/interfaces/import_template.py", _template, user_text=False),
}
# The shared writers themselves.
WRAPPERS = {"core/interfaces/spreadsheets.py"}


def poison() -> None:
    """Prefix every seeded text field of every row with a payload (kept unique, cut to the
    field's length), so whatever an export copies from user input starts with one."""
    from django.apps import apps

    for number, model in enumerate(apps.get_models()):
        if not model.__module__.startswith("jembatan.") or model._meta.proxy:
            continue
        updates = {}
        for field in model._meta.concrete_fields:
            if (
                field.name in SEEDED_FIELDS
                and isinstance(field, models.CharField | models.TextField)
                and not field.choices
            ):
                payload = PAYLOADS[number % len(PAYLOADS)]
                value = Concat(Value(payload), F(field.name), output_field=field)
                updates[field.name] = Left(value, field.max_length) if field.max_length else value
        if updates:
            model._default_manager.update(**updates)


def cells(data: bytes) -> Iterator[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def dangerous(value: object) -> bool:
    return isinstance(value, str) and safe_cell(value) is not value


def test_every_spreadsheet_writer_is_listed() -> None:
    listed = {export.module for export in EXPORTS.values()} | WRAPPERS
    writers = {
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if WRITERS.search(path.read_text(encoding="utf-8"))
    }
    assert writers - listed == set()  # a new export: add it to EXPORTS
    assert listed - writers == set()  # a listed module no longer writes spreadsheets


@pytest.mark.parametrize("payload", PAYLOADS)
def test_safe_cell_neutralises_every_payload(payload: str) -> None:
    assert safe_cell(payload) == "'" + payload
    assert dangerous(payload)


@pytest.mark.parametrize("value", ["PT Maju", "株式会社", "1-2", "a=b", "'=1", ""])
def test_safe_cell_leaves_plain_text_alone(value: str) -> None:
    assert safe_cell(value) is value


def test_safe_cell_leaves_numbers_alone() -> None:
    assert safe_cell(-5) == -5
    assert FORMULA_STARTS[:6] == ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_export_has_no_live_formula(request, officer, settings, tmp_path, name: str) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    export = EXPORTS[name]
    with translation.override("en"):
        url = export.seed(request)
    poison()
    officer.language = "en"
    officer.save(update_fields=["language"])
    client = Client()
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200, url
    found = list(cells(response.content))
    assert found, url
    bad = [(c.coordinate, c.value) for c in found if c.data_type == "f" or dangerous(c.value)]
    assert bad == []
    if export.user_text:
        neutralised = [c.value for c in found if isinstance(c.value, str) and c.value[:1] == "'"]
        # XML reads a carriage return back as a line feed: compare with that in mind.
        starts = tuple(p.replace("\r", "\n") for p in PAYLOADS)
        assert any(v[1:].replace("\r", "\n").startswith(starts) for v in neutralised), url
