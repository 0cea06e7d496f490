"""`{% introduction_agreements introduction %}`: the agreements and follow-up section that the
introduction page includes, and `{{ amount|money:currency }}`."""

from __future__ import annotations

from typing import Any

from django import template

from jembatan.engagement.domain.agreements import (
    acting_party,
    may_report_for,
    visible_agreements,
    with_parties,
)
from jembatan.engagement.domain.follow_up import company_for, is_stale, open_request
from jembatan.engagement.domain.money import format_money
from jembatan.engagement.interfaces.agreement_forms import FollowUpAnswerForm
from jembatan.engagement.models import DeclineReason, FollowUpAnswer, Introduction, Stage

register = template.Library()


@register.filter
def money(amount: int | None, currency: str) -> str:
    return format_money(amount, currency)


@register.inclusion_tag("engagement/_introduction_agreements.html", takes_context=True)
def introduction_agreements(context: dict[str, Any], introduction: Introduction) -> dict[str, Any]:
    user = context["request"].user
    agreements = with_parties(visible_agreements(user).filter(introduction=introduction))
    rows = []
    for agreement in agreements:
        party = acting_party(agreement, user)
        rows.append(
            {
                "agreement": agreement,
                "value": format_money(agreement.value_amount, agreement.value_currency),
                "may_confirm": party is not None and party.confirmed_at is None,
            }
        )
    follow_up = open_request(introduction) if company_for(user, introduction) else None
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "introduction": introduction,
        "agreements": rows,
        "may_report": may_report_for(user, introduction) and introduction.stage != Stage.CLOSED,
        "follow_up": follow_up,
        "stale": is_stale(introduction),
        "answers": FollowUpAnswer.choices,
        "reasons": DeclineReason.choices,
        "follow_up_form": FollowUpAnswerForm(),
    }
