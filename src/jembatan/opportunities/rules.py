"""Who may do what with partnership profiles.

Members of the posting company and programme officers manage a profile; officers alone
validate or return it. Every other signed-in user (another company, a viewer) sees
published profiles only, and never the identity behind an anonymous one. Which status
allows which action is the lifecycle's business (domain/lifecycle.py), not these rules'.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import (
    acts_for_a_company,
    belongs_to_users_company,
    is_company_member,
    is_officer,
    is_signed_in,
)

is_owner_member = belongs_to_users_company


@rules.predicate
def is_published(user: Any, profile: Any) -> bool:
    return profile is not None and bool(profile.is_effectively_published)


manages_profile = is_officer | is_owner_member

rules.add_perm("opportunities.add_profile", is_company_member & acts_for_a_company)
rules.add_perm("opportunities.view_profile", manages_profile | (is_signed_in & is_published))
rules.add_perm("opportunities.view_profile_identity", manages_profile)
rules.add_perm("opportunities.change_profile", manages_profile)
rules.add_perm("opportunities.delete_profile", manages_profile)
rules.add_perm("opportunities.submit_profile", manages_profile)
rules.add_perm("opportunities.validate_profile", is_officer)
rules.add_perm("opportunities.review_profiles", is_officer)
rules.add_perm("opportunities.publish_profile", manages_profile)
rules.add_perm("opportunities.extend_profile", manages_profile)
rules.add_perm("opportunities.close_profile", manages_profile)
