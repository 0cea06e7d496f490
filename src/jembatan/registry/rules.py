"""Who may do what in the registry.

Company fields that are published (name, region, sectors, description...) are visible to any
signed-in user. Contacts and other private data are visible only to members of the company
itself and to programme officers.
"""

from __future__ import annotations

import rules

from jembatan.accounts.rules import is_member_of_company, is_officer, is_signed_in

rules.add_perm("registry.view_company", is_signed_in)
rules.add_perm("registry.add_company", is_officer)
rules.add_perm("registry.change_company", is_officer | is_member_of_company)
rules.add_perm("registry.view_company_private", is_officer | is_member_of_company)
rules.add_perm("registry.verify_company", is_officer)
rules.add_perm("registry.import_companies", is_officer)
rules.add_perm("registry.review_crosswalk", is_officer)
