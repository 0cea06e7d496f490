"""Who may see and change institutions, participants and MoUs.

- Institutions (name, type, region, departments) are a directory every signed-in user may
  read; their contact persons are for officers, institutions and companies (not viewers).
  Officers and the institution's own members change it.
- Participants (teachers, students - often minors): officers, their own institution, and
  the institutions that domain/visibility.py's hooks connect to them (the host of a
  programme they applied to). Never other schools, companies or viewers. Only officers and
  the own institution change them.
- MoUs: officers and the members of the parties (institutions or companies) see them;
  officers and the party institutions' members create and change them.

Predicates other parts of the app reuse: `is_officer`, `acts_for_an_institution`,
`is_member_of_institution` (user, institution), `is_mou_party`, `is_mou_institution_party`
(user, mou), `can_see_person`, `can_manage_person` (user, person).
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_company_member, is_officer, is_signed_in, users_company
from jembatan.vocational.domain.visibility import may_see_person, users_institution

__all__ = [
    "acts_for_an_institution",
    "can_manage_person",
    "can_see_person",
    "is_member_of_institution",
    "is_mou_institution_party",
    "is_mou_party",
    "is_officer",
    "users_institution",
]


@rules.predicate
def acts_for_an_institution(user: Any) -> bool:
    return users_institution(user) is not None


@rules.predicate
def is_member_of_institution(user: Any, institution: Any) -> bool:
    if institution is None:
        return False
    own = users_institution(user)
    return own is not None and own == institution.pk


def _party_institutions(mou: Any) -> set[int]:
    return {p.institution_id for p in mou.parties.all() if p.institution_id is not None}


def _party_companies(mou: Any) -> set[int]:
    return {p.company_id for p in mou.parties.all() if p.company_id is not None}


@rules.predicate
def is_mou_institution_party(user: Any, mou: Any) -> bool:
    if mou is None:
        return False
    own = users_institution(user)
    return own is not None and own in _party_institutions(mou)


@rules.predicate
def is_mou_company_party(user: Any, mou: Any) -> bool:
    if mou is None:
        return False
    company = users_company(user)
    return company is not None and company in _party_companies(mou)


is_mou_party = is_mou_institution_party | is_mou_company_party


@rules.predicate
def can_see_person(user: Any, person: Any) -> bool:
    return person is not None and may_see_person(user, person)


@rules.predicate
def can_manage_person(user: Any, person: Any) -> bool:
    if person is None or person.erased_at is not None:
        return False
    own = users_institution(user)
    return own is not None and own == person.institution_id


sees_contacts = is_officer | acts_for_an_institution | is_company_member

rules.add_perm("vocational.view_institutions", is_signed_in)
rules.add_perm("vocational.view_institution", is_signed_in)
rules.add_perm("vocational.view_institution_contacts", sees_contacts)
rules.add_perm("vocational.add_institution", is_officer)
rules.add_perm("vocational.change_institution", is_officer | is_member_of_institution)
rules.add_perm("vocational.view_people", is_officer | acts_for_an_institution)
rules.add_perm("vocational.view_person", is_officer | can_see_person)
rules.add_perm("vocational.add_person", is_officer | acts_for_an_institution)
rules.add_perm("vocational.add_person_to", is_officer | is_member_of_institution)
rules.add_perm("vocational.change_person", is_officer | can_manage_person)
rules.add_perm("vocational.erase_person", is_officer)
rules.add_perm("vocational.view_mous", is_officer | acts_for_an_institution | is_company_member)
rules.add_perm("vocational.view_mou", is_officer | is_mou_party)
rules.add_perm("vocational.add_mou", is_officer | acts_for_an_institution)
rules.add_perm("vocational.change_mou", is_officer | is_mou_institution_party)
rules.add_perm("vocational.view_overview", is_officer)
