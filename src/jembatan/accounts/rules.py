"""Role predicates shared by every app's rules.py."""

from __future__ import annotations

from typing import Any

import rules

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
