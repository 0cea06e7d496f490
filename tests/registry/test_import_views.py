from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jembatan.registry.interfaces.company_import_forms import imports_dir
from jembatan.registry.models import Company, CompanyImportJob
from tests.registry.helpers import COLUMN_NAMES, ID1, ID2, csv_text, make_reference_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    # A background thread would not see the test's uncommitted transaction: run jobs inline.
    settings.JEMBATAN_IMPORT_JOBS_INLINE = True


def upload_file(text: str, name: str = "companies.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def upload(client: Client, text: str) -> str:
    response = client.post("/imports/", {"file": upload_file(text), "sheet": ""})
    assert response.status_code == 302
    token = response["Location"].split("/")[2]
    assert response["Location"] == f"/imports/{token}/"
    return token


@pytest.mark.parametrize("url", ["/imports/", "/imports/template.xlsx", "/imports/abc/"])
@pytest.mark.parametrize("role", ["outsider", "member", "viewer"])
def test_import_pages_are_forbidden_to_non_officers(request, url: str, role: str) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(request.getfixturevalue(role))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", ["outsider", "member", "viewer"])
def test_import_confirm_is_forbidden_to_non_officers(request, role: str) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(request.getfixturevalue(role))
    assert client.post("/imports/abc/confirm/").status_code == 403


@pytest.mark.parametrize("url", ["/imports/", "/imports/template.xlsx", "/imports/abc/"])
def test_import_pages_redirect_anonymous_users_to_sign_in(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_import_upload_page_renders_for_officer(officer) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(officer).get("/imports/")
    assert response.status_code == 200
    assert b'href="/imports/template.xlsx"' in response.content


def test_import_upload_rejects_other_file_types(officer) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(officer).post("/imports/", {"file": upload_file("x", "notes.pdf")})
    assert response.status_code == 200
    assert "Upload a CSV or XLSX file." in response.content.decode()


def test_import_upload_preview_confirm_creates_companies(officer) -> None:  # type: ignore[no-untyped-def]
    make_reference_rows()
    client = signed_in(officer)
    token = upload(
        client, csv_text(f"PT Satu,ID,{ID1}", f"PT Dua,ID,{ID2}", header="name,country,nib")
    )
    response = client.get(f"/imports/{token}/")
    assert response.status_code == 200
    report = response.context["report"]
    assert report.as_json() == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}
    assert report.sample == [
        {"name": "PT Satu", "country": "ID", "registry_id": ID1},
        {"name": "PT Dua", "country": "ID", "registry_id": ID2},
    ]
    assert Company.objects.count() == 0
    response = client.post(f"/imports/{token}/confirm/")
    job = CompanyImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/imports/jobs/{job.pk}/"
    assert (job.status, job.rows_total, job.message) == ("done", 2, "")
    assert job.report == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "rows": 2,
        "warnings": [],
    }
    page = client.get(response["Location"])
    assert page.context["running"] is False
    assert 'id="count-created">2<' in page.content.decode()
    assert sorted(Company.objects.values_list("name", flat=True)) == ["PT Dua", "PT Satu"]
    assert list(imports_dir().iterdir()) == []
    assert client.get(f"/imports/{token}/").status_code == 404


def test_import_preview_shows_every_error_in_english(officer) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(officer)
    token = upload(client, csv_text("A,ID,12", "B,JP,34", header="name,country,registry_id"))
    response = client.get(f"/imports/{token}/")
    content = response.content.decode()
    assert "NIB &quot;12&quot; must be 13 digits." in content
    assert "Corporate number &quot;34&quot; must be 13 digits." in content
    assert f'action="/imports/{token}/confirm/"' not in content
    response = client.post(f"/imports/{token}/confirm/")
    job = CompanyImportJob.objects.get()
    assert (job.status, job.message) == ("failed", "The file has errors; nothing was written.")
    assert [error["row"] for error in job.report["errors"]] == [2, 3]
    page = client.get(response["Location"]).content.decode()
    assert "NIB &quot;12&quot; must be 13 digits." in page
    assert Company.objects.count() == 0


def test_import_token_of_another_session_is_not_found(officer) -> None:  # type: ignore[no-untyped-def]
    token = upload(signed_in(officer), csv_text(f"A,ID,{ID1}", header="name,country,nib"))
    other = signed_in(officer)
    assert other.get(f"/imports/{token}/").status_code == 404
    assert other.post(f"/imports/{token}/confirm/").status_code == 404
    assert Company.objects.count() == 0


def test_import_template_is_an_xlsx_with_the_canonical_headers(officer) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(officer).get("/imports/template.xlsx")
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="jembatan-companies-template.xlsx"'
    )
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    header = next(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(header) == COLUMN_NAMES
    assert workbook.sheetnames == ["companies", "columns"]


def test_import_template_cells_are_never_formulas(officer) -> None:  # type: ignore[no-untyped-def]
    response = signed_in(officer).get("/imports/template.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert book.worksheets[0]["A1"].value == "name"


def test_import_upload_over_the_memory_limit_streams_to_disk_and_is_moved(  # type: ignore[no-untyped-def]
    officer, settings, tmp_path: Path
) -> None:
    """Django writes an upload over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file as it
    arrives; it is then moved into the imports folder, never read whole into memory."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "upload-tmp")
    (tmp_path / "upload-tmp").mkdir()
    rows = "\n".join(f"PT {i},ID,{9100000000000 + i}" for i in range(200))
    text = csv_text(rows, header="name,country,nib")
    assert len(text.encode()) > 4096
    token = upload(signed_in(officer), text)
    (stored,) = [p for p in imports_dir().iterdir() if p.name.startswith(token)]
    assert stored.read_text(encoding="utf-8") == text
    assert list((tmp_path / "upload-tmp").iterdir()) == []  # moved, not copied


def test_import_upload_declared_too_large_is_refused_before_reading(officer, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_IMPORT_MAX_BYTES = 1024
    client = signed_in(officer)
    big = upload_file("name,country,nib\n" + "x" * (100 * 1024))
    response = client.post("/imports/", {"file": big, "sheet": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 413
    assert re.search(
        r'role="alert">The file is 0\.1 MB; files of at most 0\.0 MB', response.content.decode()
    )
    assert not imports_dir().exists() or list(imports_dir().iterdir()) == []


def test_import_of_a_file_too_large_to_preview_is_checked_by_the_job(officer, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_IMPORT_PREVIEW_MAX_BYTES = 10
    client = signed_in(officer)
    token = upload(
        client, csv_text(f"PT Satu,ID,{ID1}", f"PT Dua,ID,{ID2}", header="name,country,nib")
    )
    response = client.get(f"/imports/{token}/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "report" not in response.context  # no dry run inside the request
    assert "This file is large (0.0 MB), so it is not previewed" in html
    assert f'action="/imports/{token}/confirm/"' in html
    response = client.post(f"/imports/{token}/confirm/")
    job = CompanyImportJob.objects.get()
    assert (job.status, job.rows_total, job.report["created"]) == ("done", 2, 2)


def test_import_too_large_to_preview_with_a_failing_row_writes_nothing(officer, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_IMPORT_PREVIEW_MAX_BYTES = 10
    client = signed_in(officer)
    token = upload(client, csv_text(f"PT Satu,ID,{ID1}", "PT Dua,ID,12", header="name,country,nib"))
    client.post(f"/imports/{token}/confirm/")
    job = CompanyImportJob.objects.get()
    assert (job.status, job.message) == ("failed", "The file has errors; nothing was written.")
    assert [error["row"] for error in job.report["errors"]] == [3]
    assert not Company.objects.exists()
