"""A large import's job page in a real Chromium, in the three languages and on a phone:
the two progress bars (rows validated, rows written) while the job runs.

Screenshots go to the folder named by JEMBATAN_SCREENSHOTS, else to the test's folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jembatan.registry.models import CompanyImportJob, ImportJobStatus

pytestmark = pytest.mark.browser


def _sign_in(browser, live_server, width: int):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("officer")
    page.locator("#id_password").fill("correct horse battery")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/")
    return page


@pytest.mark.parametrize(
    ("language", "validated"),
    [("id", "Baris yang sudah divalidasi"), ("ja", "確認済みの行"), ("en", "Rows validated")],
)
def test_running_import_shows_both_bars(  # type: ignore[no-untyped-def]
    live_server, browser, officer, settings, tmp_path: Path, language: str, validated: str
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "imports").mkdir()
    stored = "registry-2026.csv"
    (tmp_path / "imports" / stored).write_text("", encoding="utf-8")
    (tmp_path / "imports" / f"{stored}.progress").write_text(
        json.dumps({"validated": 2_015_000, "written": 400_000}), encoding="ascii"
    )
    officer.language = language
    officer.save(update_fields=["language"])
    job = CompanyImportJob.objects.create(
        actor=officer,
        file_name="ikm-nasional-2026.csv",
        stored_file=stored,
        rows_total=4_030_000,
        language=language,
        status=ImportJobStatus.RUNNING,
    )
    folder = Path(os.environ.get("JEMBATAN_SCREENSHOTS") or tmp_path)
    for width, suffix in ((1280, ""), (390, "-phone")):
        page = _sign_in(browser, live_server, width)
        page.goto(f"{live_server.url}/imports/jobs/{job.pk}/")
        expect(page.locator("progress")).to_have_count(2)
        expect(page.get_by_text(validated, exact=False).first).to_be_visible()
        page.screenshot(path=str(folder / f"import-job-{language}{suffix}.png"), full_page=True)
        page.context.close()
