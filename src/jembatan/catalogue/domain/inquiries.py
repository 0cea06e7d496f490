"""Buyer inquiries from the showcase: one action function per step.

From a signed-in member of a registered firm the inquiry becomes an expression of interest
in the IKM's published partnership profile, through engagement's own `express_interest`
(its limits, its refusals, its mediated mode and its notices): the catalogue never writes an
engagement row itself. When the IKM has no published profile to express interest in, the
inquiry goes to its members directly.

From anybody else (not signed in, or without a company) the inquiry waits for an officer:
it is kept, the buyer is invited by e-mail to register, and on approval it is forwarded to
the IKM. The IKM's members are told through notifications, in their own language (the IKM's
members read Indonesian).

awaiting_officer --approve--> forwarded
        \\--decline--> declined
(registered sender) --> interest | forwarded
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jembatan.accounts.rules import is_officer, users_company
from jembatan.catalogue.models import DELIVERED, Inquiry, InquiryStatus, Product, Promotion
from jembatan.core.domain.audit import log_action
from jembatan.core.domain.links import absolute_url
from jembatan.engagement.domain.interests import InterestError, express_interest, refusal
from jembatan.notifications.domain.notify import notify_company, notify_officers
from jembatan.opportunities.domain.language import detect_language
from jembatan.opportunities.models import Direction, PartnershipProfile, Status
from jembatan.registry.models import Company


class InquiryError(Exception):
    """The inquiry cannot be sent or moderated now; the message says why, translated."""


@dataclass(frozen=True)
class InquiryData:
    """What the buyer typed, already validated by the form or the serializer."""

    buyer_company_name: str
    contact_name: str
    email: str
    wants: str
    corporate_number: str = ""
    quantity: str = ""
    target_price_amount: int | None = None
    target_price_currency: str = ""
    timing: str = ""
    message: str = ""


def inquiry_link(inquiry: Inquiry) -> str:
    return reverse("inquiries:detail", args=[inquiry.pk])


def is_registered_buyer(actor: Any) -> bool:
    """Whether the sender's inquiry goes into the engagement pipeline (a member of a firm)."""
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor.has_perm("engagement.express_interest")
    )


def profile_for(company: Company, product: Product | None, now: dt.datetime) -> Any:
    """The IKM's published profile an inquiry becomes interest in: an offer before a request,
    one in the product's sector before others, the newest first; None when there is none."""
    published = PartnershipProfile.objects.filter(company=company, status=Status.PUBLISHED).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )
    sectors = list(product.sectors.values_list("pk", flat=True)) if product is not None else []
    candidates = sorted(
        published,
        key=lambda p: (
            p.direction != Direction.OFFER,
            p.sector_id not in sectors,
            -(p.published_at or p.created_at).timestamp(),
            -p.pk,
        ),
    )
    return candidates[0] if candidates else None


def _money(amount: int | None, currency: str) -> str:
    return f"{amount:,} {currency}" if amount is not None else ""


def compose_message(inquiry: Inquiry) -> str:
    """The expression of interest's message: every field the buyer filled, labelled in the
    buyer's language (the IKM reads it through the pipeline's translation tools)."""
    lines = [
        (
            _("Inquiry from the showcase"),
            inquiry.product.localized_name() if inquiry.product else "",
        ),
        (_("Company"), inquiry.buyer_company_name),
        (_("Looking for"), inquiry.wants),
        (_("Quantity"), inquiry.quantity),
        (
            _("Target price"),
            _money(inquiry.target_price_amount, inquiry.target_price_currency),
        ),
        (_("When"), inquiry.timing),
    ]
    head = "\n".join(f"{label}: {value}" for label, value in lines if value)
    return f"{head}\n\n{inquiry.message}".strip() if inquiry.message else head


def _context(inquiry: Inquiry) -> dict[str, Any]:
    return {
        "inquiry": inquiry,
        "company_name": inquiry.company.name,
        "buyer": inquiry.buyer_company_name,
        "product_name": inquiry.product.name if inquiry.product else "",
        "wants": inquiry.wants,
        "quantity": inquiry.quantity,
        "timing": inquiry.timing,
        "target_price": _money(inquiry.target_price_amount, inquiry.target_price_currency),
        "message": inquiry.message,
        "officer_note": inquiry.officer_note,
    }


def _tell_company(inquiry: Inquiry) -> None:
    notify_company(
        inquiry.company,
        "catalogue.inquiry_received",
        inquiry,
        _context(inquiry),
        link=inquiry_link(inquiry),
    )


def _invite_to_register(inquiry: Inquiry) -> None:
    """The buyer's receipt: the inquiry is kept, and registering lets the next one go
    straight to the company."""
    context = {
        "inquiry": inquiry,
        "company_name": inquiry.company.name,
        "signup_url": absolute_url(reverse("accounts:signup")),
    }
    with translation.override(inquiry.language or settings.LANGUAGE_CODE):
        text = render_to_string("catalogue/email/inquiry_invitation.txt", context).lstrip()
    subject, _blank, body = text.partition("\n\n")
    send_mail(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [inquiry.email])


def _new_inquiry(
    actor: Any,
    company: Company,
    product: Product | None,
    promotion: Promotion | None,
    data: InquiryData,
    language: str,
    now: dt.datetime,
) -> Inquiry:
    message = data.message.strip()
    return Inquiry(
        company=company,
        product=product,
        promotion=promotion,
        buyer_company_name=data.buyer_company_name.strip(),
        corporate_number=data.corporate_number,
        contact_name=data.contact_name.strip(),
        email=data.email.strip(),
        wants=data.wants.strip(),
        quantity=data.quantity.strip(),
        target_price_amount=data.target_price_amount,
        target_price_currency=data.target_price_currency if data.target_price_amount else "",
        timing=data.timing.strip(),
        message=message,
        message_language=detect_language(message) or "" if message else "",
        language=(language or settings.LANGUAGE_CODE)[:2],
        sender=actor if getattr(actor, "is_authenticated", False) else None,
        created_at=now,
    )


def send_inquiry(
    actor: Any,
    company: Company,
    data: InquiryData,
    product: Product | None = None,
    promotion: Promotion | None = None,
    language: str = "ja",
    now: dt.datetime | None = None,
) -> Inquiry:
    """Keep the inquiry and send it on its way (see the module's docstring). The spam checks
    (domain/spam.py) are the form's and the API's business, before this is called."""
    now = now or timezone.now()
    if product is not None and product.company_id != company.pk:
        raise InquiryError(_("This product belongs to another company."))
    inquiry = _new_inquiry(actor, company, product, promotion, data, language, now)
    if not is_registered_buyer(actor):
        inquiry.status = InquiryStatus.AWAITING_OFFICER
        inquiry.save()
        log_action("jembatan.inquiry.received", inquiry, None, {"after": inquiry.status})
        notify_officers(
            "catalogue.inquiry_awaiting_officer",
            inquiry,
            _context(inquiry),
            link=reverse("inquiries:queue"),
        )
        transaction.on_commit(lambda: _invite_to_register(inquiry))
        return inquiry
    inquiry.buyer_company_id = users_company(actor)
    if inquiry.buyer_company_id == company.pk:
        raise InquiryError(_("This is your own company."))
    profile = profile_for(company, product, now)
    with transaction.atomic():
        if profile is None:
            inquiry.status = InquiryStatus.FORWARDED
            inquiry.save()
            _tell_company(inquiry)
        else:
            problem = refusal(actor, profile, now)
            if problem:
                raise InquiryError(problem)
            try:
                interest = express_interest(
                    actor,
                    profile,
                    compose_message(inquiry),
                    language=inquiry.message_language or inquiry.language,
                    now=now,
                )
            except InterestError as error:
                raise InquiryError(str(error)) from error
            inquiry.status = InquiryStatus.INTEREST
            inquiry.interest = interest
            inquiry.save()
        log_action("jembatan.inquiry.received", inquiry, actor, {"after": inquiry.status})
    return inquiry


def _lock(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


def _moderate(actor: Any, inquiry: Inquiry, status: str, note: str, now: dt.datetime) -> None:
    if actor is None or not actor.has_perm("catalogue.moderate_inquiries"):
        raise PermissionDenied(_("Only programme officers moderate inquiries."))
    with transaction.atomic():
        locked = _lock(inquiry)
        if locked.status != InquiryStatus.AWAITING_OFFICER:
            raise InquiryError(_("An officer has already dealt with this inquiry."))
        locked.status = status
        locked.officer_note = note.strip()
        locked.moderated_by = actor
        locked.moderated_at = now
        locked.save(update_fields=["status", "officer_note", "moderated_by", "moderated_at"])
        action = "approved" if status == InquiryStatus.FORWARDED else "declined"
        log_action(
            f"jembatan.inquiry.{action}",
            locked,
            actor,
            {"before": InquiryStatus.AWAITING_OFFICER, "after": status, "note": note.strip()},
        )
    for field in ("status", "officer_note", "moderated_by", "moderated_at"):
        setattr(inquiry, field, getattr(locked, field))


def approve(actor: Any, inquiry: Inquiry, note: str = "", now: dt.datetime | None = None) -> None:
    """An officer forwards an unregistered buyer's inquiry to the IKM."""
    _moderate(actor, inquiry, InquiryStatus.FORWARDED, note, now or timezone.now())
    _tell_company(inquiry)


def decline(actor: Any, inquiry: Inquiry, note: str = "", now: dt.datetime | None = None) -> None:
    """An officer keeps the inquiry from the IKM (spam, or nothing the IKM could answer)."""
    _moderate(actor, inquiry, InquiryStatus.DECLINED, note, now or timezone.now())


def _for_display(inquiries: QuerySet[Inquiry]) -> QuerySet[Inquiry]:
    return inquiries.select_related("company", "product", "promotion", "interest")


def visible_inquiries(user: Any) -> QuerySet[Inquiry]:
    """Officers see every inquiry; a company's members those that reached it and those it
    sent; nobody else any."""
    base = _for_display(Inquiry.objects.all())
    if user is None or not getattr(user, "is_authenticated", False):
        return base.none()
    if is_officer(user):
        return base
    company = users_company(user)
    if company is None:
        return base.none()
    return base.filter(Q(company_id=company, status__in=DELIVERED) | Q(buyer_company_id=company))


def officer_queue() -> QuerySet[Inquiry]:
    return _for_display(Inquiry.objects.filter(status=InquiryStatus.AWAITING_OFFICER)).order_by(
        "created_at", "id"
    )


def awaiting_officer() -> QuerySet[Inquiry]:
    return Inquiry.objects.filter(status=InquiryStatus.AWAITING_OFFICER)


def queue_count() -> int:
    return awaiting_officer().count()
