"""/matching/search/: free text, any language, over profiles or companies."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jembatan.matching.domain.cards import company_card
from jembatan.matching.domain.search import search_company_objects, search_profile_objects
from jembatan.matching.interfaces.forms import SearchForm, with_default_country
from jembatan.matching.models import ObjectType
from jembatan.opportunities.domain.presentation import public_view
from jembatan.registry.domain.queries.companies import default_partner_country

RESULTS = 20


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    data = with_default_country(request.GET, default_partner_country(request.user))
    form = SearchForm(data if request.GET else None, initial={"country": data.get("country")})
    profiles, companies = [], []
    if form.is_valid() and form.cleaned_data["q"]:
        query, kind = form.cleaned_data["q"], form.cleaned_data["type"]
        country = form.cleaned_data["country"]
        if kind == ObjectType.COMPANY:
            companies = [
                company_card(c)
                for _, c in search_company_objects(request.user, query, RESULTS, country)
            ]
        else:
            profiles = [
                public_view(p, request.user)
                for _, p in search_profile_objects(request.user, query, RESULTS, country)
            ]
    context = {
        "form": form,
        "profiles": profiles,
        "companies": companies,
        "searched": form.is_bound,
    }
    return render(request, "matching/search.html", context)
