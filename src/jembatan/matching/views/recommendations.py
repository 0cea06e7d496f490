"""Recommendation pages for one profile and for one company, and 'not relevant' marks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.matching.domain.digest import is_subscribed
from jembatan.matching.domain.home_visits import record_recommendations_view
from jembatan.matching.domain.recommend import (
    mark_not_relevant,
    recommend_companies,
    recommend_for_profile,
    recommend_profiles_for_company,
)
from jembatan.matching.interfaces.forms import DigestForm, FeedbackForm
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.domain.queries.profiles import for_display, visible_profiles
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company


def _profile_for(request: HttpRequest, pk: int, permission: str) -> PartnershipProfile:
    # A profile the user may not see (someone else's draft) is unknown: 404, as a wrong id.
    profile = get_object_or_404(for_display(visible_profiles(request.user)), pk=pk)
    if not request.user.has_perm(permission, profile):
        raise PermissionDenied
    return profile


def _company_for(request: HttpRequest, pk: int, permission: str) -> Company:
    company = get_object_or_404(Company, pk=pk)
    if not request.user.has_perm(permission, company):
        raise PermissionDenied
    return company


@login_required
def profile_matches(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_for(request, pk, "matching.view_profile_matches")
    context = {
        "profile": public_view(profile, request.user),
        "recommendations": recommend_for_profile(profile, request.user),
        "can_give_feedback": request.user.has_perm("matching.give_profile_feedback", profile),
    }
    return render(request, "matching/profile_matches.html", context)


@login_required
def company_matches(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request, pk, "matching.view_company_matches")
    context = {
        "company": company,
        "profile_recommendations": recommend_profiles_for_company(company, request.user),
        "company_recommendations": recommend_companies(company, request.user),
        "can_give_feedback": request.user.has_perm("matching.give_company_feedback", company),
        "digest_form": DigestForm(initial={"active": is_subscribed(request.user)})
        if request.user.has_perm("matching.subscribe_digest")
        else None,
    }
    if getattr(request.user, "company_id_or_none", None) == company.pk:
        record_recommendations_view(request.user)  # ticks the home page's first-run checklist
    return render(request, "matching/company_matches.html", context)


def _record_feedback(
    request: HttpRequest, company: Company, source: PartnershipProfile | None
) -> None:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request, f"{form.fields[field].label}: {' '.join(str(e) for e in errors)}"
            )
        return
    data = form.cleaned_data
    mark_not_relevant(company, data["target_type"], data["target_id"], request.user, source)
    messages.success(request, _("Marked as not relevant; it will not be recommended again."))


@login_required
@require_POST
def profile_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile_for(request, pk, "matching.give_profile_feedback")
    _record_feedback(request, profile.company, profile)
    return redirect("matching:profile", pk=pk)


@login_required
@require_POST
def company_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request, pk, "matching.give_company_feedback")
    _record_feedback(request, company, None)
    return redirect("matching:company", pk=pk)
