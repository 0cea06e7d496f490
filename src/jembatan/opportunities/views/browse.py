"""Reading profiles: the list with filters, one profile, its attachments."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from jembatan.core.interfaces.downloads import stored_file_response
from jembatan.opportunities.domain.presentation import (
    attachment_display_name,
    can_see_identity,
    public_view,
)
from jembatan.opportunities.domain.queries.profiles import (
    for_display,
    search,
    targeting,
    visible_profiles,
)
from jembatan.opportunities.interfaces.forms import CloseForm, ProfileFilterForm, ReturnForm
from jembatan.opportunities.views.common import available_actions, get_visible_profile
from jembatan.registry.models import ProgrammeSector

PAGE_SIZE = 20


@login_required
def profile_list(request: HttpRequest) -> HttpResponse:
    sectors = [(s.slug, s.localized_name()) for s in ProgrammeSector.objects.all()]
    filters = ProfileFilterForm(request.GET or None, sectors=sectors)
    profiles = for_display(visible_profiles(request.user))
    if filters.is_valid():
        data = filters.cleaned_data
        profiles = search(profiles, data["q"])
        for field, lookup in (
            ("kind", "kind"),
            ("direction", "direction"),
            ("sector", "sector_id"),
            ("country", "company__country"),
        ):
            if data[field]:
                profiles = profiles.filter(**{lookup: data[field]})
        if data["target_country"]:
            profiles = targeting(profiles, data["target_country"])
    elif filters.is_bound:
        profiles = profiles.none()
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "page": page,
        "profiles": [public_view(profile, request.user) for profile in page.object_list],
        "query": query.urlencode(),
        "can_add": request.user.has_perm("opportunities.add_profile"),
    }
    return render(request, "opportunities/profile_list.html", context)


@login_required
def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_visible_profile(request, pk)
    context = {
        "profile": public_view(profile, request.user),
        "profile_object": profile,
        "actions": available_actions(profile, request.user),
        "return_form": ReturnForm(),
        "close_form": CloseForm(),
    }
    return render(request, "opportunities/profile_detail.html", context)


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Serve a file through the permission check, never straight from MEDIA_URL, and under a
    neutral name when the poster hides its identity."""
    profile = get_visible_profile(request, pk)
    numbered = {a.pk: (n, a) for n, a in enumerate(profile.attachments.all(), start=1)}
    if attachment_pk not in numbered:
        raise Http404
    position, attachment = numbered[attachment_pk]
    hidden = not can_see_identity(profile, request.user)
    return stored_file_response(
        attachment.file,
        attachment_display_name(attachment, position, hidden),
        attachment.content_type,
    )
