"""Who may see and act on inquiries and promotions (imported from CatalogueConfig.ready()).

An inquiry is seen by officers, by the IKM's members once it reached them (at once from a
registered firm, after an officer's approval otherwise) and by the sending firm's members.
Promotions are curated by officers; a featured company's members may read them.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_officer, member_of
from jembatan.catalogue.models import DELIVERED

is_inquiry_sender = member_of("is_inquiry_sender", lambda inquiry: [inquiry.buyer_company_id])
is_inquired_company = member_of("is_inquired_company", lambda inquiry: [inquiry.company_id])
is_featured = member_of(
    "is_featured_in_promotion", lambda promotion: promotion.companies.values_list("pk", flat=True)
)


@rules.predicate
def delivered(user: Any, inquiry: Any) -> bool:
    return inquiry is not None and inquiry.status in DELIVERED


rules.add_perm(
    "catalogue.view_inquiry", is_officer | is_inquiry_sender | (is_inquired_company & delivered)
)
rules.add_perm("catalogue.moderate_inquiries", is_officer)
rules.add_perm("catalogue.manage_promotions", is_officer)
rules.add_perm("catalogue.view_promotion", is_officer | is_featured)
