"""Who may see and act on programmes, applications, certificates and placements.

- Programmes: officers; the members of the MoU's parties and of the host. Created by
  officers and the MoU's party institutions; changed by officers and the host.
- Applications hold a participant's personal data: officers, the host institution of the
  programme, the participant's own institution and the participant's own account. Never
  other schools, companies or viewers (domain/applications.py `applications_visible_to`).
- Transitions: domain/applications.py decides per transition (review: host and officers;
  confirm and withdraw: the participant's side).
- Placements: a company sees its own offers and how many were placed, never the students;
  officers and the students' institutions see the suggestions.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_company_member, is_officer
from jembatan.vocational.domain.applications import may_review, may_see_application
from jembatan.vocational.domain.programmes import may_see_programme
from jembatan.vocational.rules import acts_for_an_institution, is_mou_institution_party


@rules.predicate
def sees_programme(user: Any, programme: Any) -> bool:
    return programme is not None and may_see_programme(user, programme)


@rules.predicate
def reviews_programme(user: Any, programme: Any) -> bool:
    return programme is not None and may_review(user, programme)


@rules.predicate
def sees_application(user: Any, application: Any) -> bool:
    return application is not None and may_see_application(user, application)


@rules.predicate
def offers_place(user: Any, offer: Any) -> bool:
    company = getattr(user, "company_id_or_none", None) if user.is_authenticated else None
    return offer is not None and company is not None and company == offer.company_id


rules.add_perm(
    "vocational.view_programmes", is_officer | acts_for_an_institution | is_company_member
)
rules.add_perm("vocational.view_programme", is_officer | sees_programme)
rules.add_perm("vocational.add_programme_to", is_officer | is_mou_institution_party)
rules.add_perm("vocational.change_programme", is_officer | reviews_programme)
rules.add_perm("vocational.review_programme", is_officer | reviews_programme)
rules.add_perm("vocational.export_participants", is_officer | reviews_programme)
rules.add_perm("vocational.view_applications", is_officer | acts_for_an_institution)
rules.add_perm("vocational.view_application", is_officer | sees_application)
rules.add_perm(
    "vocational.view_placements", is_officer | acts_for_an_institution | is_company_member
)
rules.add_perm("vocational.add_placement_offer", is_officer | is_company_member)
rules.add_perm("vocational.change_placement_offer", is_officer | offers_place)
rules.add_perm("vocational.suggest_students", is_officer | acts_for_an_institution)
rules.add_perm("vocational.view_figures", is_officer)
