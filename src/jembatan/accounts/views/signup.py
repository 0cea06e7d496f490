"""Sign-up pages (companies and institutions), the e-mail confirmation and its resend."""

from __future__ import annotations

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.accounts.domain.addresses import client_address
from jembatan.accounts.domain.confirmation import (
    ConfirmationError,
    claim_resend,
    confirm_email,
    user_for_confirmation,
    user_for_resend,
)
from jembatan.accounts.domain.signup import sign_up_company, sign_up_institution
from jembatan.accounts.domain.throttle import signup_allowed
from jembatan.accounts.interfaces.forms import CompanySignUpForm, InstitutionSignUpForm
from jembatan.accounts.tasks import after_commit, task_send_confirmation


def _signed_up(
    request: HttpRequest, user_id: int, claimed: bool, institution: bool = False
) -> HttpResponse:
    after_commit(task_send_confirmation, user_id)
    request.session["signed_up"] = {"claimed": claimed, "institution": institution}
    return redirect("accounts:signup_done")


def _allowed(request: HttpRequest, form: Form) -> bool:
    if signup_allowed(client_address(request)):
        return True
    form.add_error(
        None, _("Too many sign-ups from your network in the last hour. Try again later.")
    )
    return False


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = CompanySignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _allowed(request, form):
        data = form.cleaned_data
        result = sign_up_company(
            country=data["country"],
            registry_id=data["registry_id"],
            legal_name=data["legal_name"].strip(),
            region=data["region"],
            person=form.person(),
        )
        return _signed_up(request, result.user.pk, claimed=result.claim is not None)
    return render(request, "accounts/signup.html", {"form": form, "kind": "company"})


def signup_institution(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = InstitutionSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _allowed(request, form):
        data = form.cleaned_data
        user = sign_up_institution(
            name=data["name"],
            institution_type=data["institution_type"],
            country=data["country"],
            region=data["region"],
            person=form.person(),
        )
        return _signed_up(request, user.pk, claimed=False, institution=True)
    return render(request, "accounts/signup.html", {"form": form, "kind": "institution"})


def signup_done(request: HttpRequest) -> HttpResponse:
    outcome = request.session.get("signed_up") or {}
    return render(request, "accounts/signup_done.html", {"outcome": outcome})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    try:
        if request.method == "POST":
            confirm_email(token)
            messages.success(request, _("Your e-mail address is confirmed. You can sign in now."))
            return redirect("login")
        user = user_for_confirmation(token)
    except ConfirmationError as error:
        return render(request, "accounts/link_invalid.html", {"message": str(error)}, status=400)
    return render(request, "accounts/confirm.html", {"email": user.email, "kind": "signup"})


@require_POST
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    user = user_for_resend(request.POST.get("token", ""))
    if user is None:
        messages.error(request, _("This button has expired. Sign in again to get a new one."))
    elif claim_resend(user):
        after_commit(task_send_confirmation, user.pk)
        messages.success(request, _("We sent a new confirmation link to your address."))
    else:
        messages.warning(
            request,
            _(
                "A link was sent less than 5 minutes ago. Look in your inbox (and the spam "
                "folder), or try again in a few minutes."
            ),
        )
    return redirect("login")
