"""Every agreement, pipeline, rate and follow-up page for each role; list query counts; the
XLSX export's content."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from jembatan.engagement.domain.agreements import attach_document
from jembatan.engagement.models import Agreement, ExchangeRate, Introduction
from tests.engagement.agreements.conftest import make_introduction
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db
ROLES = [
    "anonymous",
    "member",
    "teammate",
    "partner",
    "partner_teammate",
    "outsider",
    "viewer",
    "officer",
]


def status_of(as_user: Any, role: str, url: str, method: str = "get", data: Any = None) -> int:
    client = as_user(role)
    response = getattr(client, method)(url, data or {})
    return int(response.status_code)


def expect(role: str, party: int, officer: int, other: int = 404) -> int:
    if role == "anonymous":
        return 302
    if role in ("member", "teammate", "partner", "partner_teammate"):
        return party
    if role == "officer":
        return officer
    return other


@pytest.mark.parametrize("role", ROLES)
def test_agreement_detail_by_role(agreement: Agreement, as_user: Any, role: str) -> None:
    url = f"/interests/agreements/{agreement.pk}/"
    assert status_of(as_user, role, url) == expect(role, 200, 200)


@pytest.mark.parametrize("role", ROLES)
def test_agreement_entry_by_role(introduction: Introduction, as_user: Any, role: str) -> None:
    url = f"/interests/introductions/{introduction.pk}/agreement/"
    assert status_of(as_user, role, url) == expect(role, 200, 200)


@pytest.mark.parametrize("role", ROLES)
def test_outcome_form_by_role(agreement: Agreement, as_user: Any, role: str) -> None:
    url = f"/interests/agreements/{agreement.pk}/outcome/"
    assert status_of(as_user, role, url) == expect(role, 200, 403)


@pytest.mark.parametrize("role", ROLES)
def test_confirm_by_role(agreement: Agreement, as_user: Any, role: str) -> None:
    url = f"/interests/agreements/{agreement.pk}/confirm/"
    # An officer sees the agreement but is no party to confirm it: 403, not 404.
    assert status_of(as_user, role, url, "post") == expect(role, 302, 403)
    confirmed = agreement.parties.filter(confirmed_at__isnull=False).count()
    assert confirmed == (1 if role in ("member", "teammate", "partner", "partner_teammate") else 0)


@pytest.mark.parametrize("role", ROLES)
def test_verify_by_role(agreement: Agreement, as_user: Any, role: str) -> None:
    url = f"/interests/agreements/{agreement.pk}/verify/"
    assert status_of(as_user, role, url, "post") == expect(role, 403, 302)
    agreement.refresh_from_db()
    assert (agreement.verified_at is not None) == (role == "officer")


@pytest.mark.parametrize("role", ROLES)
def test_document_download_by_role(
    agreement: Agreement, partner: Any, as_user: Any, role: str
) -> None:
    pdf = SimpleUploadedFile("kontrak.pdf", b"%PDF-1.7\n%%EOF\n")
    document = attach_document(partner, agreement, pdf)
    url = f"/interests/agreements/{agreement.pk}/documents/{document.pk}/"
    assert status_of(as_user, role, url) == expect(role, 200, 200)


@pytest.mark.parametrize("role", ROLES)
def test_agreement_list_by_role(agreement: Agreement, as_user: Any, role: str) -> None:
    response = as_user(role).get("/interests/agreements/")
    # The outsider's company has a list of its own, without this agreement; a viewer has none.
    expected = 200 if role == "outsider" else expect(role, 200, 200, 403)
    assert response.status_code == expected
    if response.status_code == 200:
        listed = f"/interests/agreements/{agreement.pk}/" in response.content.decode()
        assert listed == (role != "outsider")


@pytest.mark.parametrize(
    "url",
    [
        "/interests/pipeline/",
        "/interests/pipeline/table/",
        "/interests/pipeline/table.xlsx",
        "/interests/rates/",
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_officer_pages_by_role(
    introduction: Introduction, as_user: Any, role: str, url: str
) -> None:
    assert status_of(as_user, role, url) == expect(role, 403, 200, 403)


@pytest.mark.parametrize("role", ROLES)
def test_board_move_by_role(introduction: Introduction, as_user: Any, role: str) -> None:
    url = f"/interests/pipeline/{introduction.pk}/move/"
    assert status_of(as_user, role, url, "post", {"stage": "met"}) == expect(role, 403, 302, 403)
    introduction.refresh_from_db()
    assert (introduction.stage == "met") == (role == "officer")


def test_entering_an_agreement_by_form(introduction: Introduction, as_user: Any) -> None:
    response = as_user("member").post(
        f"/interests/introductions/{introduction.pk}/agreement/",
        {
            "type": "distribution",
            "signed_on": "2026-05-20",
            "value_amount": "1.250.000.000",
            "value_currency": "IDR",
            "investment_amount": "12000.50",
            "investment_currency": "USD",
            "jobs_expected": "7",
            "document": SimpleUploadedFile("mou.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/interests/agreements/{agreement.pk}/"
    assert (agreement.value_amount, agreement.investment_amount, agreement.investment_currency) == (
        1_250_000_000,
        1_200_050,
        "USD",
    )
    assert agreement.documents.get().original_name == "mou.pdf"
    introduction.refresh_from_db()
    assert introduction.stage == "signed"


def test_the_form_names_a_bad_amount(introduction: Introduction, as_user: Any) -> None:
    response = as_user("member").post(
        f"/interests/introductions/{introduction.pk}/agreement/",
        {
            "type": "supply",
            "signed_on": "2026-05-20",
            "value_amount": "10.5",
            "value_currency": "IDR",
            "jobs_expected": "0",
        },
    )
    assert response.status_code == 200
    assert "IDR amounts are whole numbers." in response.content.decode()
    assert Agreement.objects.count() == 0


def test_a_fake_pdf_is_refused_by_the_form(introduction: Introduction, as_user: Any) -> None:
    response = as_user("member").post(
        f"/interests/introductions/{introduction.pk}/agreement/",
        {
            "type": "mou",
            "signed_on": "2026-05-20",
            "jobs_expected": "0",
            "document": SimpleUploadedFile("a.pdf", b"GIF89a"),
        },
    )
    assert "a.pdf is not a PDF file." in response.content.decode()


def test_outcome_form_records_a_dated_answer(agreement: Agreement, as_user: Any) -> None:
    url = f"/interests/agreements/{agreement.pk}/outcome/"
    as_user("partner").post(
        url,
        {
            "active": "yes",
            "jobs_created": "4",
            "value_realised_amount": "5,000,000",
            "value_realised_currency": "JPY",
        },
    )
    as_user("member").post(url, {"active": "no", "jobs_created": "0"})
    rows = list(
        agreement.observations.order_by("id").values_list(
            "active", "jobs_created", "value_realised_amount", "value_realised_currency"
        )
    )
    assert rows == [(True, 4, 5_000_000, "JPY"), (False, 0, None, "")]


def test_rates_upload_names_the_row(as_user: Any) -> None:
    client = as_user("officer")
    bad = client.post(
        "/interests/rates/",
        {"file": SimpleUploadedFile("r.csv", b"date,IDR,JPY\n2026-01-01,1,zero\n")},
    )
    assert "Row 2: JPY &#x27;zero&#x27; is not a number." in bad.content.decode()
    good = client.post(
        "/interests/rates/",
        {"file": SimpleUploadedFile("r.csv", b"date,IDR,JPY\n2026-01-01,16000,150\n")},
    )
    assert good.status_code == 302
    assert ExchangeRate.objects.get().idr_per_usd == 16000


def introductions(n: int, company: Any) -> list[Introduction]:
    return [make_introduction(CompanyFactory(country="JP"), company) for _ in range(n)]


@pytest.mark.parametrize(
    "url", ["/interests/pipeline/", "/interests/pipeline/table/", "/interests/pipeline/table.xlsx"]
)
def test_pipeline_pages_query_count_does_not_grow(company: Any, as_user: Any, url: str) -> None:
    client = as_user("officer")
    introductions(1, company)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    introductions(2, company)
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200
    assert len(three) == len(one)


def test_agreement_list_query_count_does_not_grow(
    introduction: Introduction, partner: Any, as_user: Any
) -> None:
    from jembatan.engagement.domain.agreements import report_agreement
    from tests.engagement.agreements.conftest import terms

    client = as_user("partner")
    report_agreement(partner, terms(), introduction=introduction)
    client.get("/interests/agreements/")
    with CaptureQueriesContext(connection) as one:
        client.get("/interests/agreements/")
    for _ in range(2):
        report_agreement(partner, terms(type="mou"), introduction=introduction)
    with CaptureQueriesContext(connection) as three:
        response = client.get("/interests/agreements/")
    assert response.content.decode().count("/interests/agreements/") >= 3
    assert len(three) == len(one)


def test_board_flags_stale_introductions(company: Any, partner_company: Any, as_user: Any) -> None:
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=45)
    make_introduction(partner_company, company, now=old)
    page = as_user("officer").get("/interests/pipeline/").content.decode()
    assert "1 introduction has had no activity for 30 days." in page
    assert "board__card--stale" in page
    table = as_user("officer").get("/interests/pipeline/table/?stale=on").content.decode()
    assert "1 introduction" in table


def test_xlsx_export_content(company: Any, partner_company: Any, as_user: Any) -> None:
    created = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    intro = make_introduction(partner_company, company, now=created)
    make_introduction(CompanyFactory(country="JP", name="=HYPERLINK(evil)"), company, stage="met")
    response = as_user("officer").get("/interests/pipeline/table.xlsx?stage=introduced")
    assert (
        response["Content-Type"]
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:7] == [
        "Introduction",
        "Interested company",
        "Profile owner",
        "Partnership profile",
        "Sector",
        "Province or prefecture",
        "Stage",
    ]
    assert len(rows) == 2
    assert rows[1][0] == intro.pk
    assert rows[1][1:3] == ["Sakura Seimitsu KK", company.name]
    assert rows[1][6] == "Introduced"
    assert rows[1][9] == 40
    assert rows[1][10:] == ["no", None, "yes"]
    everything = load_workbook(
        io.BytesIO(as_user("officer").get("/interests/pipeline/table.xlsx").content)
    ).active
    names = [row[1].value for row in everything.iter_rows(min_row=2)]
    assert "'=HYPERLINK(evil)" in names


def test_board_caps_a_column_and_points_to_the_table(
    company: Any, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jembatan.engagement.domain import board

    monkeypatch.setattr(board, "COLUMN_LIMIT", 2)
    introductions(3, company)
    page = as_user("officer").get("/interests/pipeline/").content.decode()
    assert page.count("data-card>") == 2
    assert "2 of 3 shown: see them all in the table" in page
