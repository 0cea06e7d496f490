"""The company-membership predicates every app's rules use, written once in accounts."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from jembatan.accounts.rules import (
    acts_for_a_company,
    belongs_to_users_company,
    is_member_of_company,
    member_of,
)

ROLES = ["member", "teammate", "outsider", "viewer", "officer"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("member", True),
        ("teammate", True),
        ("outsider", False),
        ("viewer", False),
        ("officer", False),
    ],
)
def test_is_member_of_company_for_each_role(request, company, role, expected) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    assert is_member_of_company(user, company) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("member", True),
        ("teammate", True),
        ("outsider", False),
        ("viewer", False),
        ("officer", False),
    ],
)
def test_belongs_to_users_company_for_each_role(request, company, role, expected) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    assert belongs_to_users_company(user, SimpleNamespace(company_id=company.pk)) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("member", True),
        ("teammate", True),
        ("outsider", True),
        ("viewer", False),
        ("officer", False),
    ],
)
def test_acts_for_a_company_for_each_role(request, role, expected) -> None:  # type: ignore[no-untyped-def]
    assert acts_for_a_company(request.getfixturevalue(role)) is expected


@pytest.mark.django_db
def test_membership_predicates_false_for_anonymous_and_missing_object(company, member) -> None:  # type: ignore[no-untyped-def]
    assert is_member_of_company(AnonymousUser(), company) is False
    assert acts_for_a_company(AnonymousUser()) is False
    assert is_member_of_company(member, None) is False
    assert belongs_to_users_company(member, SimpleNamespace()) is False


@pytest.mark.django_db
def test_member_of_matches_any_of_the_companies_named(
    company, other_company, member, outsider, viewer
) -> None:  # type: ignore[no-untyped-def]
    either = member_of("either", lambda pair: pair)
    pair = (company.pk, other_company.pk)
    assert (either(member, pair), either(outsider, pair), either(viewer, pair)) == (
        True,
        True,
        False,
    )
    assert either.name == "either"
