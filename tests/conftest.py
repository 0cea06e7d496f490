"""Shared fixtures: one user for each role, and an outsider company, as healthchecks does."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import CompanyFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):  # type: ignore[no-untyped-def]
    """The default hasher is slow by design; in tests it dominated the fixture time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def notifications_sent_inline(settings):  # type: ignore[no-untyped-def]
    """Notification e-mails leave right after commit in the test's own thread (into the
    outbox), not from a background thread racing the test for the database."""
    settings.JEMBATAN_NOTIFICATIONS_DELIVERY = "inline"


@pytest.fixture(autouse=True)
def default_cache_cleared():  # type: ignore[no-untyped-def]
    """Each test starts with an empty default cache: the API throttles count requests there,
    and an earlier test's sign-ins must not use up a later test's allowance."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def indicators_cache_off(settings):  # type: ignore[no-untyped-def]
    """The dashboard's figure cache keeps nothing in tests (its own tests turn it on): a
    figure a test computes is never one an earlier test left behind."""
    settings.CACHES = {
        **settings.CACHES,
        "indicators": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        # Keyword candidates likewise (a rolled-back test's documents must not be found).
        "search": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def company(db):  # type: ignore[no-untyped-def]
    return CompanyFactory(country="ID")


@pytest.fixture
def other_company(db):  # type: ignore[no-untyped-def]
    return CompanyFactory(country="JP")


@pytest.fixture
def officer(db):  # type: ignore[no-untyped-def]
    org = OrganisationFactory(kind="programme_office", office="kemenperin", name="Kemenperin")
    return UserFactory(username="officer", role="officer", organisation=org)


@pytest.fixture
def member(company):  # type: ignore[no-untyped-def]
    """A company member of `company` (the owner)."""
    org = OrganisationFactory(kind="company", company=company, name=company.name)
    return UserFactory(username="member", role="company_member", organisation=org)


@pytest.fixture
def teammate(member):  # type: ignore[no-untyped-def]
    """A second member of `member`'s company: may do what the owner does, as a colleague."""
    return UserFactory(username="teammate", role="company_member", organisation=member.organisation)


@pytest.fixture
def outsider(other_company):  # type: ignore[no-untyped-def]
    """A company member of another company."""
    org = OrganisationFactory(kind="company", company=other_company, name=other_company.name)
    return UserFactory(username="outsider", role="company_member", organisation=org)


@pytest.fixture
def viewer(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="viewer", role="viewer")


@pytest.fixture
def as_user(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A client signed in as the role named, or not signed in for 'anonymous'."""

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return make


CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """The system's Chromium, headless, driven by Playwright; the test is skipped without it."""
    path = _chromium_path()
    if path is None:
        pytest.skip("Chromium not installed: browser tests skipped")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # while it runs are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
