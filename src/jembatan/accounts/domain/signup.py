"""Self sign-up: a company or an institution, and its first user.

A company whose identifier is not in the registry is created unverified, through the
registry's sign-up creation path, so it enters the officers' validation queue; its first
user is a member at once. A company already in the registry (an agency import, an earlier
sign-up) is never handed over: the sign-up files a claim that an officer confirms, and the
person learns only that the identifier is registered. An institution waits for an officer.
Every new account signs in only once its address is confirmed (confirmation.py).

This module sits above the registry (it creates companies there); the registry never
imports it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from jembatan.accounts.models import CompanyClaim, Organisation, Role, User
from jembatan.accounts.signals import claim_filed, institution_filed
from jembatan.core.domain.audit import log_action
from jembatan.registry.domain.companies import create_signed_up_company
from jembatan.registry.models import Company, Region


@dataclass(frozen=True)
class NewPerson:
    """The first user, as the sign-up form validated them."""

    first_name: str
    last_name: str
    email: str
    password: str
    language: str


@dataclass(frozen=True)
class CompanySignUp:
    user: User
    company: Company | None  # the new company; None when a claim was filed
    claim: CompanyClaim | None


def email_taken(email: str, exclude_user_id: int | None = None) -> bool:
    """Whether an account already uses `email` (as its address or its user name)."""
    users = User.objects.filter(email__iexact=email) | User.objects.filter(username__iexact=email)
    if exclude_user_id is not None:
        users = users.exclude(pk=exclude_user_id)
    return users.exists()


def create_account(person: NewPerson, role: str, organisation: Organisation | None) -> User:
    """An account that signs in with its e-mail address, once that address is confirmed."""
    email = person.email.strip().lower()
    user = User(
        username=email,
        email=email,
        first_name=person.first_name.strip(),
        last_name=person.last_name.strip(),
        language=person.language,
        role=role,
        organisation=organisation,
        email_confirmed=False,
    )
    user.set_password(person.password)
    user.save()
    return user


def _claim(
    user: User, company: Company, legal_name: str, region: Region | None, now: dt.datetime
) -> CompanyClaim:
    claim = CompanyClaim.objects.create(
        company=company, user=user, legal_name=legal_name, region=region, created_at=now
    )
    log_action("jembatan.claim.filed", claim, user, data={"company": company.pk})
    claim_filed.send(CompanyClaim, claim=claim)
    return claim


def sign_up_company(
    *,
    country: str,
    registry_id: str,
    legal_name: str,
    region: Region | None,
    person: NewPerson,
    now: dt.datetime | None = None,
) -> CompanySignUp:
    """Sign a company up with `person` as its first user. `registry_id` is normalised."""
    now = now or timezone.now()
    with transaction.atomic():
        existing = Company.objects.filter(country=country, registry_id=registry_id).first()
        if existing is None:
            user = create_account(person, Role.COMPANY_MEMBER, None)
            changes = {
                "name": legal_name,
                "country": country,
                "registry_id": registry_id,
                "region": region,
            }
            try:
                company = create_signed_up_company(user, changes)
            except IntegrityError:
                # Another sign-up or an import took the identifier a moment ago.
                existing = Company.objects.get(country=country, registry_id=registry_id)
            else:
                organisation = Organisation.objects.create(
                    kind=Organisation.Kind.COMPANY, company=company, name=company.name
                )
                user.organisation = organisation
                user.save(update_fields=["organisation"])
                log_action("jembatan.account.signed_up", user, user, data={"company": company.pk})
                return CompanySignUp(user=user, company=company, claim=None)
            user.role = Role.VIEWER
            user.save(update_fields=["role"])
        else:
            # Until an officer confirms the claim, the account is a viewer with no company.
            user = create_account(person, Role.VIEWER, None)
        claim = _claim(user, existing, legal_name, region, now)
        log_action("jembatan.account.signed_up", user, user, data={"claim": claim.pk})
        return CompanySignUp(user=user, company=None, claim=claim)


def sign_up_institution(
    *,
    name: str,
    institution_type: str,
    country: str,
    region: Region | None,
    person: NewPerson,
) -> User:
    """Sign an institution up, waiting for an officer, with `person` as its first member."""
    with transaction.atomic():
        organisation = Organisation.objects.create(
            kind=Organisation.Kind.INSTITUTION,
            name=name.strip(),
            institution_type=institution_type,
            country=country,
            region=region,
            verification=Organisation.Verification.PENDING,
        )
        user = create_account(person, Role.INSTITUTION_MEMBER, organisation)
        log_action("jembatan.institution.signed_up", organisation, user)
        log_action("jembatan.account.signed_up", user, user, data={"organisation": organisation.pk})
        institution_filed.send(Organisation, organisation=organisation)
    return user
