"""Who may do what with products.

A company's members (the owner and teammates alike) list and edit their own company's
products; programme officers may edit any and are the only ones who verify claims. Nobody
else edits a product; the showcase (public) shows verified products of verified Indonesian
firms to everyone, signed in or not, through catalogue.domain.showcase.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_officer, member_of

is_member_of_product_company = member_of(
    "is_member_of_product_company", lambda product: [product.company_id]
)
# For adding: the object is the company the product is for.
is_member_of_the_company = member_of("is_member_of_the_company", lambda company: [company.pk])


@rules.predicate
def acts_for_company(user: Any) -> bool:
    return bool(user.is_authenticated and user.company_id_or_none is not None)


rules.add_perm("catalogue.add_product", is_officer | is_member_of_the_company)
rules.add_perm("catalogue.change_product", is_officer | is_member_of_product_company)
rules.add_perm("catalogue.delete_product", is_officer | is_member_of_product_company)
rules.add_perm("catalogue.manage_products", is_officer | acts_for_company)
rules.add_perm("catalogue.verify_product", is_officer)
