"""Creating and changing products: the one code path for the web pages, the API and the admin.

`save_product` decides who may (catalogue.rules), validates the whole product (the model's
field and constraint checks, plus the rules below) and resets an officer's verification when
a member changes what was verified, so that no changed claim is shown as verified.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.catalogue.models import Product, ProductCertification, Verification
from jembatan.core.domain.audit import log_action

# Fields whose change makes an officer look again; `listed` (shown or hidden) is the
# company's own choice and needs no check.
CLAIM_FIELDS = (
    "language",
    "name",
    "description",
    "name_ja",
    "description_ja",
    "name_en",
    "description_en",
    "hs_code_id",
    "moq",
    "unit",
    "monthly_capacity",
    "price_min",
    "price_max",
    "price_currency",
    "incoterm",
    "lead_time_days",
    "export_markets",
    "samples_available",
)


def may_edit(user: Any, product: Product) -> bool:
    if product.pk is None:
        return bool(user.has_perm("catalogue.add_product", product.company))
    return bool(user.has_perm("catalogue.change_product", product))


def clean_markets(codes: Iterable[str]) -> list[str]:
    """ISO 3166-1 alpha-2 codes, upper case, each once, in the order given."""
    result: list[str] = []
    for raw in codes:
        code = str(raw).strip().upper()
        if not code:
            continue
        if pycountry.countries.get(alpha_2=code) is None:
            raise ValidationError(
                {
                    "export_markets": _(
                        "Export markets: %(code)s is not an ISO 3166-1 country code."
                    )
                    % {"code": code}
                }
            )
        if code not in result:
            result.append(code)
    return result


def validate(product: Product) -> None:
    """Raises ValidationError naming each field that is wrong."""
    product.export_markets = clean_markets(product.export_markets or [])
    errors: dict[str, list[str]] = {}
    try:
        # The two price constraints are checked below, with messages that name the field.
        product.full_clean(exclude=["company", "verified_by"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    low, high = product.price_min, product.price_max
    if low is not None and high is not None and low > high:
        errors.setdefault("price_max", []).append(_("The highest price is below the lowest price."))
    has_price = product.price_min is not None or product.price_max is not None
    if has_price and not product.price_currency:
        errors.setdefault("price_currency", []).append(_("Give the currency of the prices."))
    code = product.hs_code if product.hs_code_id is not None else None
    if code is not None and (code.scheme != "hs" or len(code.code) != 6):
        errors.setdefault("hs_code", []).append(_("Choose a six-digit HS code."))
    if errors:
        raise ValidationError(errors)


def _claims(product: Product) -> tuple[Any, ...]:
    return tuple(getattr(product, name) for name in CLAIM_FIELDS)


def save_product(user: Any, product: Product, sectors: Iterable[Any] | None = None) -> Product:
    """Create or update ``product`` for ``user``; raises PermissionDenied or ValidationError."""
    if not may_edit(user, product):
        raise PermissionDenied(_("You may only change the products of your own company."))
    validate(product)
    with transaction.atomic():
        creating = product.pk is None
        if not creating:
            before = Product.objects.select_for_update().get(pk=product.pk)
            changed = _claims(before) != _claims(product)
            if changed and product.is_verified and not user.has_perm("catalogue.verify_product"):
                product.verification = Verification.UNVERIFIED
                product.verified_by, product.verified_at = None, None
        product.save()
        if sectors is not None:
            product.sectors.set(list(sectors))
        log_action(
            "jembatan.product.created" if creating else "jembatan.product.changed",
            product,
            actor=user,
        )
    return product


@dataclass(frozen=True)
class CertificationClaim:
    kind: str
    detail: str = ""
    issuer: str = ""
    reference: str = ""
    valid_until: date | None = None


def set_certifications(
    user: Any, product: Product, claims: Iterable[CertificationClaim]
) -> list[ProductCertification]:
    """Replace the product's certification claims. A claim that stays exactly as it was keeps
    its verified flag; a new or changed one waits for an officer."""
    if not may_edit(user, product):
        raise PermissionDenied(_("You may only change the products of your own company."))
    wanted = list(claims)
    with transaction.atomic():
        current = {(c.kind, c.detail): c for c in product.certifications.select_for_update().all()}
        kept: list[ProductCertification] = []
        for claim in wanted:
            existing = current.pop((claim.kind, claim.detail), None)
            if existing is None:
                existing = ProductCertification(product=product, kind=claim.kind)
            same = (existing.issuer, existing.reference, existing.valid_until) == (
                claim.issuer,
                claim.reference,
                claim.valid_until,
            )
            existing.detail, existing.issuer = claim.detail, claim.issuer
            existing.reference, existing.valid_until = claim.reference, claim.valid_until
            if not same or existing.pk is None:
                existing.verified, existing.verified_by, existing.verified_at = False, None, None
            existing.full_clean(exclude=["product", "verified_by"])
            existing.save()
            kept.append(existing)
        for stale in current.values():
            stale.delete()
    return kept


def verify_product(
    officer: Any,
    product: Product,
    verified: bool,
    note: str = "",
    certifications_verified: Iterable[int] = (),
) -> Product:
    """An officer's verdict on a product and on each of its certification claims (the ids
    in ``certifications_verified`` are checked, every other claim is not)."""
    if not officer.has_perm("catalogue.verify_product"):
        raise PermissionDenied(_("Only a programme officer can verify products."))
    now = timezone.now()
    checked = set(certifications_verified)
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        product.verification = Verification.VERIFIED if verified else Verification.REJECTED
        product.verification_note = note
        product.verified_by, product.verified_at = officer, now
        product.save(
            update_fields=[
                "verification",
                "verification_note",
                "verified_by",
                "verified_at",
                "updated_at",
            ]
        )
        for claim in product.certifications.all():
            ok = verified and claim.pk in checked
            claim.verified = ok
            claim.verified_by, claim.verified_at = (officer, now) if ok else (None, None)
            claim.save(update_fields=["verified", "verified_by", "verified_at"])
        log_action(
            "jembatan.product.verified" if verified else "jembatan.product.returned",
            product,
            actor=officer,
            data={"certifications_verified": sorted(checked)},
        )
    return product


def waiting_for_verification() -> Any:
    """Products an officer has still to look at: unverified, listed, of a live company."""
    return Product.objects.filter(
        verification=Verification.UNVERIFIED, listed=True, company__erased_at__isnull=True
    )


def queue_count() -> int:
    return int(waiting_for_verification().count())
