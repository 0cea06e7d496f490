"""Who may see which recommendations.

A company's members see the recommendations for their own company and its profiles;
programme officers see everyone's (to mediate introductions). Search is open to every
signed-in user, over what they may see anyway (published profiles, the directory).
"""

from __future__ import annotations

import rules

from jembatan.accounts.rules import (
    acts_for_a_company,
    belongs_to_users_company,
    is_member_of_company,
    is_officer,
    is_signed_in,
)

owns_profile = belongs_to_users_company
is_member_of = is_member_of_company

rules.add_perm("matching.view_profile_matches", is_officer | owns_profile)
rules.add_perm("matching.view_company_matches", is_officer | is_member_of)
rules.add_perm("matching.give_profile_feedback", acts_for_a_company & owns_profile)
rules.add_perm("matching.give_company_feedback", acts_for_a_company & is_member_of)
rules.add_perm("matching.search", is_signed_in)
rules.add_perm("matching.subscribe_digest", acts_for_a_company)
