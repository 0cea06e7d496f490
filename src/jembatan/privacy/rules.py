"""Who may download a company's data and ask for, or carry out, its erasure.

Members of the company and programme officers may download; members ask for erasure;
officers carry it out after review. Everyone else is answered 404 by the views.
"""

from __future__ import annotations

import rules

from jembatan.accounts.rules import is_member_of_company, is_officer

rules.add_perm("privacy.export_company", is_officer | is_member_of_company)
rules.add_perm("privacy.request_erasure", is_member_of_company)
rules.add_perm("privacy.carry_out_erasure", is_officer)
