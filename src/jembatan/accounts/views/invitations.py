"""Inviting teammates, and the invitee's accept page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.accounts.domain.invitations import (
    MAX_PENDING,
    InvitationError,
    accept,
    invitation_for_token,
    invite,
    inviting_organisation,
    pending_invitations,
    revoke,
)
from jembatan.accounts.interfaces.forms import AcceptInvitationForm, InvitationForm
from jembatan.accounts.models import Invitation
from jembatan.accounts.tasks import after_commit, task_send_invitation


@login_required
def invitations(request: HttpRequest) -> HttpResponse:
    organisation = inviting_organisation(request.user)
    if organisation is None:
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invite(
                request.user, form.cleaned_data["email"], form.cleaned_data["language"]
            )
        except InvitationError as error:
            form.add_error(error.field, str(error))
        else:
            after_commit(task_send_invitation, invitation.pk)
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("accounts:invitations")
    pending = list(pending_invitations(organisation, timezone.now()))
    members = organisation.members.filter(is_active=True).order_by("last_name", "first_name")
    context = {
        "form": form,
        "organisation": organisation,
        "pending": pending,
        "members": list(members),
        "max_pending": MAX_PENDING,
    }
    return render(request, "accounts/invitations.html", context)


@require_POST
@login_required
def revoke_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = inviting_organisation(request.user)
    # 404, not 403, for another organisation's invitation.
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    revoke(request.user, invitation)
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
    )
    return redirect("accounts:invitations")


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_for_token(token)
    except InvitationError as error:
        return render(request, "accounts/link_invalid.html", {"message": str(error)}, status=400)
    if request.user.is_authenticated:
        return render(
            request,
            "accounts/link_invalid.html",
            {"message": _("Sign out first: this invitation creates a new account.")},
            status=400,
        )
    form = AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"language": invitation.language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            accept(token, form.person())
        except InvitationError as error:
            return render(
                request, "accounts/link_invalid.html", {"message": str(error)}, status=400
            )
        messages.success(
            request,
            _("Welcome to %(name)s. Sign in with %(email)s.")
            % {"name": invitation.organisation.name, "email": invitation.email},
        )
        return redirect("login")
    context = {"form": form, "invitation": invitation}
    return render(request, "accounts/accept_invitation.html", context)
