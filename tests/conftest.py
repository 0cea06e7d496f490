"""Shared fixtures: one user for each role, and an outsider company, as healthchecks does."""

from __future__ import annotations

import pytest

from tests.factories import CompanyFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):  # type: ignore[no-untyped-def]
    """The default hasher is slow by design; in tests it dominated the fixture time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
def outsider(other_company):  # type: ignore[no-untyped-def]
    """A company member of another company."""
    org = OrganisationFactory(kind="company", company=other_company, name=other_company.name)
    return UserFactory(username="outsider", role="company_member", organisation=org)


@pytest.fixture
def viewer(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="viewer", role="viewer")
