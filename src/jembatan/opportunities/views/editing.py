"""Posting a profile and changing it while it is a draft (or returned)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.opportunities.domain.editing import attach_file, remove_attachment, save_profile
from jembatan.opportunities.domain.lifecycle import TransitionError
from jembatan.opportunities.interfaces.forms import ProfileForm
from jembatan.opportunities.models import PartnershipProfile
from jembatan.opportunities.views.common import get_visible_profile
from jembatan.registry.models import Company


def _save_form(request: HttpRequest, form: ProfileForm) -> PartnershipProfile:
    with transaction.atomic():
        profile = form.save(commit=False)
        save_profile(profile, request.user, form.cleaned_data["language"])
        form.save_m2m()
        for upload in form.cleaned_data["attachments"]:
            attach_file(profile, upload, request.user)
    return profile


@login_required
def profile_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.add_profile"):
        raise PermissionDenied
    # add_profile guarantees a company: the rule requires one.
    company = Company.objects.get(pk=getattr(request.user, "company_id_or_none", 0))
    instance = PartnershipProfile(company=company)
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=instance, company=company
    )
    if request.method == "POST" and form.is_valid():
        profile = _save_form(request, form)
        messages.success(request, _("The draft is saved. Submit it for validation when ready."))
        return redirect("opportunities:detail", pk=profile.pk)
    return render(request, "opportunities/profile_form.html", {"form": form, "profile": None})


@login_required
def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_visible_profile(request, pk)
    if not request.user.has_perm("opportunities.change_profile", profile):
        raise PermissionDenied
    if not profile.is_editable:
        messages.error(request, _("Only a draft or a returned profile can be changed."))
        return redirect("opportunities:detail", pk=profile.pk)
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=profile, company=profile.company
    )
    if request.method == "POST" and form.is_valid():
        _save_form(request, form)
        messages.success(request, _("The profile is saved."))
        return redirect("opportunities:detail", pk=profile.pk)
    return render(request, "opportunities/profile_form.html", {"form": form, "profile": profile})


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    profile = get_visible_profile(request, pk)
    if not request.user.has_perm("opportunities.change_profile", profile):
        raise PermissionDenied
    attachment = next((a for a in profile.attachments.all() if a.pk == attachment_pk), None)
    if attachment is None:
        raise Http404
    try:
        remove_attachment(attachment, request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect("opportunities:edit", pk=profile.pk)
