"""Role predicates shared by every app's rules.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import rules
from rules.predicates import Predicate

from jembatan.accounts.models import Role


@rules.predicate
def is_officer(user: Any) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role == Role.OFFICER))


@rules.predicate
def is_company_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.role == Role.COMPANY_MEMBER)


@rules.predicate
def is_institution_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.role == Role.INSTITUTION_MEMBER)


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(user.is_authenticated)


# Company membership: written once here, used by every app's rules. Each app says where its
# object keeps the company (a profile's `company_id`, a request's two participants); the
# predicate is true when the signed-in user acts for one of those companies.


def users_company(user: Any) -> int | None:
    """The id of the company the user acts for, or None (anonymous, officer, viewer...)."""
    if not user.is_authenticated:
        return None
    company: int | None = user.company_id_or_none
    return company


def member_of(name: str, companies_of: Callable[[Any], Iterable[int | None]]) -> Predicate:
    """A predicate `(user, obj)`: the user acts for one of the companies `companies_of(obj)`."""

    def check(user: Any, obj: Any) -> bool:
        if obj is None:
            return False
        company = users_company(user)
        return company is not None and company in set(companies_of(obj))

    return Predicate(check, name=name)


@rules.predicate
def acts_for_a_company(user: Any) -> bool:
    return users_company(user) is not None


# The user is a member of this company.
is_member_of_company = member_of("is_member_of_company", lambda company: [company.pk])
# The object (a profile, a participant) belongs to the user's company.
belongs_to_users_company = member_of(
    "belongs_to_users_company", lambda obj: [getattr(obj, "company_id", None)]
)


# Claims of registered companies and institutions that signed themselves up.
rules.add_perm("accounts.review_signups", is_officer)
# The security log names addresses and accounts: programme officers and administrators only.
rules.add_perm("accounts.view_security_log", is_officer)
