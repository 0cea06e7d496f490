"""/matching/search/: free text, any language, over profiles or companies."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jembatan.matching.domain.cards import company_card
from jembatan.matching.domain.search import search_company_objects, search_profile_objects
from jembatan.matching.interfaces.forms import SearchForm
from jembatan.matching.models import ObjectType
from jembatan.opportunities.domain.presentation import public_view

RESULTS = 20


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    profiles, companies = [], []
    if form.is_valid() and form.cleaned_data["q"]:
        query, kind = form.cleaned_data["q"], form.cleaned_data["type"]
        if kind == ObjectType.COMPANY:
            companies = [
                company_card(c) for _, c in search_company_objects(request.user, query, RESULTS)
            ]
        else:
            profiles = [
                public_view(p, request.user)
                for _, p in search_profile_objects(request.user, query, RESULTS)
            ]
    context = {
        "form": form,
        "profiles": profiles,
        "companies": companies,
        "searched": form.is_bound,
    }
    return render(request, "matching/search.html", context)
