"""Who may see which recommendations.

A company's members see the recommendations for their own company and its profiles;
programme officers see everyone's (to mediate introductions). Search is open to every
signed-in user, over what they may see anyway (published profiles, the directory).
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_officer, is_signed_in


@rules.predicate
def owns_profile(user: Any, profile: Any) -> bool:
    if profile is None or not user.is_authenticated:
        return False
    return bool(user.company_id_or_none == profile.company_id)


@rules.predicate
def is_member_of(user: Any, company: Any) -> bool:
    if company is None or not user.is_authenticated:
        return False
    return bool(user.company_id_or_none == company.pk)


@rules.predicate
def acts_for_a_company(user: Any) -> bool:
    return bool(user.is_authenticated and user.company_id_or_none is not None)


rules.add_perm("matching.view_profile_matches", is_officer | owns_profile)
rules.add_perm("matching.view_company_matches", is_officer | is_member_of)
rules.add_perm("matching.give_profile_feedback", acts_for_a_company & owns_profile)
rules.add_perm("matching.give_company_feedback", acts_for_a_company & is_member_of)
rules.add_perm("matching.search", is_signed_in)
rules.add_perm("matching.subscribe_digest", acts_for_a_company)
