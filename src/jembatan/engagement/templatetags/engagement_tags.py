"""The "I'm interested" action on profile pages and cards."""

from __future__ import annotations

from typing import Any

from django import template

from jembatan.engagement.domain.interests import refusal
from jembatan.opportunities.models import PartnershipProfile

register = template.Library()


@register.inclusion_tag("engagement/_interest_button.html", takes_context=True)
def interest_button(context: Any, profile: Any, explain: bool = False) -> dict[str, Any]:
    """On a card (`explain` False): the button where the user may plausibly use it, without a
    query (the form explains any other rule). On a profile page: the button, or why not."""
    request = context.get("request")
    user = getattr(request, "user", None)
    company = getattr(user, "company_id_or_none", None)
    shown = bool(company) and not profile.can_manage and profile.status == "published"
    reason = None
    if explain and company and not profile.can_manage:
        row = PartnershipProfile.objects.filter(pk=profile.id).first()
        reason = refusal(user, row) if row is not None else None
        shown = reason is None
    return {"profile": profile, "shown": shown, "reason": reason}


@register.inclusion_tag("engagement/_company_interest.html", takes_context=True)
def company_interest_buttons(context: Any, company: Any) -> dict[str, Any]:
    """On an event participant's page: "I'm interested" for each published profile of the
    participant's firm that names its poster (an anonymous one must not be tied to a firm)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    own = getattr(user, "company_id_or_none", None)
    if company is None or not own or own == company.pk:
        return {"profiles": []}
    profiles = [
        p
        for p in PartnershipProfile.objects.filter(company=company, status="published").order_by(
            "-published_at", "-id"
        )
        if p.is_effectively_published and not p.hides_identity
    ]
    return {"profiles": profiles}
