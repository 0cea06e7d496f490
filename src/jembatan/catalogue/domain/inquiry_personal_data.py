"""What inquiries hold about a company (right of access) and how it is erased.

Export: the inquiries the company sent as a buyer (with its own contact details) and those
that reached it (without the moderation note). Erasure of a buyer firm blanks the contact
person, e-mail, corporate number and message of the inquiries it sent, keeping the rows and
statuses so that the promotion counts stay exact. An IKM's erasure leaves the buyers' own
words in place: they are the buyers' data, not the IKM's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jembatan.catalogue.models import DELIVERED, Inquiry


def _row(inquiry: Inquiry, own: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": inquiry.pk,
        "status": inquiry.status,
        "company": inquiry.company.name,
        "product": inquiry.product.name if inquiry.product else "",
        "buyer_company_name": inquiry.buyer_company_name,
        "wants": inquiry.wants,
        "quantity": inquiry.quantity,
        "target_price_amount": inquiry.target_price_amount,
        "target_price_currency": inquiry.target_price_currency,
        "timing": inquiry.timing,
        "message": inquiry.message,
        "sent_at": inquiry.created_at.isoformat(),
    }
    if own:
        row |= {
            "contact_name": inquiry.contact_name,
            "email": inquiry.email,
            "corporate_number": inquiry.corporate_number,
        }
    return row


def export(company: Any) -> dict[str, Any]:
    sent = Inquiry.objects.filter(buyer_company=company).select_related("company", "product")
    received = Inquiry.objects.filter(company=company, status__in=DELIVERED).select_related(
        "company", "product"
    )
    return {
        "inquiries_sent": [_row(i, own=True) for i in sent.order_by("created_at", "id")],
        "inquiries_received": [_row(i, own=False) for i in received.order_by("created_at", "id")],
    }


def erase(company: Any, now: dt.datetime) -> None:
    Inquiry.objects.filter(buyer_company=company).update(
        contact_name="", email="", corporate_number="", message=""
    )
