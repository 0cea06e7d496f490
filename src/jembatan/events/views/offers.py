"""An introduction offered after an event: each company accepts or declines it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jembatan.events.domain.pipeline import (
    OfferError,
    accept_offer,
    decline_offer,
    side_of,
    visible_offers,
)


@login_required
def introduction_offer(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(visible_offers(request.user), pk=pk)
    side = side_of(offer, request.user)
    if request.method == "POST" and side is not None:
        try:
            if request.POST.get("answer") == "accept":
                offer = accept_offer(request.user, offer)
                messages.success(request, _("Accepted."))
            else:
                offer = decline_offer(request.user, offer)
                messages.success(request, _("Declined."))
        except OfferError as error:
            messages.error(request, str(error))
        if offer.introduction_id:
            return redirect("engagement:introduction", pk=offer.introduction_id)
        return redirect("events:introduction_offer", pk=offer.pk)
    own_accepted = side is not None and getattr(offer, f"{side}_accepted_at") is not None
    partner = offer.company_b if side == "a" else offer.company_a
    context = {
        "offer": offer,
        "side": side,
        "partner": partner,
        "own_accepted": own_accepted,
        "open": offer.declined_at is None and offer.introduction_id is None,
    }
    return render(request, "events/introduction_offer.html", context)
