from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jembatan.privacy.models import ErasureRequest, ErasureStatus
from jembatan.registry.models import Company
from tests.privacy.conftest import NOW, World


def test_export_writes_json_and_pdf(world: World, tmp_path: Path) -> None:
    call_command(
        "privacy",
        "export",
        str(world.company.pk),
        "--json",
        str(tmp_path / "c.json"),
        "--pdf",
        str(tmp_path / "c.pdf"),
        "--language",
        "ja",
    )
    data = json.loads((tmp_path / "c.json").read_text())
    assert data["sections"]["registry"]["company"]["legal_name"] == "PT Kemasan Budi Santoso"
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")


def test_export_of_unknown_company_fails(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError, match="No company with id 999"):
        call_command("privacy", "export", "999", "--json", str(tmp_path / "c.json"))


def test_erase_needs_an_officer(world: World) -> None:
    request = ErasureRequest.objects.create(
        company=world.company, requested_by=world.member, reason="x", created_at=NOW
    )
    with pytest.raises(CommandError, match="Only a programme officer"):
        call_command("privacy", "erase", str(request.pk), "--officer", "member")
    call_command("privacy", "erase", str(request.pk), "--officer", "officer")
    assert ErasureRequest.objects.get().status == ErasureStatus.DONE
    assert Company.objects.get(pk=world.company.pk).name == f"Erased company #{world.company.pk}"
