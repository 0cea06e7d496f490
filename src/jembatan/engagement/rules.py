"""Who may see what of expressions of interest and introductions.

The requesting company's members and officers see an expression of interest; the profile
owner's members see it once it reaches them (at once, or after an officer forwarded it in
mediated mode). An introduction is seen by its two companies and officers; nobody else
learns that it exists. Which status allows which action is domain/interests.py's business.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_company_member, is_officer, member_of, users_company


def owner_sees(interest: Any) -> bool:
    """Whether the profile's owner has been shown this expression (mediated: once forwarded)."""
    return not interest.mediated or interest.forwarded_at is not None


is_requester = member_of("is_requester", lambda interest: [interest.requester_company_id])
is_profile_owner = member_of("is_profile_owner", lambda interest: [interest.profile.company_id])


@rules.predicate
def reached_owner(user: Any, interest: Any) -> bool:
    return interest is not None and owner_sees(interest)


is_party = member_of(
    "is_introduction_party",
    lambda introduction: [introduction.company_a_id, introduction.company_b_id],
)


@rules.predicate
def may_express(user: Any) -> bool:
    return bool(is_company_member(user)) and users_company(user) is not None


rules.add_perm("engagement.express_interest", may_express)
rules.add_perm(
    "engagement.view_interest", is_officer | is_requester | (is_profile_owner & reached_owner)
)
rules.add_perm("engagement.answer_interest", is_profile_owner & reached_owner)
rules.add_perm("engagement.withdraw_interest", is_requester)
rules.add_perm("engagement.review_interests", is_officer)
rules.add_perm("engagement.view_introduction", is_officer | is_party)
rules.add_perm("engagement.message_introduction", is_officer | is_party)
rules.add_perm("engagement.change_stage", is_officer | is_party)

# Agreements: officers and the parties' members see them; each party confirms its own side.
is_agreement_party = member_of(
    "is_agreement_party", lambda agreement: [p.company_id for p in agreement.parties.all()]
)
rules.add_perm("engagement.view_agreement", is_officer | is_agreement_party)
rules.add_perm("engagement.confirm_agreement", is_agreement_party)
rules.add_perm("engagement.verify_agreement", is_officer)
rules.add_perm("engagement.view_pipeline", is_officer)
rules.add_perm("engagement.manage_exchange_rates", is_officer)
