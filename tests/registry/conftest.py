"""Fixtures of the registry tests: where the official classification files are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEME_FOLDERS = ("isic4", "kbli2020", "jsic14")


@pytest.fixture(scope="session")
def reference_data_dir() -> Path:
    """The folder of the reference files (isic4/, kbli2020/, jsic14/).

    Read from JEMBATAN_REFERENCE_DATA, else ../shared/data beside the repository; the tests
    that need it are skipped when it is not there.
    """
    folder = Path(os.environ.get("JEMBATAN_REFERENCE_DATA") or REPO_ROOT.parent / "shared/data")
    missing = [f"{name}/" for name in SCHEME_FOLDERS if not (folder / name).is_dir()]
    if missing:
        pytest.skip(
            f"Reference classification files not found in {folder} (missing "
            f"{', '.join(missing)}): set JEMBATAN_REFERENCE_DATA to the folder that holds them."
        )
    return folder
