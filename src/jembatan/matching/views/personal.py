"""A user's own lists: favourites (star and unstar) and saved searches."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.matching.domain.favourites import (
    FavouriteNotAllowedError,
    favourites_of,
    set_company_favourite,
    set_profile_favourite,
)
from jembatan.matching.domain.saved_searches import (
    SavedSearchError,
    can_alert,
    delete_saved_search,
    save_search,
    saved_searches_of,
    search_url,
)
from jembatan.matching.interfaces.forms import SavedSearchForm
from jembatan.matching.interfaces.star import star_button
from jembatan.opportunities.domain.queries.profiles import visible_profiles
from jembatan.registry.models import Company


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Back to the page the button was on (only on this site), else to `fallback`."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


def _star_response(
    request: HttpRequest, kind: str, pk: int, starred: bool, fallback: str
) -> HttpResponse:
    if getattr(request, "htmx", False):
        next_url = request.POST.get("next", "") or request.get_full_path()
        html = star_button(
            kind, pk, starred=starred, next_url=next_url, csrf_token=get_token(request)
        )
        return HttpResponse(html)
    return _back(request, fallback)


@login_required
@require_POST
def favourite_profile(request: HttpRequest, pk: int) -> HttpResponse:
    # A profile one may not see is unknown (404), as a wrong id.
    profile = get_object_or_404(visible_profiles(request.user), pk=pk)
    starred = request.POST.get("starred") == "1"
    try:
        starred = set_profile_favourite(request.user, profile, starred)
    except FavouriteNotAllowedError as refused:
        raise Http404 from refused
    fallback = reverse("opportunities:detail", args=[pk])
    return _star_response(request, "profile", pk, starred, fallback)


@login_required
@require_POST
def favourite_company(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=pk)
    starred = request.POST.get("starred") == "1"
    try:
        starred = set_company_favourite(request.user, company, starred)
    except FavouriteNotAllowedError as refused:
        raise Http404 from refused
    fallback = reverse("registry:company_detail", args=[pk])
    return _star_response(request, "company", pk, starred, fallback)


@login_required
def favourites(request: HttpRequest) -> HttpResponse:
    lists = favourites_of(request.user)
    context = {"profiles": lists.profiles, "companies": lists.companies}
    return render(request, "matching/favourites.html", context)


@login_required
def saved_searches(request: HttpRequest) -> HttpResponse:
    """GET: the user's saved searches; POST: save the search the form carries."""
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            alert = data["alert"] and can_alert(data["scope"], data["query"])
            try:
                save_search(request.user, data["name"], data["scope"], data["query"], alert)
            except SavedSearchError:
                messages.error(request, _("You have too many saved searches; delete one first."))
            else:
                messages.success(request, _("Search saved."))
            return HttpResponseRedirect(reverse("matching:saved_searches"))
        messages.error(request, _("Give the search a name to save it."))
        return _back(request, reverse("matching:saved_searches"))
    rows = [(saved, search_url(saved)) for saved in saved_searches_of(request.user)]
    return render(request, "matching/saved_searches.html", {"rows": rows})


@login_required
@require_POST
def saved_search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    # Someone else's saved search is unknown: 404.
    saved = get_object_or_404(saved_searches_of(request.user), pk=pk)
    delete_saved_search(request.user, saved)
    messages.success(request, _("Saved search deleted."))
    return HttpResponseRedirect(reverse("matching:saved_searches"))
